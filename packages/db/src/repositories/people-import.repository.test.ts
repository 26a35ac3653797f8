import { sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { isAppError, type ImportedPersonRow } from "@ascent/core";
import { describeEachDriver } from "../testing/test-databases.ts";
import { resultRows } from "../migrate.ts";
import { DrizzlePeopleRepository } from "./people.repository.ts";

function buildRow(overrides: Partial<ImportedPersonRow> & Pick<ImportedPersonRow, "email">): ImportedPersonRow {
  return {
    name: overrides.email.split("@")[0] ?? "",
    title: "",
    team: "",
    levelId: null,
    managerEmail: null,
    ...overrides,
  };
}

/** A chain of n people, each managed by the one before: p0 ← p1 ← … */
function chain(n: number, domain = "chain.test"): ImportedPersonRow[] {
  return Array.from({ length: n }, (_, i) =>
    buildRow({
      email: `p${i}@${domain}`,
      name: `Person ${i}`,
      title: i === 0 ? "VP Product" : "Product Manager",
      team: `Team ${i % 3}`,
      levelId: i === 0 ? "vp" : "pm",
      managerEmail: i === 0 ? null : `p${i - 1}@${domain}`,
    }),
  );
}

describeEachDriver("people import repository", (db) => {
  const repo = () => new DrizzlePeopleRepository(db().db);

  /** Every column of every person, so "nothing changed" can be checked to the timestamp. */
  async function snapshot(): Promise<unknown[]> {
    return resultRows(await db().db.execute(sql`select * from people order by email`));
  }

  beforeEach(async () => {
    await db().db.execute(sql`delete from people`);
  });

  it("inserts new people in batches and links managers that appear later in the file", async () => {
    const rows = chain(7).reverse();
    const progress: number[] = [];
    const result = await repo().upsertImport(rows, { batchSize: 3, onProgress: (n) => progress.push(n) });
    expect(result).toEqual({ created: 7, updated: 0, relevelledIds: [] });
    expect(progress).toEqual([3, 6, 7]);

    const p6 = await repo().findByEmail("p6@chain.test");
    expect(p6).toMatchObject({ name: "Person 6", title: "Product Manager", team: "Team 0", levelId: "pm" });
    const above = await repo().chainAbove(p6?.id ?? "");
    expect(above.map((person) => person.email)).toEqual([5, 4, 3, 2, 1, 0].map((i) => `p${i}@chain.test`));
  });

  it("returns the new people's ids when asked, up to the limit, and not the ones it only updated", async () => {
    await repo().upsertImport(chain(2));
    const result = await repo().upsertImport([...chain(3), buildRow({ email: "late@chain.test", name: "Zed" })], {
      createdIdsLimit: 5,
    });
    const created = await Promise.all(["p2@chain.test", "late@chain.test"].map((email) => repo().findByEmail(email)));
    expect(result.createdIds).toEqual(created.map((person) => person?.id));
    const capped = await repo().upsertImport(chain(6), { createdIdsLimit: 2 });
    expect(capped.created).toBe(3);
    expect(capped.createdIds).toHaveLength(2);
  });

  it("updates changed people by email, counts a manager-only change, and leaves unchanged rows untouched", async () => {
    await repo().upsertImport(chain(4));
    const before = await repo().findByEmail("p3@chain.test");

    const next = chain(4).map((row) => ({ ...row }));
    next[1] = { ...next[1]!, email: "P1@Chain.TEST", title: "Senior PM" };
    next[2] = { ...next[2]!, managerEmail: "p0@chain.test" };
    next.push(buildRow({ email: "new@chain.test", managerEmail: "p3@chain.test" }));
    const result = await repo().upsertImport(next, { batchSize: 2 });
    expect(result).toEqual({ created: 1, updated: 2, relevelledIds: [] });

    expect((await repo().findByEmail("p1@chain.test"))?.title).toBe("Senior PM");
    const p2 = await repo().findByEmail("p2@chain.test");
    const p0 = await repo().findByEmail("p0@chain.test");
    expect(p2?.managerId).toBe(p0?.id);
    const after = await repo().findByEmail("p3@chain.test");
    expect(after?.updatedAt).toEqual(before?.updatedAt);
    expect(await repo().countAll()).toBe(5);
  });

  it("clears a manager when the row names none", async () => {
    await repo().upsertImport(chain(2));
    const result = await repo().upsertImport([buildRow({ ...chain(2)[1]!, managerEmail: null })]);
    expect(result).toEqual({ created: 0, updated: 1, relevelledIds: [] });
    expect((await repo().findByEmail("p1@chain.test"))?.managerId).toBeNull();
  });

  it("rolls the whole import back when a late batch fails, leaving the table exactly as before", async () => {
    await repo().upsertImport(chain(3));
    const before = await snapshot();

    // Batches 1 and 2 are fine; the third names the same email twice, which PostgreSQL refuses.
    const failing = [
      ...chain(3).map((row) => ({ ...row, title: "Changed" })),
      ...chain(4, "more.test"),
      buildRow({ email: "twice@chain.test" }),
      buildRow({ email: "twice@chain.test" }),
    ];
    await expect(repo().upsertImport(failing, { batchSize: 3 })).rejects.toThrow();
    expect(await snapshot()).toEqual(before);

    // A manager missing from the table (a race with a delete after the preview) also writes nothing.
    const orphan = [...chain(3, "other.test"), buildRow({ email: "x@other.test", managerEmail: "gone@other.test" })];
    const error = await repo()
      .upsertImport(orphan, { batchSize: 2 })
      .catch((caught: unknown) => caught);
    expect(isAppError(error) && error.code).toBe("conflict");
    expect(String((error as Error).message)).toContain("gone@other.test");
    expect(await snapshot()).toEqual(before);
  });

  it("finds people by emails with their manager's email, by names, and the links up their chains", async () => {
    await repo().upsertImport([...chain(4), buildRow({ email: "solo@chain.test", name: "  Person 2 " })]);

    const found = await repo().findByEmailsWithManager(["P3@chain.test", "p0@chain.test", "nobody@chain.test"]);
    expect(found.map((person) => [person.email, person.managerEmail]).sort()).toEqual([
      ["p0@chain.test", null],
      ["p3@chain.test", "p2@chain.test"],
    ]);

    const named = await repo().findByNames(["person 2", "PERSON 0"]);
    expect(named.map((person) => person.email).sort()).toEqual(["p0@chain.test", "p2@chain.test", "solo@chain.test"]);

    const links = await repo().managerLinksFrom(["p2@chain.test"]);
    expect(links.sort((a, b) => a.email.localeCompare(b.email))).toEqual([
      { email: "p0@chain.test", managerEmail: null },
      { email: "p1@chain.test", managerEmail: "p0@chain.test" },
      { email: "p2@chain.test", managerEmail: "p1@chain.test" },
    ]);
    expect(await repo().managerLinksFrom([])).toEqual([]);
  });
});
