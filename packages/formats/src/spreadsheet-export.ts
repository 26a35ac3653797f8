import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { Framework } from "@ascent/core";
import { frameworkParts, levelsByRank } from "./framework-parts.ts";

/**
 * Spreadsheet programs run a cell that starts with = + - or @ as a formula (CSV injection, and
 * "#NAME?" for bulleted text); an apostrophe keeps it text. The CSV importer removes one again, so a
 * text that itself starts with apostrophes before such a character gets one more.
 */
function escapeFormula(text: string): string {
  return /^'*[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The row that opens each part after the ladder in a CSV export, e.g. "[ascent:Levels]". */
export function csvSectionMarker(name: string): string {
  return `[ascent:${name}]`;
}

/**
 * The framework as one CSV file (RFC 4180, CRLF, UTF-8 with a byte-order mark so that Excel reads
 * accents). It opens with the ladder grid (Area, Competency, one column per level), which is all a
 * plain matrix reader needs; then each other part follows after a blank row and a marker row such as
 * "[ascent:Levels]", so that importing the file gives the framework back unchanged.
 */
export function exportFrameworkCsv(framework: Framework): string {
  const rows: string[][] = [];
  for (const part of frameworkParts(framework)) {
    if (part.name !== "Ladder") rows.push([], [csvSectionMarker(part.name)]);
    rows.push(...part.rows.map((row) => row.map((cell) => escapeFormula(String(cell)))));
  }
  return `\uFEFF${Papa.unparse(rows, { newline: "\r\n" })}\r\n`;
}

/**
 * The framework as an .xlsx workbook with a sheet per part. The first sheet is the ladder a person
 * reads (levels as columns, competencies as rows); the others carry ids, tracks, numbers, aliases,
 * the scale, playbooks, sources and guidance, so that importing the workbook gives it back unchanged.
 */
export async function exportFrameworkXlsx(framework: Framework): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Ascent";
  workbook.title = framework.name;
  const levelCount = levelsByRank(framework).length;
  for (const part of frameworkParts(framework)) {
    const isLadder = part.name === "Ladder";
    const sheet = workbook.addWorksheet(part.name, {
      views: [{ state: "frozen", xSplit: isLadder ? 2 : 0, ySplit: 1 }],
    });
    const widths = isLadder ? [22, 30, ...Array.from({ length: levelCount }, () => 45)] : undefined;
    const columnCount = Math.max(...part.rows.map((row) => row.length));
    sheet.columns = Array.from({ length: columnCount }, (_, index) => ({ width: widths?.[index] ?? 24 }));
    for (const row of part.rows) sheet.addRow(row);
    sheet.getRow(1).font = { bold: true };
    sheet.eachRow((row) => {
      row.alignment = { vertical: "top", wrapText: true };
    });
  }
  const written = await workbook.xlsx.writeBuffer();
  return Buffer.from(written as ArrayBuffer);
}
