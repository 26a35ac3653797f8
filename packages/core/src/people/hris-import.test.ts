import { describe, expect, it } from "vitest";
import type { NewAuditEvent } from "../audit/audit.ts";
import { isAppError } from "../errors/app-error.ts";
import type { TitleOverride } from "../titles/resolve-title.ts";
import { buildLadder } from "../titles/titles.fixtures.ts";
import {
  commitPeopleImport,
  matchImportHeader,
  planPeopleImport,
  type ImportRecord,
  type PeopleImportPlan,
} from "./hris-import.ts";
import type { Person } from "./person.ts";
import type {
  ImportedPersonRow,
  ManagerLink,
  PeopleImportRepository,
  PersonWithManagerEmail,
  UpsertImportOptions,
} from "./ports.ts";

type StoredPerson = Pick<Person, "name" | "email" | "title" | "team" | "levelId"> & { managerEmail: string | null };

function buildStored(overrides: Partial<StoredPerson> & Pick<StoredPerson, "email">): StoredPerson {
  return { name: "Someone", title: "", team: "", levelId: null, managerEmail: null, ...overrides };
}

/** The import's lookups over a plain list of people, as the database would answer them. */
class InMemoryImportRepository implements PeopleImportRepository {
  lookups = 0;
  upserted: ImportedPersonRow[] = [];

  constructor(private readonly stored: StoredPerson[] = []) {}

  private toPerson(stored: StoredPerson): PersonWithManagerEmail {
    const at = new Date("2026-01-01T00:00:00Z");
    return {
      id: stored.email,
      status: "active",
      isDemo: false,
      createdAt: at,
      updatedAt: at,
      managerId: null,
      ...stored,
    };
  }

  async findByEmailsWithManager(emails: string[]): Promise<PersonWithManagerEmail[]> {
    this.lookups += 1;
    return this.stored.filter((p) => emails.includes(p.email)).map((p) => this.toPerson(p));
  }

  async findByNames(names: string[]): Promise<Person[]> {
    return this.stored.filter((p) => names.includes(p.name.trim().toLowerCase())).map((p) => this.toPerson(p));
  }

  async managerLinksFrom(emails: string[]): Promise<ManagerLink[]> {
    const links = new Map<string, ManagerLink>();
    const queue = [...emails];
    for (let email = queue.shift(); email !== undefined; email = queue.shift()) {
      const person = this.stored.find((p) => p.email === email);
      if (!person || links.has(email)) continue;
      links.set(email, { email, managerEmail: person.managerEmail });
      if (person.managerEmail) queue.push(person.managerEmail);
    }
    return [...links.values()];
  }

  async upsertImport(rows: Iterable<ImportedPersonRow>, options: UpsertImportOptions = {}) {
    this.upserted = [...rows].map(({ email, name, title, team, levelId, managerEmail }) => ({
      email,
      name,
      title,
      team,
      levelId,
      managerEmail,
    }));
    options.onProgress?.(this.upserted.length);
    const created = this.upserted.filter((row) => !this.stored.some((p) => p.email === row.email)).length;
    return { created, updated: this.upserted.length - created, relevelledIds: [] };
  }
}

/** A CSV-like file as records: row 1 is the header. */
function records(...lines: string[][]): ImportRecord[] {
  return lines.map((cells, index) => ({ row: index + 1, cells }));
}

const HEADER = ["Name", "Email", "Title", "Manager Email", "Team"];

async function plan(
  lines: string[][],
  options: { stored?: StoredPerson[]; overrides?: TitleOverride[]; listLimit?: number } = {},
): Promise<PeopleImportPlan & { repository: InMemoryImportRepository }> {
  const repository = new InMemoryImportRepository(options.stored);
  const result = await planPeopleImport(records(...lines), {
    people: repository,
    levels: buildLadder().levels,
    overrides: options.overrides ?? [],
    ...(options.listLimit ? { listLimit: options.listLimit } : {}),
  });
  return { ...result, repository };
}

function errorsOf(result: PeopleImportPlan): string[] {
  return result.preview.errors.items.map((issue) => `${issue.row} ${issue.column}: ${issue.message}`);
}

