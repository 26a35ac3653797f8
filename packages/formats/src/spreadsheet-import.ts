import { validateFramework, formatIssuePath } from "@ascent/core";
import type { Framework } from "@ascent/core";
import { FormatError } from "./format-error.ts";
import type { FormatErrorDetail } from "./format-error.ts";
import { buildDraftFramework } from "./draft-framework.ts";
import type { DraftCompetencyInput } from "./draft-framework.ts";
import { detectFrameworkFormat } from "./detect-format.ts";
import { frameworkFromParts, isFullExport } from "./framework-parts.ts";
import { columnLetter, readCsvGrid, readXlsxGrid } from "./spreadsheet-grid.ts";
import type { GridRow, SheetGrid } from "./spreadsheet-grid.ts";

export interface SpreadsheetImportOptions {
  /** Name of the draft framework; defaults to a title row, else the file name. */
  name?: string;
  slug?: string;
  /** Workbook sheet to read; the first visible sheet when omitted. */
  sheet?: string;
  /** Used in messages and as a fallback name. */
  fileName?: string;
}

export interface SpreadsheetPreview {
  levels: { id: string; name: string; rank: number }[];
  competencies: { id: string; name: string; area: string }[];
  /** Cells with no expectation text; `level` and `competency` are ids from the lists above. */
  emptyCells: { row: number; column: string; level: string; competency: string }[];
  warnings: string[];
  /** A draft with default tracks, expected scores and weights, for the admin to review. */
  framework: Framework;
  /** Workbooks only: the sheet read, and all sheets to choose from. */
  sheetName?: string;
  sheetNames?: string[];
}

const DEFAULT_AREA = "General";
const MAX_REPORTED_PROBLEMS = 200;
const AREA_HEADER = /^(?:(?:competency|skill)\s+)?(?:area|theme|category|group)s?$/i;
const COMPETENCY_HEADER = /\b(?:competenc(?:y|ies)|skills?|criteria|criterion)\b/i;
const DESCRIPTION_HEADER = /^(?:description|definition|summary)$/i;

interface ColumnLayout {
  competency: number;
  area: number | undefined;
  description: number | undefined;
  levels: number[];
  /** Everything right of this index lies beyond the header. */
  width: number;
}

function isBlank(text: string | undefined): boolean {
  return (text ?? "").trim() === "";
}

function filledCount(row: GridRow): number {
  return row.cells.filter((cell) => !isBlank(cell)).length;
}

