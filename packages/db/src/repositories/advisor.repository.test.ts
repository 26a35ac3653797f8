import { expect, it } from "vitest";
import { describeEachDriver } from "../testing/test-databases.ts";
import { DrizzleVpFitCheckRepository } from "./advisor.repository.ts";
import { DrizzlePeopleRepository } from "./people.repository.ts";
import { DrizzleSettingsRepository } from "./readiness.repository.ts";

describeEachDriver("VP-fit checks and the organisation profile setting", (db) => {
  it("stores each person's checks and lists only their own, newest first", async () => {
    const people = new DrizzlePeopleRepository(db().db);
    const checks = new DrizzleVpFitCheckRepository(db().db);
    const dana = await people.create({ name: "Dana", email: "dana@fit.test", levelId: "director" });
    const uri = await people.create({ name: "Uri", email: "uri@fit.test", levelId: "director" });

    const first = await checks.create(dana.id, { r1: 2, r2: 3 });
    const second = await checks.create(dana.id, { r1: 5, r2: 4 });
    await checks.create(uri.id, { r1: 1, r2: 1 });

    expect(first).toMatchObject({ personId: dana.id, answers: { r1: 2, r2: 3 } });
    expect(first.at).toBeInstanceOf(Date);
    const own = await checks.listForPerson(dana.id);
    expect(own.map((c) => c.id)).toEqual([second.id, first.id]);
    expect(own[0]?.answers).toEqual({ r1: 5, r2: 4 });
    expect((await checks.listForPerson(uri.id)).map((c) => c.answers)).toEqual([{ r1: 1, r2: 1 }]);
  });

  it("keeps the organisation profile as a setting", async () => {
    const settings = new DrizzleSettingsRepository(db().db);
    expect(await settings.get("orgProfile")).toBeNull();
    const profile = { stage: "large", pmCount: 30, productReportsTo: "CPO", businessModel: "B2C" };
    await settings.set("orgProfile", profile);
    await settings.set("orgProfile", { ...profile, stage: "medium" });
    expect(await settings.get("orgProfile")).toEqual({ ...profile, stage: "medium" });
  });
});