describe("matchImportHeader", () => {
  it("matches the usual HRIS spellings, ignoring case, spaces and punctuation", () => {
    const variants = [
      ["Full Name", "Work Email", "Job Title", "Manager's Email", "Department"],
      ["Employee Name", "E-mail", "Position", "Reports To", "Dept"],
      [" NAME ", "email", "TITLE", "manager", "team"],
      ["name", "Email Address", "Job_Title", "Manager E-mail", "Team"],
    ];
    for (const header of variants) {
      const matched = matchImportHeader(header);
      expect(matched.columns.map((column) => [column.field, column.index])).toEqual([
        ["name", 0],
        ["email", 1],
        ["title", 2],
        ["manager", 3],
        ["team", 4],
      ]);
      expect(matched.missing).toEqual([]);
      expect(matched.ignored).toEqual([]);
    }
  });

  it("prefers a manager email column over a manager name column and warns about both ignored columns", () => {
    const matched = matchImportHeader(["Manager", "Name", "Email", "Cost Center", "Manager Email"]);
    expect(matched.columns.find((column) => column.field === "manager")).toEqual({
      field: "manager",
      header: "Manager Email",
      index: 4,
    });
    expect(matched.ignored).toEqual(["Manager", "Cost Center"]);
    expect(matched.warnings).toEqual([
      'Column "Manager" is ignored: "Manager Email" already gives the manager',
      'Column "Cost Center" is not a known column and is ignored',
    ]);
  });

  it("reports the required columns that are missing", () => {
    expect(matchImportHeader(["Job Title", "Team"]).missing).toEqual(["name", "email"]);
  });
});

