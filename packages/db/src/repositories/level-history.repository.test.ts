import { expect, it } from "vitest";
import type { ImportedPersonRow } from "@ascent/core";
import { describeEachDriver } from "../testing/test-databases.ts";
import { DrizzlePeopleRepository } from "./people.repository.ts";

const AT = new Date("2026-05-01T00:00:00Z");

function row(email: string, levelId: string | null, managerEmail: string | null = null): ImportedPersonRow {
  return { email, name: email.split("@")[0] ?? email, title: "", team: "", levelId, managerEmail };
}

describeEachDriver("level history", (db) => {
  const repo = () => new DrizzlePeopleRepository(db().db);

  it("writes an entry with the change, and none for edits that leave the level alone", async () => {
    const admin = await repo().create({ name: "Admin", email: "admin@history.test" });
    const pm = await repo().create({ name: "Pat", email: "pat@history.test", levelId: "pm" });
    await repo().update(
      pm.id,
      { levelId: "senior-pm" },
      { source: "admin-edit", reason: "HRIS was wrong", actorId: admin.id, effectiveAt: AT },
    );
    await repo().update(pm.id, { team: "Growth" });
    await repo().update(
      pm.id,
      { levelId: "senior-pm" },
      { source: "admin-edit", reason: null, actorId: admin.id, effectiveAt: AT },
    );
    expect(await repo().levelHistory(pm.id)).toEqual([
      expect.objectContaining({
        fromLevelId: "pm",
        toLevelId: "senior-pm",
        source: "admin-edit",
        reason: "HRIS was wrong",
        changedBy: admin.id,
        effectiveAt: AT,
        caseId: null,
      }),
    ]);
  });

  it("refuses a level change that does not say why, and leaves the level as it was", async () => {
    const pm = await repo().create({ name: "Quinn", email: "quinn@history.test", levelId: "pm" });
    await expect(repo().update(pm.id, { levelId: "director" })).rejects.toThrow(/must say why/);
    expect((await repo().findById(pm.id))?.levelId).toBe("pm");
    expect(await repo().levelHistory(pm.id)).toEqual([]);
  });

  it("records each placement and level change an import makes, and nothing for unchanged or unmapped rows", async () => {
    await repo().upsertImport([row("lead@import.test", "director"), row("ic@import.test", "pm", "lead@import.test")], {
      levelChange: { reason: null, actorId: null, effectiveAt: new Date("2026-01-05T00:00:00Z") },
    });
    const change = { reason: "HRIS import of people.csv", actorId: null, effectiveAt: AT };
    const second = await repo().upsertImport(
      [
        row("lead@import.test", "director"),
        row("ic@import.test", "senior-pm", "lead@import.test"),
        row("new@import.test", "pm", "lead@import.test"),
        row("unmapped@import.test", null, "lead@import.test"),
      ],
      { levelChange: change },
    );
    const ic = await repo().findByEmail("ic@import.test");
    // Only a move from one level to another is told to the person; first placements are not.
    expect(second.relevelledIds).toEqual([ic!.id]);
    const lead = await repo().findByEmail("lead@import.test");
    const added = await repo().findByEmail("new@import.test");
    const unmapped = await repo().findByEmail("unmapped@import.test");
    const entries = async (id: string) =>
      (await repo().levelHistory(id)).map((entry) => [entry.fromLevelId, entry.toLevelId, entry.source, entry.reason]);
    expect(await entries(ic!.id)).toEqual([
      [null, "pm", "hris-import", null],
      ["pm", "senior-pm", "hris-import", "HRIS import of people.csv"],
    ]);
    expect((await repo().levelHistory(ic!.id))[1]?.effectiveAt).toEqual(AT);
    expect(await entries(added!.id)).toEqual([[null, "pm", "hris-import", "HRIS import of people.csv"]]);
    expect(await entries(lead!.id)).toEqual([[null, "director", "hris-import", null]]);
    expect(await entries(unmapped!.id)).toEqual([]);
  });
});
