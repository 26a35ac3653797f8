import ExcelJS from "exceljs";
import Papa from "papaparse";
import { FormatError, assertWithinSizeLimit } from "./format-error.ts";
import type { FormatErrorDetail } from "./format-error.ts";
import {
  decodeText,
  describeBinaryKind,
  isXlsxZip,
  listZipEntries,
  looksLikeText,
  sniffBinaryKind,
  stripBom,
} from "./file-sniffing.ts";

/** One spreadsheet row as text cells, numbered as a spreadsheet program would show it. */
export interface GridRow {
  number: number;
  cells: string[];
  /** Indexes of cells covered by a merge; their text is the merge's top-left value. */
  mergedCells?: Set<number>;
}

export interface SheetGrid {
  rows: GridRow[];
  /** Set for workbooks: the sheet that was read and every sheet available. */
  sheetName?: string;
  sheetNames?: string[];
  /** Workbooks only: the text of every sheet by name, row n at index n - 1. */
  sheets?: Map<string, string[][]>;
}

/** A workbook may expand to this much XML before we refuse to open it (guards against zip bombs). */
const MAX_XLSX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
const CSV_DELIMITERS = [",", ";", "\t"] as const;

/** Column letters as spreadsheet programs show them: 0 → "A", 26 → "AA". */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function describe(fileName: string | undefined, fallback: string): string {
  return fileName ? `"${fileName}"` : fallback;
}

function normaliseCellText(text: string): string {
  return text.replace(/\r\n?/g, "\n").trim();
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) line++;
  }
  return line;
}

function lastFilledIndex(cells: readonly string[]): number {
  for (let index = cells.length - 1; index >= 0; index--) {
    if ((cells[index] ?? "").trim() !== "") return index;
  }
  return -1;
}

/**
 * Chooses the delimiter under which the header has at least two columns and the most rows share its
 * width. Commas inside European semicolon files, or in descriptors, then do not fool the guess.
 */
export function guessCsvDelimiter(text: string): string {
  // Our own full export is comma-separated; its descriptors must not sway the guess.
  if (/^\[ascent:Framework\]\r?$/m.test(text)) return ",";
  const sample = text.slice(0, 64 * 1024);
  let best: { delimiter: string; consistency: number; width: number } = {
    delimiter: ",",
    consistency: -1,
    width: 0,
  };
  for (const delimiter of CSV_DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, { delimiter, preview: 50, skipEmptyLines: "greedy" }).data;
    const header = rows[0];
    if (!header) continue;
    const width = lastFilledIndex(header) + 1;
    if (width < 2) continue;
    const consistency = rows.filter((row) => row.length === header.length).length / rows.length;
    if (consistency > best.consistency || (consistency === best.consistency && width > best.width)) {
      best = { delimiter, consistency, width };
    }
  }
  return best.delimiter;
}

/**
 * Our CSV export prefixes cells that a spreadsheet would run as a formula with an apostrophe;
 * reading drops it again so that a round trip keeps the text.
 */