describe("planPeopleImport", () => {
  it("plans new people with levels from their titles and managers who appear later in the file", async () => {
    const result = await plan([
      HEADER,
      ["Pam Lee", "Pam@Acme.test", "Product Manager", "dana@acme.test", "Payments"],
      ["Dana Ray", "dana@acme.test", "Director of Product", "", "Payments"],
      ["Sam Roe", "sam@acme.test", "Senior PM (EMEA)", "dana@acme.test", ""],
    ]);
    expect(errorsOf(result)).toEqual([]);
    expect(result.preview.rowCount).toBe(3);
    expect(result.preview.new.total).toBe(3);
    expect(result.preview.new.items).toEqual([
      {
        row: 2,
        email: "pam@acme.test",
        name: "Pam Lee",
        title: "Product Manager",
        team: "Payments",
        levelId: "pm",
        managerEmail: "dana@acme.test",
      },
      {
        row: 3,
        email: "dana@acme.test",
        name: "Dana Ray",
        title: "Director of Product",
        team: "Payments",
        levelId: "director",
        managerEmail: null,
      },
      {
        row: 4,
        email: "sam@acme.test",
        name: "Sam Roe",
        title: "Senior PM (EMEA)",
        team: "",
        levelId: "senior-pm",
        managerEmail: "dana@acme.test",
      },
    ]);
    // Written managers first, so that each row's manager exists when it is inserted.
    expect([...result.rowsToWrite].map((row) => row.email)).toEqual([
      "dana@acme.test",
      "pam@acme.test",
      "sam@acme.test",
    ]);
  });

  it("names the missing required column and reads no rows", async () => {
    const result = await plan([
      ["Full Name", "Job Title"],
      ["Pam", "PM"],
    ]);
    expect(errorsOf(result)).toEqual([
      '1 email: Missing required column "email": add a column headed Email, Work Email or E-mail',
    ]);
    expect(result.preview.rowCount).toBe(1);
    expect(result.preview.new.total).toBe(0);
    expect(result.repository.lookups).toBe(0);
  });

  it("reports an empty file", async () => {
    const result = await plan([]);
    expect(result.preview.errors.items).toEqual([
      { row: 1, column: "", message: "The file is empty: expected a header row with Name and Email columns" },
    ]);
  });

  it("reports each kind of bad row with its row number and column", async () => {
    const result = await plan(
      [
        ["Name", "Work Email", "Job Title", "Manager Email", "Team"],
        ["Ann", "ann@acme.test", "PM", "", ""],
        ["Bob", "bob@", "PM", "ann@acme.test", ""],
        ["", "cat@acme.test", "PM", "ann@acme.test", ""],
        ["Dee", "ANN@acme.test", "PM", "", ""],
        ["Eve", "eve@acme.test", "<b>PM</b>", "ann@acme.test", ""],
        ["Fay", "fay@acme.test", "PM", "ghost@acme.test", ""],
        ["Gus", "gus@acme.test", "PM", "hal@acme.test", ""],
        ["Hal", "hal@acme.test", "PM", "gus@acme.test", ""],
        ["Ivy", "ivy@acme.test", "PM", "ivy@acme.test", ""],
        ["Jon", "jon@acme.test", "PM", "not-an-email@", ""],
      ],
      { stored: [buildStored({ email: "known@acme.test" })] },
    );
    expect(errorsOf(result)).toEqual([
      '3 Work Email: "bob@" is not a valid email address',
      "4 Name: name is empty",
      '5 Work Email: duplicate email "ann@acme.test": rows 2 and 5 both have it',
      "6 Job Title: must be plain text: HTML tags are not allowed",
      '7 Manager Email: manager "ghost@acme.test" is not in the file or among existing people',
      "8 Manager Email: manager cycle: gus@acme.test (row 8) → hal@acme.test (row 9) → gus@acme.test",
      "10 Manager Email: ivy@acme.test is named as their own manager",
      '11 Manager Email: "not-an-email@" is not a valid email address',
    ]);
    expect(result.preview.invalidRows).toBe(8);
    expect(result.preview.new.items.map((row) => row.row)).toEqual([2, 9]);
  });

  it("finds a manager loop that runs through people already in the database", async () => {
    const result = await plan([HEADER, ["Ann", "ann@acme.test", "VP Product", "boss@acme.test", ""]], {
      stored: [
        buildStored({ email: "ann@acme.test", name: "Ann" }),
        buildStored({ email: "boss@acme.test", managerEmail: "mid@acme.test" }),
        buildStored({ email: "mid@acme.test", managerEmail: "ann@acme.test" }),
      ],
    });
    expect(errorsOf(result)).toEqual([
      "2 Manager Email: manager cycle: ann@acme.test (row 2) → boss@acme.test (existing) → mid@acme.test (existing) → ann@acme.test",
    ]);
  });

  it("resolves a manager given by name when exactly one person has it, in the file or the database", async () => {
    const result = await plan(
      [
        ["Name", "Email", "Reports To"],
        ["Dana Ray", "dana@acme.test", ""],
        ["Pam Lee", "pam@acme.test", "dana ray"],
        ["Sam Roe", "sam@acme.test", "Vic Vu"],
        ["Kim Poe", "kim@acme.test", "Alex Kay"],
        ["Alex Kay", "alex@acme.test", ""],
        ["Lou Ash", "lou@acme.test", "Nobody Here"],
      ],
      {
        stored: [
          buildStored({ email: "vic@acme.test", name: "Vic Vu" }),
          buildStored({ email: "alex.kay@old.test", name: "Alex Kay" }),
        ],
      },
    );
    expect(errorsOf(result)).toEqual([
      '5 Reports To: 2 people are named "Alex Kay" (row 6, existing alex.kay@old.test): use the manager\'s email',
      '7 Reports To: no one named "Nobody Here" in the file or among existing people',
    ]);
    const managers = Object.fromEntries(result.preview.new.items.map((row) => [row.email, row.managerEmail]));
    expect(managers["pam@acme.test"]).toBe("dana@acme.test");
    expect(managers["sam@acme.test"]).toBe("vic@acme.test");
  });

  it("lists changed fields with before and after, and unchanged rows, against existing people", async () => {
    const stored = [
      buildStored({ email: "dana@acme.test", name: "Dana Ray", title: "Director of Product", levelId: "director" }),
      buildStored({ email: "vic@acme.test", name: "Vic Vu", title: "VP of Product", levelId: "vp" }),
      buildStored({
        email: "pam@acme.test",
        name: "Pam Lee",
        title: "Product Manager",
        team: "Cards",
        levelId: "pm",
        managerEmail: "dana@acme.test",
      }),
    ];
    const result = await plan(
      [
        HEADER,
        ["Dana Ray", "dana@acme.test", "Director of Product", "", ""],
        ["Pam Lee-Smith", "pam@acme.test", "Senior Product Manager", "vic@acme.test", "Payments"],
      ],
      { stored },
    );
    expect(errorsOf(result)).toEqual([]);
    expect(result.preview.unchanged.items).toEqual([{ row: 2, email: "dana@acme.test", name: "Dana Ray" }]);
    expect(result.preview.changed.items).toEqual([
      {
        row: 3,
        email: "pam@acme.test",
        name: "Pam Lee-Smith",
        changes: [
          { field: "name", before: "Pam Lee", after: "Pam Lee-Smith" },
          { field: "title", before: "Product Manager", after: "Senior Product Manager" },
          { field: "team", before: "Cards", after: "Payments" },
          { field: "manager", before: "dana@acme.test", after: "vic@acme.test" },
          { field: "level", before: "pm", after: "senior-pm" },
        ],
      },
    ]);
    expect([...result.rowsToWrite].map((row) => row.email)).toEqual(["pam@acme.test"]);
  });

  it("keeps a level set by hand while the title stays, and maps afresh when the title changes or had no level", async () => {
    const stored = [
      buildStored({ email: "a@acme.test", name: "A", title: "Product Manager", levelId: "head" }),
      buildStored({ email: "b@acme.test", name: "B", title: "Product Manager", levelId: "head" }),
      buildStored({ email: "c@acme.test", name: "C", title: "Product Manager", levelId: null }),
    ];
    const result = await plan(
      [
        ["Name", "Email", "Title"],
        ["A", "a@acme.test", "Product Manager"],
        ["B", "b@acme.test", "VP of Product"],
        ["C", "c@acme.test", "Product Manager"],
      ],
      { stored },
    );
    expect(result.preview.unchanged.items.map((row) => row.email)).toEqual(["a@acme.test"]);
    const changes = Object.fromEntries(result.preview.changed.items.map((row) => [row.email, row.changes]));
    expect(changes["b@acme.test"]).toContainEqual({ field: "level", before: "head", after: "vp" });
    expect(changes["c@acme.test"]).toEqual([{ field: "level", before: null, after: "pm" }]);
  });

  it("lists unmapped titles with their row counts and suggestions, and lets an organisation override win", async () => {
    const lines = [
      ["Name", "Email", "Title"],
      ["A", "a@acme.test", "Product Owner II"],
      ["B", "b@acme.test", "Product Owner II"],
      ["C", "c@acme.test", "Software Engineer"],
      ["D", "d@acme.test", "Product Manager"],
      ["E", "e@acme.test", ""],
    ];
    const before = await plan(lines);
    expect(before.preview.unmappedTitles.total).toBe(2);
    const [owner, engineer] = before.preview.unmappedTitles.items;
    expect(owner).toMatchObject({ title: "Product Owner II", rows: 2, suggestedLevelId: "pm" });
    expect(owner?.suggestedLevelName).toBe("Product Manager");
    expect(owner?.confidence).toBeLessThan(0.6);
    expect(engineer).toMatchObject({ title: "Software Engineer", rows: 1, suggestedLevelId: null, confidence: 0 });
    expect(engineer?.reason).toMatch(/engineering/);
    expect(before.preview.new.items.map((row) => row.levelId)).toEqual([null, null, null, "pm", null]);

    const after = await plan(lines, { overrides: [{ title: "product owner ii", levelId: "senior-pm" }] });
    expect(after.preview.unmappedTitles.items.map((title) => title.title)).toEqual(["Software Engineer"]);
    expect(after.preview.new.items.slice(0, 2).map((row) => row.levelId)).toEqual(["senior-pm", "senior-pm"]);
  });

  it("keeps the existing values of columns the file does not have, and says so", async () => {
    const stored = [
      buildStored({
        email: "pam@acme.test",
        name: "Pam",
        title: "Product Manager",
        team: "Cards",
        levelId: "pm",
        managerEmail: "dana@acme.test",
      }),
      buildStored({ email: "dana@acme.test", name: "Dana" }),
    ];
    const result = await plan(
      [
        ["Name", "Email"],
        ["Pam", "pam@acme.test"],
        ["Nia", "nia@acme.test"],
      ],
      { stored },
    );
    expect(result.preview.unchanged.total).toBe(1);
    expect(result.preview.new.items[0]).toMatchObject({ title: "", team: "", managerEmail: null, levelId: null });
    expect(result.preview.warnings).toEqual([
      "No title column: existing people keep their titles and levels, new people start without",
      "No team column: existing people keep their teams, new people start without",
      "No manager column: existing people keep their managers, new people start without",
    ]);
  });

  it("caps every list at the limit while the totals count everything", async () => {
    const lines = [
      HEADER,
      ...Array.from({ length: 12 }, (_, i) => [`P${i}`, `p${i}@acme.test`, `Wizard ${i}`, "", ""]),
    ];
    lines.push(["Bad", "bad", "PM", "", ""], ["Worse", "worse", "PM", "", ""], ["Worst", "worst", "PM", "", ""]);
    const result = await plan(lines, { listLimit: 5 });
    expect(result.preview.new).toMatchObject({ total: 12 });
    expect(result.preview.new.items).toHaveLength(5);
    expect(result.preview.unmappedTitles.total).toBe(12);
    expect(result.preview.unmappedTitles.items).toHaveLength(5);
    expect(result.preview.errors.total).toBe(3);
    expect(result.preview.listLimit).toBe(5);
  });
});

