import type { AuditRepository } from "../audit/audit.ts";
import { AppError, type ErrorDetail } from "../errors/app-error.ts";
import type { Level } from "../framework/framework.ts";
import { resolveTitle, type TitleOverride, type TitleResolution } from "../titles/resolve-title.ts";
import { normalizeEmail, type Person } from "./person.ts";
import type {
  ImportedPersonRow,
  ManagerLink,
  PeopleImportRepository,
  PersonWithManagerEmail,
  UpsertImportOptions,
} from "./ports.ts";

/** The columns an HRIS export is read for. */
export type ImportField = "name" | "email" | "title" | "manager" | "team";

const REQUIRED_FIELDS: readonly ImportField[] = ["name", "email"];

/**
 * Header spellings per field, compared without case, spaces or punctuation. When two columns match
 * one field, the one listed first wins: "Manager Email" over a "Manager" that may hold names.
 */
const HEADER_SPELLINGS: Record<ImportField, readonly string[]> = {
  name: ["Name", "Full Name", "Employee Name", "Employee Full Name", "Display Name"],
  email: [
    "Email",
    "Work Email",
    "E-mail",
    "Email Address",
    "Work Email Address",
    "Business Email",
    "Company Email",
    "Employee Email",
  ],
  title: ["Title", "Job Title", "Position", "Position Title", "Business Title", "Job"],
  manager: [
    "Manager Email",
    "Manager's Email",
    "Manager Email Address",
    "Reports To Email",
    "Supervisor Email",
    "Manager",
    "Reports To",
    "Line Manager",
    "Manager Name",
    "Supervisor",
  ],
  team: ["Team", "Department", "Dept", "Team Name", "Department Name", "Division"],
};

