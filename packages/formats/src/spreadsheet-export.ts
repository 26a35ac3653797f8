import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { Competency, Framework, Level } from "@ascent/core";

/** Header of the competency-name and area columns; the importer recognises both. */
const AREA_HEADER = "Area";
const COMPETENCY_HEADER = "Competency";

function levelsByRank(framework: Framework): Level[] {
  return [...framework.levels].sort((a, b) => a.rank - b.rank);
}

function descriptorOf(framework: Framework, level: Level, competency: Competency): string {
  return framework.expectations[level.id]?.[competency.id]?.descriptor ?? "";
}

/** The ladder as a grid: Area, Competency, then one column per level from junior to senior. */
function ladderRows(framework: Framework): string[][] {
  const levels = levelsByRank(framework);
  const header = [AREA_HEADER, COMPETENCY_HEADER, ...levels.map((level) => level.name)];
  const rows = framework.competencies.map((competency) => [
    competency.area,
    competency.name,
    ...levels.map((level) => descriptorOf(framework, level, competency)),
  ]);
  return [header, ...rows];
}

/**
 * Spreadsheet programs run a cell that starts with = + - or @ as a formula (CSV injection, and
 * "#NAME?" for bulleted text); an apostrophe keeps it text. The CSV importer removes it again.
 */
function escapeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The ladder as CSV (RFC 4180, CRLF). It starts with a UTF-8 byte-order mark so that Excel reads
 * accented characters correctly; the importer strips it.
 */
export function exportFrameworkCsv(framework: Framework): string {
  const rows = ladderRows(framework).map((row) => row.map(escapeFormula));
  return `\uFEFF${Papa.unparse(rows, { newline: "\r\n" })}\r\n`;
}

/** The ladder as an .xlsx workbook: the grid on the first sheet, level details on a second. */
export async function exportFrameworkXlsx(framework: Framework): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Ascent";
  workbook.title = framework.name;

  const ladder = workbook.addWorksheet("Ladder", { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  const levels = levelsByRank(framework);
  ladder.columns = [{ width: 22 }, { width: 30 }, ...levels.map(() => ({ width: 45 }))];
  for (const row of ladderRows(framework)) ladder.addRow(row);
  ladder.eachRow((row) => {
    row.alignment = { vertical: "top", wrapText: true };
  });
  ladder.getRow(1).font = { bold: true };

  const details = workbook.addWorksheet("Levels", { views: [{ state: "frozen", ySplit: 1 }] });
  details.columns = [{ width: 8 }, { width: 24 }, { width: 24 }, { width: 12 }, { width: 50 }, { width: 50 }];
  details.addRow(["Rank", "Level", "Id", "Track", "Scope", "Summary"]);
  for (const level of levels) {
    details.addRow([level.rank, level.name, level.id, level.track, level.scope, level.summary]);
  }
  details.getRow(1).font = { bold: true };
  details.eachRow((row) => {
    row.alignment = { vertical: "top", wrapText: true };
  });

  const written = await workbook.xlsx.writeBuffer();
  return Buffer.from(written as ArrayBuffer);
}