function comparable(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

function cellRef(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

function headerTexts(row: GridRow): string[] {
  // A header merged across columns names only its first column; the others have no header of their own.
  return row.cells.map((cell, index) => (row.mergedCells?.has(index) ? "" : cell.trim()));
}

function layoutColumns(headers: readonly string[], rowNumber: number, problems: FormatErrorDetail[]): ColumnLayout {
  let width = 0;
  headers.forEach((header, index) => {
    if (!isBlank(header)) width = index + 1;
  });
  const find = (pattern: RegExp, taken: ReadonlySet<number>): number | undefined => {
    const index = headers.findIndex((header, column) => !taken.has(column) && pattern.test(header));
    return index < 0 ? undefined : index;
  };
  const taken = new Set<number>();
  const area = find(AREA_HEADER, taken);
  if (area !== undefined) taken.add(area);
  let competency = find(COMPETENCY_HEADER, taken);
  if (competency === undefined) {
    competency = 0;
    while (taken.has(competency)) competency++;
  }
  taken.add(competency);
  const description = find(DESCRIPTION_HEADER, taken);
  if (description !== undefined) taken.add(description);

  const levels: number[] = [];
  for (let index = 0; index < width; index++) {
    if (!taken.has(index) && !isBlank(headers[index])) levels.push(index);
  }
  if (levels.length === 0) {
    problems.push({
      message: "The header row names no levels: after the competency column, each column header should be a level name",
      row: rowNumber,
      column: columnLetter(Math.max(width, competency + 1)),
    });
  }
  const seen = new Map<string, number>();
  for (const index of levels) {
    const key = comparable(headers[index] ?? "");
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
      continue;
    }
    problems.push({
      message: `Level "${headers[index]}" appears twice in the header (columns ${columnLetter(first)} and ${columnLetter(index)})`,
      row: rowNumber,
      column: columnLetter(index),
    });
  }
  return { competency, area, description, levels, width };
}

function checkUnlabelledCells(row: GridRow, layout: ColumnLayout, problems: FormatErrorDetail[]): void {
  const assigned = new Set<number>([layout.competency, ...layout.levels]);
  if (layout.area !== undefined) assigned.add(layout.area);
  if (layout.description !== undefined) assigned.add(layout.description);
  row.cells.forEach((cell, index) => {
    if (isBlank(cell) || assigned.has(index)) return;
    // Every column inside the header's width that has a header is assigned, so only two cases remain.
    const message =
      index >= layout.width
        ? `Row ${row.number} has more cells than the header row has columns (cell ${cellRef(row.number, index)} lies beyond the last header)`
        : `Cell ${cellRef(row.number, index)} has text but its column has no header; name the level in the header row`;
    problems.push({ message, row: row.number, column: columnLetter(index) });
  });
}

interface PendingEmptyCell {
  row: number;
  column: number;
  levelIndex: number;
  competencyIndex: number;
}

function baseName(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const base = fileName
    .replace(/^.*[\\/]/, "")
    .replace(/\.[^.]+$/, "")
    .trim();
  return base === "" ? undefined : base;
}

/** Turns a grid of text cells into the preview of a draft framework, or throws every located problem. */
export function interpretLadderGrid(grid: SheetGrid, options: SpreadsheetImportOptions = {}): SpreadsheetPreview {
  const label = options.fileName ? `"${options.fileName}"` : "The spreadsheet";
  const rows = grid.rows.filter((row) => filledCount(row) > 0);
  const warnings: string[] = [];
  const problems: FormatErrorDetail[] = [];

  // Ladders often open with a title in A1 and nothing beside it; the header is the first row with two cells.
  const firstWide = rows.findIndex((row) => filledCount(row) >= 2);
  const headerIndex = Math.max(0, firstWide);
  let title: string | undefined;
  for (const titleRow of rows.slice(0, headerIndex)) {
    title ??= titleRow.cells.find((cell) => !isBlank(cell))?.trim();
    warnings.push(`Row ${titleRow.number} was read as a title, not as the header row`);
  }
  const headerRow = rows[headerIndex];
  if (!headerRow) {
    throw new FormatError("malformed_file", `${label} has no rows`, [
      { message: "The sheet is empty: expected a header row naming the levels", row: 1, column: "A" },
    ]);
  }
  const headers = headerTexts(headerRow);
  const layout = layoutColumns(headers, headerRow.number, problems);

  const competencies: DraftCompetencyInput[] = [];
  const pendingEmpty: PendingEmptyCell[] = [];
  const firstRowByName = new Map<string, number>();
  let currentArea = "";
  let headingWithoutCompetencies: { row: number; name: string } | undefined;

  const noteHeading = (row: number, name: string): void => {
    if (headingWithoutCompetencies) {
      warnings.push(
        `Row ${headingWithoutCompetencies.row}: area "${headingWithoutCompetencies.name}" has no competencies below it`,
      );
    }
    headingWithoutCompetencies = { row, name };
    currentArea = name;
  };

  for (const row of rows.slice(headerIndex + 1)) {
    checkUnlabelledCells(row, layout, problems);
    const name = row.cells[layout.competency]?.trim() ?? "";
    const areaCell = layout.area === undefined ? "" : (row.cells[layout.area]?.trim() ?? "");
    const descriptors = layout.levels.map((index) => row.cells[index]?.trim() ?? "");
    const hasDescriptors = descriptors.some((text) => text !== "");

    if (name === "") {
      if (hasDescriptors) {
        problems.push({
          message: `Row ${row.number} has expectations but no competency name in cell ${cellRef(row.number, layout.competency)}`,
          row: row.number,
          column: columnLetter(layout.competency),
        });
      } else if (areaCell !== "") {
        noteHeading(row.number, areaCell);
      }
      continue;
    }
    if (layout.area === undefined && !hasDescriptors && filledCount(row) === 1) {
      // Without an area column, a row holding only a name is a section heading for the rows below.
      noteHeading(row.number, name);
      continue;
    }

    const key = comparable(name);
    const firstRow = firstRowByName.get(key);
    if (firstRow !== undefined) {
      problems.push({
        message: `Competency "${name}" is listed twice (rows ${firstRow} and ${row.number})`,
        row: row.number,
        column: columnLetter(layout.competency),
      });
      continue;
    }
    firstRowByName.set(key, row.number);
    if (areaCell !== "") currentArea = areaCell;
    headingWithoutCompetencies = undefined;

    const competencyIndex = competencies.length;
    descriptors.forEach((text, levelIndex) => {
      if (text !== "") return;
      pendingEmpty.push({ row: row.number, column: layout.levels[levelIndex] ?? 0, levelIndex, competencyIndex });
    });
    const description = layout.description === undefined ? "" : (row.cells[layout.description]?.trim() ?? "");
    competencies.push({ name, area: currentArea === "" ? DEFAULT_AREA : currentArea, description, descriptors });
  }
  if (headingWithoutCompetencies) {
    warnings.push(
      `Row ${headingWithoutCompetencies.row}: area "${headingWithoutCompetencies.name}" has no competencies below it`,
    );
  }
  if (competencies.length === 0 && problems.length === 0) {
    problems.push({
      message: "No competency rows were found below the header row",
      row: headerRow.number + 1,
      column: columnLetter(layout.competency),
    });
  }
  if (problems.length > 0) {
    const first = problems[0] as FormatErrorDetail;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    throw new FormatError(
      "malformed_file",
      `${label} could not be imported: ${first.message} (row ${first.row}, column ${first.column})${more}`,
      problems.slice(0, MAX_REPORTED_PROBLEMS),
    );
  }

  const levelNames = layout.levels.map((index) => headers[index] ?? "");
  const name = options.name?.trim() || title || baseName(options.fileName) || "Imported framework";
  const source = options.fileName ?? "a spreadsheet";
  const sheet = grid.sheetName === undefined ? "" : ` (sheet "${grid.sheetName}")`;
  const framework = buildDraftFramework({
    name,
    ...(options.slug ? { slug: options.slug } : {}),
    description: `Imported from ${source}${sheet}.`,
    levels: levelNames,
    competencies,
  });

  const emptyCells = pendingEmpty.map((cell) => {
    const level = framework.levels[cell.levelIndex];
    const competency = framework.competencies[cell.competencyIndex];
    warnings.push(
      `Cell ${cellRef(cell.row, cell.column)}: "${competency?.name}" has no expectation for "${level?.name}"; its descriptor is left empty`,
    );
    return {
      row: cell.row,
      column: columnLetter(cell.column),
      level: level?.id ?? "",
      competency: competency?.id ?? "",
    };
  });
  for (const issue of validateFramework(framework)) {
    warnings.push(`The draft needs attention at ${formatIssuePath(issue.path)}: ${issue.message}`);
  }

  return {
    levels: framework.levels.map(({ id, name: levelName, rank }) => ({ id, name: levelName, rank })),
    competencies: framework.competencies.map(({ id, name: competencyName, area }) => ({
      id,
      name: competencyName,
      area,
    })),
    emptyCells,
    warnings,
    framework,
    ...(grid.sheetName === undefined ? {} : { sheetName: grid.sheetName }),
    ...(grid.sheetNames === undefined ? {} : { sheetNames: grid.sheetNames }),
  };
}

const CSV_SECTION = /^\[ascent:(.+)\]$/;

/**
 * Splits a CSV export into its parts: the ladder grid up to the first "[ascent:Part]" marker row,
 * then each marked part. A CSV without markers is a single ladder grid.
 */
function csvParts(grid: SheetGrid): { ladder: SheetGrid; parts: Map<string, string[][]> } {
  const parts = new Map<string, string[][]>();
  let current: string[][] = [];
  let ladderRows: GridRow[] | undefined;
  parts.set("Ladder", current);
  grid.rows.forEach((row, index) => {
    const marker = CSV_SECTION.exec(row.cells[0] ?? "");
    if (marker?.[1] && row.cells.slice(1).every(isBlank)) {
      ladderRows ??= grid.rows.slice(0, index);
      current = [];
      parts.set(marker[1], current);
      return;
    }
    current.push(row.cells);
  });
  return { ladder: { rows: ladderRows ?? grid.rows }, parts };
}

/** The preview of a full export: the framework exactly as it was exported, with the given name or slug. */
function previewOfFullExport(
  parts: ReadonlyMap<string, string[][]>,
  options: SpreadsheetImportOptions,
): SpreadsheetPreview {
  const exported = frameworkFromParts(parts, options.fileName);
  const framework: Framework = {
    ...exported,
    ...(options.name?.trim() ? { name: options.name.trim() } : {}),
    ...(options.slug ? { slug: options.slug } : {}),
  };
  const warnings = validateFramework(framework).map(
    (issue) => `The framework needs attention at ${formatIssuePath(issue.path)}: ${issue.message}`,
  );
  return {
    levels: framework.levels.map(({ id, name, rank }) => ({ id, name, rank })),
    competencies: framework.competencies.map(({ id, name, area }) => ({ id, name, area })),
    emptyCells: [],
    warnings,
    framework,
  };
}

/**
 * Reads a ladder from CSV text or bytes (comma, semicolon or tab separated). A full export (with
 * "[ascent:Part]" sections) comes back unchanged; any other CSV is read as a ladder grid.
 */
export function importFrameworkCsv(
  input: string | Uint8Array,
  options: SpreadsheetImportOptions = {},
): SpreadsheetPreview {
  const { ladder, parts } = csvParts(readCsvGrid(input, options.fileName));
  const preview = isFullExport(parts) ? previewOfFullExport(parts, options) : interpretLadderGrid(ladder, options);
  if (options.sheet !== undefined) preview.warnings.push("The sheet option applies to workbooks only and was ignored");
  return preview;
}

/**
 * Reads a ladder from an .xlsx workbook. A full export (a sheet per part) comes back unchanged unless
 * a sheet is named; otherwise the named or first visible sheet is read as a ladder grid.
 */
export async function importFrameworkXlsx(
  input: Uint8Array,
  options: SpreadsheetImportOptions = {},
): Promise<SpreadsheetPreview> {
  const grid = await readXlsxGrid(input, {
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
    ...(options.fileName === undefined ? {} : { fileName: options.fileName }),
  });
  if (options.sheet === undefined && grid.sheets && isFullExport(grid.sheets)) {
    return {
      ...previewOfFullExport(grid.sheets, options),
      ...(grid.sheetName === undefined ? {} : { sheetName: grid.sheetName }),
      ...(grid.sheetNames === undefined ? {} : { sheetNames: grid.sheetNames }),
    };
  }
  return interpretLadderGrid(grid, options);
}

/** Reads a ladder from a CSV or .xlsx upload, telling the two apart by content. */
export async function importFrameworkSpreadsheet(
  input: Uint8Array | string,
  options: SpreadsheetImportOptions & { format?: "csv" | "xlsx" } = {},
): Promise<SpreadsheetPreview> {
  const format = options.format ?? detectFrameworkFormat(options.fileName, input);
  if (format === "xlsx") {
    if (typeof input === "string") {
      throw new FormatError("unsupported_format", "An .xlsx workbook must be passed as bytes, not text", [
        { message: "Expected binary .xlsx content" },
      ]);
    }
    return importFrameworkXlsx(input, options);
  }
  if (format === "csv") return importFrameworkCsv(input, options);
  throw new FormatError(
    "unsupported_format",
    `${options.fileName ? `"${options.fileName}"` : "The file"} is ${format.toUpperCase()}, not a spreadsheet; import it as a framework document`,
    [{ message: `Detected ${format.toUpperCase()}` }],
  );
}