function unescapeFormula(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** Reads CSV (or TSV) text or bytes into rows of trimmed text cells. */
export function readCsvGrid(input: string | Uint8Array, fileName?: string): SheetGrid {
  let text: string;
  if (typeof input === "string") {
    assertWithinSizeLimit(Buffer.byteLength(input, "utf8"), fileName);
    text = stripBom(input);
  } else {
    assertWithinSizeLimit(input.byteLength, fileName);
    const binaryKind = sniffBinaryKind(input);
    if (binaryKind || !looksLikeText(input)) {
      const what = binaryKind ? describeBinaryKind(binaryKind) : "a binary file";
      throw new FormatError("unsupported_format", `${describe(fileName, "The file")} is ${what}, not CSV`, [
        { message: `Detected ${what}` },
      ]);
    }
    text = decodeText(input);
  }
  if (text.trim() === "") {
    throw new FormatError("unsupported_format", `${describe(fileName, "The file")} is empty`, [
      { message: "The file has no content" },
    ]);
  }

  const delimiter = guessCsvDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const quoteErrors = parsed.errors.filter((error) => error.type === "Quotes");
  if (quoteErrors.length > 0) {
    const seen = new Set<string>();
    const details: FormatErrorDetail[] = [];
    for (const error of quoteErrors) {
      const row = (error.row ?? 0) + 1;
      const cells = parsed.data[error.row ?? 0] ?? [];
      const column = columnLetter(Math.max(0, cells.length - 1));
      const key = `${row}:${column}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const message =
        error.code === "MissingQuotes"
          ? "A quoted cell is never closed; add the closing double quote"
          : 'A quoted cell has text after its closing quote; write a literal quote as ""';
      details.push({ message, row, column, line: lineAt(text, error.index ?? 0) });
    }
    const first = details[0];
    throw new FormatError(
      "malformed_file",
      `${describe(fileName, "The CSV file")} could not be parsed: ${first?.message} (row ${first?.row}, column ${first?.column})`,
      details,
    );
  }
  return {
    rows: parsed.data.map((cells, index) => ({
      number: index + 1,
      cells: cells.map((cell) => unescapeFormula(normaliseCellText(cell))),
    })),
  };
}

function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

/** Plain text of any cell value: rich text runs joined, formula results, hyperlink text, error codes. */
export function cellValueText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return dateText(value);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    return cellValueText(value.result as ExcelJS.CellValue | undefined);
  }
  if ("hyperlink" in value) return cellValueText(value.text as ExcelJS.CellValue);
  if ("error" in value) return value.error;
  return "";
}

function chooseWorksheet(
  workbook: ExcelJS.Workbook,
  requested: string | undefined,
  fileName: string | undefined,
): ExcelJS.Worksheet {
  const sheets = workbook.worksheets;
  const names = sheets.map((sheet) => sheet.name);
  if (requested !== undefined) {
    const wanted = requested.trim().toLowerCase();
    const found =
      sheets.find((sheet) => sheet.name === requested) ??
      sheets.find((sheet) => sheet.name.trim().toLowerCase() === wanted);
    if (!found) {
      const available = names.map((name) => `"${name}"`).join(", ");
      throw new FormatError(
        "malformed_file",
        `${describe(fileName, "The workbook")} has no sheet named "${requested}"; available sheets: ${available}`,
        [{ message: `No sheet named "${requested}". Available sheets: ${available}` }],
      );
    }
    return found;
  }
  const first = sheets.find((sheet) => sheet.state === "visible") ?? sheets[0];
  if (!first) {
    throw new FormatError("malformed_file", `${describe(fileName, "The workbook")} has no sheets`, [
      { message: "The workbook contains no worksheets" },
    ]);
  }
  return first;
}

/** Reads one sheet of an .xlsx workbook (the first visible one unless `sheet` names another). */
export async function readXlsxGrid(
  bytes: Uint8Array,
  options: { sheet?: string; fileName?: string } = {},
): Promise<SheetGrid> {
  const { fileName } = options;
  assertWithinSizeLimit(bytes.byteLength, fileName);
  const binaryKind = sniffBinaryKind(bytes);
  const entries = binaryKind === "zip" ? listZipEntries(bytes) : undefined;
  if (!entries || !isXlsxZip(entries)) {
    const what =
      binaryKind === "zip"
        ? "a zip archive that is not an .xlsx workbook"
        : binaryKind
          ? describeBinaryKind(binaryKind)
          : bytes.byteLength === 0
            ? "empty"
            : "not an .xlsx workbook";
    throw new FormatError("unsupported_format", `${describe(fileName, "The file")} is ${what}`, [
      { message: `Detected ${what}` },
    ]);
  }
  const expanded = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (expanded > MAX_XLSX_UNCOMPRESSED_BYTES) {
    throw new FormatError(
      "file_too_large",
      `${describe(fileName, "The workbook")} expands to ${Math.round(expanded / 1024 / 1024)} MB; the limit is 100 MB`,
      [{ message: `Uncompressed content of ${expanded} bytes exceeds ${MAX_XLSX_UNCOMPRESSED_BYTES} bytes` }],
    );
  }

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FormatError(
      "malformed_file",
      `${describe(fileName, "The workbook")} could not be read as an .xlsx workbook`,
      [{ message: `The workbook is damaged or not a spreadsheet: ${reason}` }],
    );
  }
  const worksheet = chooseWorksheet(workbook, options.sheet, fileName);
  const sheets = new Map<string, string[][]>();
  for (const sheet of workbook.worksheets) {
    const table: string[][] = [];
    for (const row of readWorksheetRows(sheet)) table[row.number - 1] = row.cells;
    sheets.set(
      sheet.name,
      Array.from(table, (cells) => cells ?? []),
    );
  }
  return {
    rows: readWorksheetRows(worksheet),
    sheetName: worksheet.name,
    sheetNames: workbook.worksheets.map((sheet) => sheet.name),
    sheets,
  };
}

function readWorksheetRows(worksheet: ExcelJS.Worksheet): GridRow[] {
  const rows: GridRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const mergedCells = new Set<number>();
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const isMergeSlave = cell.isMerged && cell.master.address !== cell.address;
      const source = isMergeSlave ? cell.master : cell;
      cells[columnNumber - 1] = normaliseCellText(cellValueText(source.value));
      if (isMergeSlave) mergedCells.add(columnNumber - 1);
    });
    rows.push({
      number: rowNumber,
      cells: Array.from(cells, (cell) => cell ?? ""),
      ...(mergedCells.size > 0 ? { mergedCells } : {}),
    });
  });
  return rows;
}