describe("commitPeopleImport", () => {
  it("refuses a plan with errors, naming the rows, and writes nothing", async () => {
    const result = await plan([HEADER, ["Ann", "ann@acme.test", "PM", "", ""], ["", "x@acme.test", "PM", "", ""]]);
    const audit: NewAuditEvent[] = [];
    const error = await commitPeopleImport(
      result,
      { people: result.repository, audit: { record: async (event) => void audit.push(event) } },
      { actorId: "admin", fileName: "people.csv" },
    ).catch((caught: unknown) => caught);
    expect(isAppError(error) && error.code).toBe("validation_failed");
    expect((error as Error).message).toBe("people.csv has 1 problem; nothing was written");
    expect(isAppError(error) && error.details).toEqual([{ row: 3, column: "Name", message: "name is empty" }]);
    expect(result.repository.upserted).toEqual([]);
    expect(audit).toEqual([]);
  });

  it("upserts the new and changed rows only and records one audit event with the counts", async () => {
    const stored = [
      buildStored({ email: "dana@acme.test", name: "Dana", title: "Director of Product", levelId: "director" }),
      buildStored({ email: "pam@acme.test", name: "Pam", title: "Product Manager", levelId: "pm" }),
    ];
    const result = await plan(
      [
        HEADER,
        ["Dana", "dana@acme.test", "Director of Product", "", ""],
        ["Pam", "pam@acme.test", "Product Manager", "dana@acme.test", ""],
        ["Nia", "nia@acme.test", "Product Manager", "pam@acme.test", ""],
      ],
      { stored },
    );
    const audit: NewAuditEvent[] = [];
    const counts = await commitPeopleImport(
      result,
      { people: result.repository, audit: { record: async (event) => void audit.push(event) } },
      { actorId: "admin-id", fileName: "people.csv" },
    );
    expect(counts).toEqual({ created: 1, updated: 1, unchanged: 1 });
    expect(result.repository.upserted.map((row) => [row.email, row.managerEmail])).toEqual([
      ["pam@acme.test", "dana@acme.test"],
      ["nia@acme.test", "pam@acme.test"],
    ]);
    expect(audit).toEqual([
      {
        kind: "write",
        actorId: "admin-id",
        action: "people.import",
        targetType: "people",
        targetId: "people.csv",
        details: { fileName: "people.csv", rows: 3, created: 1, updated: 1, unchanged: 1, unmappedTitles: 0 },
      },
    ]);
  });
});