/** Below this, a title's level is only a suggestion: the title is listed as unmapped. */
export const MIN_TITLE_CONFIDENCE = 0.6;
/** Lists in the preview stop here; their totals still count everything. */
export const DEFAULT_PREVIEW_LIST_LIMIT = 200;
/** Lookups and writes go to the repository this many emails at a time. */
const LOOKUP_BATCH = 1000;
/** The longest name, title or team accepted, as for any short text in the API. */
const MAX_TEXT_LENGTH = 200;
const MAX_EMAIL_LENGTH = 254;
const HTML_TAG = /<\/?[a-z!?][^>]*>/i;
const EMAIL_PATTERN = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(?:\.[^\s@<>()[\]\\,;:".]+)+$/;

export interface ImportColumn {
  field: ImportField;
  /** The header as the file spells it. */
  header: string;
  index: number;
}

export interface ImportHeader {
  columns: ImportColumn[];
  /** Headers that feed no field, in file order. */
  ignored: string[];
  warnings: string[];
  missing: ImportField[];
}

/** A problem with one row (row 1 is the header), in the column as the file names it. */
export interface ImportIssue {
  row: number;
  column: string;
  message: string;
}

export interface ImportedRowSummary {
  row: number;
  email: string;
  name: string;
  title: string;
  team: string;
  levelId: string | null;
  managerEmail: string | null;
}

export interface ImportFieldChange {
  field: "name" | "title" | "team" | "manager" | "level";
  before: string | null;
  after: string | null;
}

export interface ChangedRowSummary {
  row: number;
  email: string;
  name: string;
  changes: ImportFieldChange[];
}

export interface UnchangedRowSummary {
  row: number;
  email: string;
  name: string;
}

export interface UnmappedTitle {
  title: string;
  /** How many rows carry it. */
  rows: number;
  /** What title mapping would guess, below the confidence to apply it; null when it has no guess. */
  suggestedLevelId: string | null;
  suggestedLevelName: string | null;
  confidence: number;
  reason: string;
}

/** The first `listLimit` items of a list, and how many there are in all. */
export interface CappedList<T> {
  total: number;
  items: T[];
}

export interface PeopleImportPreview {
  /** Data rows read (blank rows and the header excluded). */
  rowCount: number;
  columns: { field: ImportField; header: string }[];
  ignoredColumns: string[];
  warnings: string[];
  new: CappedList<ImportedRowSummary>;
  changed: CappedList<ChangedRowSummary>;
  unchanged: CappedList<UnchangedRowSummary>;
  unmappedTitles: CappedList<UnmappedTitle>;
  /** Every problem, by row; `total` counts problems, `invalidRows` the rows that have one. */
  errors: CappedList<ImportIssue>;
  invalidRows: number;
  listLimit: number;
}

export interface PeopleImportPlan {
  preview: PeopleImportPreview;
  /** The new and changed people, ready to upsert; iterable more than once. */
  rowsToWrite: Iterable<ImportedPersonRow>;
}

export interface PeopleImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** The new people's ids, when the import was asked for them (createdIdsLimit) and created anyone. */
  createdIds?: string[];
}

export interface PeopleImportContext {
  people: Pick<PeopleImportRepository, "findByEmailsWithManager" | "findByNames" | "managerLinksFrom">;
  /** The ladder titles are mapped onto. */
  levels: readonly Level[];
  overrides: readonly TitleOverride[];
  listLimit?: number;
}

/** One record of the file, as the CSV reader yields it. */
export interface ImportRecord {
  row: number;
  cells: readonly string[];
}

type RowStatus = "pending" | "new" | "changed" | "unchanged";

/** One data row, filled in place as planning goes on: the plan keeps one object per row, no copies. */
interface PlannedRow extends ImportedPersonRow {
  row: number;
  /** The manager cell as written: an email or a name; "" for none. */
  managerRef: string;
  status: RowStatus;
  /** How many managers above the row within the file; -1 until known. */
  depth: number;
}

function headerKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

const SPELLING_INDEX = new Map<string, { field: ImportField; rank: number }>(
  (Object.entries(HEADER_SPELLINGS) as [ImportField, readonly string[]][]).flatMap(([field, spellings]) =>
    spellings.map((spelling, rank) => [headerKey(spelling), { field, rank }] as const),
  ),
);

function describeSpellings(field: ImportField): string {
  const spellings = HEADER_SPELLINGS[field].slice(0, 3);
  return `${spellings.slice(0, -1).join(", ")} or ${spellings.at(-1)}`;
}

/** Finds the columns for each field in a header row, flexibly: "Work Email", "Job Title", "Reports To", "Dept". */
export function matchImportHeader(cells: readonly string[]): ImportHeader {
  const chosen = new Map<ImportField, { index: number; rank: number }>();
  cells.forEach((cell, index) => {
    const match = SPELLING_INDEX.get(headerKey(cell));
    if (!match) return;
    const current = chosen.get(match.field);
    if (!current || match.rank < current.rank) chosen.set(match.field, { index, rank: match.rank });
  });
  const columns: ImportColumn[] = [...chosen.entries()]
    .map(([field, { index }]) => ({ field, header: (cells[index] ?? "").trim(), index }))
    .sort((a, b) => a.index - b.index);
  const used = new Set(columns.map((column) => column.index));
  const ignored: string[] = [];
  const warnings: string[] = [];
  cells.forEach((cell, index) => {
    const header = cell.trim();
    if (used.has(index) || header === "") return;
    ignored.push(header);
    const match = SPELLING_INDEX.get(headerKey(cell));
    const winner = match && columns.find((column) => column.field === match.field);
    warnings.push(
      winner
        ? `Column "${header}" is ignored: "${winner.header}" already gives the ${match.field}`
        : `Column "${header}" is not a known column and is ignored`,
    );
  });
  const missing = REQUIRED_FIELDS.filter((field) => !chosen.has(field));
  return { columns, ignored, warnings, missing };
}

function cleanText(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

function nameKey(name: string): string {
  return cleanText(name).toLowerCase();
}

export function isValidEmail(email: string): boolean {
  return email.length <= MAX_EMAIL_LENGTH && EMAIL_PATTERN.test(email);
}

function capped<T>(items: readonly T[], limit: number): CappedList<T> {
  return { total: items.length, items: items.slice(0, limit) };
}

async function inBatches<T, R>(items: readonly T[], work: (batch: T[]) => Promise<R[]>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += LOOKUP_BATCH) {
    results.push(...(await work(items.slice(start, start + LOOKUP_BATCH))));
  }
  return results;
}

/**
 * Plans an HRIS import step by step: `addRecord` for each record as it streams in, then the
 * lookups `planPeopleImport` feeds it, then `finish`. Pure: everything it knows of the database
 * comes in through those calls.
 */
export class PeopleImportPlanner {
  private header: ImportHeader | undefined;
  private readonly columnOf = new Map<ImportField, ImportColumn>();
  private readonly rows: PlannedRow[] = [];
  private rowCount = 0;
  private readonly byEmail = new Map<string, PlannedRow>();
  private readonly issues: ImportIssue[] = [];
  private readonly invalidRowNumbers = new Set<number>();
  private readonly titleCache = new Map<string, TitleResolution>();
  private readonly unmapped = new Map<string, { rows: number; resolution: TitleResolution }>();
  private readonly dbLinks = new Map<string, string | null>();
  private readonly newRows: ImportedRowSummary[] = [];
  private readonly changedRows: ChangedRowSummary[] = [];
  private readonly unchangedRows: UnchangedRowSummary[] = [];
  private readonly counts = { new: 0, changed: 0, unchanged: 0 };
  private readonly ladder: { levels: Level[] };
  private readonly levelNames: Map<string, string>;
  private readonly listLimit: number;

  constructor(
    levels: readonly Level[],
    private readonly overrides: readonly TitleOverride[],
    listLimit = DEFAULT_PREVIEW_LIST_LIMIT,
  ) {
    this.ladder = { levels: [...levels] };
    this.levelNames = new Map(levels.map((level) => [level.id, level.name]));
    this.listLimit = listLimit;
  }

  /** Whether the header was usable; without it no row can be read. */
  get isReadable(): boolean {
    return this.header !== undefined && this.header.missing.length === 0;
  }

  /** The first record is the header; every later one a person. */
  addRecord(row: number, cells: readonly string[]): void {
    if (!this.header) {
      this.header = matchImportHeader(cells);
      for (const column of this.header.columns) this.columnOf.set(column.field, column);
      for (const field of this.header.missing) {
        this.issue(row, field, `Missing required column "${field}": add a column headed ${describeSpellings(field)}`);
      }
      return;
    }
    this.rowCount += 1;
    if (this.isReadable) this.rows.push(this.readRow(row, cells));
  }

  private column(field: ImportField): string {
    return this.columnOf.get(field)?.header ?? field;
  }

  private issue(row: number, field: ImportField, message: string): void {
    this.issues.push({ row, column: this.column(field), message });
    if (row > 1) this.invalidRowNumbers.add(row);
  }

  /** Reads one text cell, reporting HTML and overlong values; "" when the file has no such column. */
  private cell(row: number, cells: readonly string[], field: ImportField): { value: string; isValid: boolean } {
    const column = this.columnOf.get(field);
    if (!column) return { value: "", isValid: true };
    const value = cleanText(cells[column.index] ?? "");
    if (HTML_TAG.test(value)) {
      this.issue(row, field, "must be plain text: HTML tags are not allowed");
      return { value, isValid: false };
    }
    const limit = field === "email" || field === "manager" ? MAX_EMAIL_LENGTH : MAX_TEXT_LENGTH;
    if (value.length > limit) {
      this.issue(row, field, `is longer than ${limit} characters`);
      return { value, isValid: false };
    }
    return { value, isValid: true };
  }

  private readRow(row: number, cells: readonly string[]): PlannedRow {
    const name = this.cell(row, cells, "name");
    const email = this.cell(row, cells, "email");
    const title = this.cell(row, cells, "title");
    const team = this.cell(row, cells, "team");
    const manager = this.cell(row, cells, "manager");
    if (name.isValid && name.value === "") this.issue(row, "name", "name is empty");
    const normalized = normalizeEmail(email.value);
    let isKnownEmail = false;
    if (email.isValid && normalized === "") {
      this.issue(row, "email", "email is empty");
    } else if (email.isValid && !isValidEmail(normalized)) {
      this.issue(row, "email", `"${email.value}" is not a valid email address`);
    } else if (email.isValid) {
      const first = this.byEmail.get(normalized);
      if (first) this.issue(row, "email", `duplicate email "${normalized}": rows ${first.row} and ${row} both have it`);
      isKnownEmail = !first;
    }
    if (manager.isValid && manager.value.includes("@") && !isValidEmail(normalizeEmail(manager.value))) {
      this.issue(row, "manager", `"${manager.value}" is not a valid email address`);
    }
    const planned: PlannedRow = {
      row,
      email: normalized,
      name: name.value,
      title: title.value,
      team: team.value,
      levelId: null,
      managerEmail: null,
      managerRef: manager.value,
      status: "pending",
      depth: -1,
    };
    // The first row with an email stands for it, even when another cell of the row is wrong.
    if (isKnownEmail) this.byEmail.set(normalized, planned);
    return planned;
  }

  private isValid(row: PlannedRow): boolean {
    return !this.invalidRowNumbers.has(row.row);
  }

  private *validRows(): Generator<PlannedRow> {
    for (const row of this.rows) if (this.isValid(row)) yield row;
  }

  /** Managers named by name (not email): they are looked up among existing people too. */
  managerNames(): string[] {
    const names = new Set<string>();
    for (const row of this.validRows())
      if (row.managerRef && !row.managerRef.includes("@")) names.add(nameKey(row.managerRef));
    return [...names];
  }

  /**
   * Resolves each row's manager to an email: as written, or from a name that only one person
   * carries, in the file or among `peopleByName` (existing people). Returns the managers outside
   * the file: `checkManagers` needs their reporting chains.
   */
  resolveManagers(peopleByName: readonly Person[]): string[] {
    if (!this.columnOf.has("manager")) return [];
    const wanted = new Set(this.managerNames());
    const candidates = new Map<string, { rows: number[]; emails: string[] }>();
    const addCandidate = (key: string, email: string, row?: number) => {
      const entry = candidates.get(key) ?? { rows: [], emails: [] };
      if (entry.emails.includes(email)) return;
      entry.emails.push(email);
      if (row !== undefined) entry.rows.push(row);
      candidates.set(key, entry);
    };
    if (wanted.size > 0) {
      for (const row of this.byEmail.values()) {
        const key = nameKey(row.name);
        if (wanted.has(key)) addCandidate(key, row.email, row.row);
      }
      for (const person of peopleByName) {
        if (!this.byEmail.has(person.email)) addCandidate(nameKey(person.name), person.email);
      }
    }
    const outside = new Set<string>();
    for (const row of this.validRows()) {
      if (row.managerRef === "") continue;
      if (row.managerRef.includes("@")) {
        row.managerEmail = normalizeEmail(row.managerRef);
      } else {
        const found = candidates.get(nameKey(row.managerRef));
        if (!found) {
          this.issue(row.row, "manager", `no one named "${row.managerRef}" in the file or among existing people`);
          continue;
        }
        if (found.emails.length > 1) {
          const where = [
            ...found.rows.map((r) => `row ${r}`),
            ...found.emails.filter((e) => !this.byEmail.has(e)).map((e) => `existing ${e}`),
          ];
          this.issue(
            row.row,
            "manager",
            `${found.emails.length} people are named "${row.managerRef}" (${where.join(", ")}): use the manager's email`,
          );
          continue;
        }
        row.managerEmail = found.emails[0] ?? null;
      }
      if (row.managerEmail && !this.byEmail.has(row.managerEmail)) outside.add(row.managerEmail);
    }
    return [...outside];
  }

  /**
   * Takes the reporting links of existing people above the managers outside the file; a manager
   * email with no link is unknown. Then looks for loops the file would create.
   */
  checkManagers(links: readonly ManagerLink[]): void {
    for (const link of links) this.dbLinks.set(link.email, link.managerEmail);
    for (const row of this.validRows()) {
      if (!row.managerEmail || this.byEmail.has(row.managerEmail) || this.dbLinks.has(row.managerEmail)) continue;
      this.issue(row.row, "manager", `manager "${row.managerEmail}" is not in the file or among existing people`);
      row.managerEmail = null;
    }
    this.findCycles();
  }

  /** The manager of `email` once the file is applied: the file's word for its rows, the database's for others. */
  private managerOf(email: string): string | null {
    const row = this.byEmail.get(email);
    if (row) return this.isValid(row) ? row.managerEmail : null;
    return this.dbLinks.get(email) ?? null;
  }

  private findCycles(): void {
    const state = new Map<string, "walking" | "done">();
    for (const start of this.validRows()) {
      if (state.has(start.email)) continue;
      const path: string[] = [];
      let email: string | null = start.email;
      while (email !== null && !state.has(email)) {
        state.set(email, "walking");
        path.push(email);
        email = this.managerOf(email);
      }
      if (email !== null && state.get(email) === "walking") this.reportCycle(path.slice(path.indexOf(email)));
      for (const seen of path) state.set(seen, "done");
    }
  }

  private reportCycle(cycle: readonly string[]): void {
    const inFile = cycle.map((email) => this.byEmail.get(email)).filter((row) => row !== undefined);
    // A loop among existing people alone was not made by this file.
    const first = inFile.sort((a, b) => a.row - b.row)[0];
    if (!first) return;
    if (cycle.length === 1) {
      this.issue(first.row, "manager", `${first.email} is named as their own manager`);
      return;
    }
    const at = cycle.indexOf(first.email);
    const loop = [...cycle.slice(at), ...cycle.slice(0, at)].map((email) => {
      const row = this.byEmail.get(email);
      return row ? `${email} (row ${row.row})` : `${email} (existing)`;
    });
    this.issue(first.row, "manager", `manager cycle: ${[...loop, first.email].join(" → ")}`);
  }

  /** Emails of the rows still valid, to fetch the existing people they update. */
  *emailBatches(): Generator<string[]> {
    let batch: string[] = [];
    for (const row of this.validRows()) {
      batch.push(row.email);
      if (batch.length === LOOKUP_BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  /** Compares the rows of one batch with the people they update, deciding every field, the level included. */
  compare(batch: readonly string[], existing: readonly PersonWithManagerEmail[]): void {
    const before = new Map(existing.map((person) => [person.email, person]));
    for (const email of batch) {
      const row = this.byEmail.get(email);
      if (!row || row.status !== "pending" || !this.isValid(row)) continue;
      this.decide(row, before.get(email));
    }
  }

  private decide(row: PlannedRow, before: PersonWithManagerEmail | undefined): void {
    if (!this.columnOf.has("title")) row.title = before?.title ?? "";
    if (!this.columnOf.has("team")) row.team = before?.team ?? "";
    if (!this.columnOf.has("manager")) row.managerEmail = before?.managerEmail ?? null;
    // A level set by hand stays while the title does; a new or changed title is mapped afresh.
    const isTitleChanged = !before || before.title !== row.title;
    row.levelId = isTitleChanged || before.levelId === null ? this.mapTitle(row.title) : before.levelId;

    if (!before) {
      row.status = "new";
      this.counts.new += 1;
      if (this.newRows.length < this.listLimit) {
        const { email, name, title, team, levelId, managerEmail } = row;
        this.newRows.push({ row: row.row, email, name, title, team, levelId, managerEmail });
      }
      return;
    }
    const changes: ImportFieldChange[] = [];
    const compareField = (field: ImportFieldChange["field"], was: string | null, now: string | null) => {
      if (was !== now) changes.push({ field, before: was, after: now });
    };
    compareField("name", before.name, row.name);
    compareField("title", before.title, row.title);
    compareField("team", before.team, row.team);
    compareField("manager", before.managerEmail, row.managerEmail);
    compareField("level", before.levelId, row.levelId);
    if (changes.length > 0) {
      row.status = "changed";
      this.counts.changed += 1;
      if (this.changedRows.length < this.listLimit) {
        this.changedRows.push({ row: row.row, email: row.email, name: row.name, changes });
      }
    } else {
      row.status = "unchanged";
      this.counts.unchanged += 1;
      if (this.unchangedRows.length < this.listLimit) {
        this.unchangedRows.push({ row: row.row, email: row.email, name: row.name });
      }
    }
  }

  /** The level a title maps to with enough confidence; otherwise null, and the title is listed as unmapped. */
  private mapTitle(title: string): string | null {
    if (title === "") return null;
    let resolution = this.titleCache.get(title);
    if (!resolution) {
      resolution = resolveTitle(title, this.ladder, this.overrides);
      this.titleCache.set(title, resolution);
    }
    if (resolution.levelId !== null && resolution.confidence >= MIN_TITLE_CONFIDENCE) return resolution.levelId;
    const entry = this.unmapped.get(title);
    if (entry) entry.rows += 1;
    else this.unmapped.set(title, { rows: 1, resolution });
    return null;
  }

  finish(): PeopleImportPlan {
    const header = this.header;
    if (!header)
      this.issues.push({
        row: 1,
        column: "",
        message: "The file is empty: expected a header row with Name and Email columns",
      });
    const unmapped = [...this.unmapped.entries()]
      .map(([title, { rows, resolution }]) => ({
        title,
        rows,
        suggestedLevelId: resolution.levelId,
        suggestedLevelName: resolution.levelId ? (this.levelNames.get(resolution.levelId) ?? null) : null,
        confidence: resolution.confidence,
        reason: resolution.reason,
      }))
      .sort((a, b) => b.rows - a.rows || a.title.localeCompare(b.title));
    const errors = [...this.issues].sort((a, b) => a.row - b.row);
    const preview: PeopleImportPreview = {
      rowCount: this.rowCount,
      columns: (header?.columns ?? []).map(({ field, header: text }) => ({ field, header: text })),
      ignoredColumns: header?.ignored ?? [],
      warnings: [...(header?.warnings ?? []), ...this.missingColumnWarnings()],
      new: { total: this.counts.new, items: this.newRows },
      changed: { total: this.counts.changed, items: this.changedRows },
      unchanged: { total: this.counts.unchanged, items: this.unchangedRows },
      unmappedTitles: capped(unmapped, this.listLimit),
      errors: capped(errors, this.listLimit),
      invalidRows: this.invalidRowNumbers.size,
      listLimit: this.listLimit,
    };
    return { preview, rowsToWrite: this.managersFirst() };
  }

  /**
   * The new and changed rows, each after the manager it names when the file has them both, so the
   * upsert finds every manager in place. Buckets by depth hold references: the rows are not copied.
   */
  private managersFirst(): Iterable<ImportedPersonRow> {
    const buckets: PlannedRow[][] = [];
    for (const row of this.rows) {
      if (row.status !== "new" && row.status !== "changed") continue;
      const depth = this.depthOf(row);
      (buckets[depth] ??= []).push(row);
    }
    return {
      *[Symbol.iterator]() {
        for (const bucket of buckets) if (bucket) yield* bucket;
      },
    };
  }

  private depthOf(row: PlannedRow): number {
    const path: PlannedRow[] = [];
    let current: PlannedRow | undefined = row;
    while (current && current.depth === -1) {
      current.depth = -2; // on the path: a loop (only in a file with errors) ends the walk
      path.push(current);
      current = current.managerEmail ? this.byEmail.get(current.managerEmail) : undefined;
    }
    let depth = current && current.depth >= 0 ? current.depth + 1 : 0;
    for (let index = path.length - 1; index >= 0; index--) {
      const step = path[index] as PlannedRow;
      step.depth = depth;
      depth += 1;
    }
    return row.depth;
  }

  private missingColumnWarnings(): string[] {
    if (!this.isReadable) return [];
    const notes: Record<Exclude<ImportField, "name" | "email">, string> = {
      title: "No title column: existing people keep their titles and levels, new people start without",
      team: "No team column: existing people keep their teams, new people start without",
      manager: "No manager column: existing people keep their managers, new people start without",
    };
    return (["title", "team", "manager"] as const)
      .filter((field) => !this.columnOf.has(field))
      .map((field) => notes[field]);
  }
}

/**
 * Reads the records of an HRIS export as they stream in and plans the import against the people
 * already there: new, changed and unchanged rows, unmapped titles, and every problem by row.
 * Writes nothing.
 */
export async function planPeopleImport(
  records: AsyncIterable<ImportRecord> | Iterable<ImportRecord>,
  context: PeopleImportContext,
): Promise<PeopleImportPlan> {
  const planner = new PeopleImportPlanner(context.levels, context.overrides, context.listLimit);
  for await (const record of records) planner.addRecord(record.row, record.cells);
  if (planner.isReadable) {
    const names = planner.managerNames();
    const byName = await inBatches(names, (batch) => context.people.findByNames(batch));
    const outside = planner.resolveManagers(byName);
    planner.checkManagers(await inBatches(outside, (batch) => context.people.managerLinksFrom(batch)));
    for (const batch of planner.emailBatches()) {
      planner.compare(batch, await context.people.findByEmailsWithManager(batch));
    }
  }
  return planner.finish();
}

/** The refusal of a plan with errors: a validation error carrying the row errors. */
export function importRefusal(preview: PeopleImportPreview, fileName: string): AppError {
  const { total, items } = preview.errors;
  const details: ErrorDetail[] = items.map(({ row, column, message }) => ({ row, column, message }));
  if (total > items.length) details.push({ message: `… and ${total - items.length} more` });
  const problems = total === 1 ? "1 problem" : `${total} problems`;
  return new AppError("validation_failed", `${fileName} has ${problems}; nothing was written`, details);
}

export interface CommitPeopleImportPorts {
  people: Pick<PeopleImportRepository, "upsertImport">;
  audit: Pick<AuditRepository, "record">;
}

/**
 * Writes a plan in one transaction and records one audit event. A plan with errors is refused
 * whole: nothing is written.
 */
export async function commitPeopleImport(
  plan: PeopleImportPlan,
  ports: CommitPeopleImportPorts,
  options: UpsertImportOptions & {
    actorId: string | null;
    fileName: string;
    /** Called with the people whose level the import moved from one level to another. */
    onRelevelled?: (personIds: string[]) => Promise<void>;
  },
): Promise<PeopleImportCounts> {
  const { preview } = plan;
  if (preview.errors.total > 0) throw importRefusal(preview, options.fileName);
  const { actorId, fileName, onRelevelled, ...upsertOptions } = options;
  const { relevelledIds, createdIds, ...written } = await ports.people.upsertImport(plan.rowsToWrite, upsertOptions);
  const valid = preview.new.total + preview.changed.total + preview.unchanged.total;
  const counts = { ...written, unchanged: valid - written.created - written.updated };
  await ports.audit.record({
    kind: "write",
    actorId,
    action: "people.import",
    targetType: "people",
    targetId: fileName,
    details: { fileName, rows: preview.rowCount, ...counts, unmappedTitles: preview.unmappedTitles.total },
  });
  if (relevelledIds.length > 0) await onRelevelled?.(relevelledIds);
  return createdIds && createdIds.length > 0 ? { ...counts, createdIds } : counts;
}
