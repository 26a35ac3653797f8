import { expect, it } from "vitest";
import { describeEachDriver } from "../testing/test-databases.ts";
import { DrizzlePeopleRepository, DrizzleTitleOverrideRepository } from "./people.repository.ts";
import { DrizzleRateLimitRepository } from "./accounts.repository.ts";
import { DrizzleAuditRepository } from "./audit.repository.ts";

describeEachDriver("people, rate limits and audit repositories", (db) => {
  it("walks the reporting chain up and down", async () => {
    const repo = new DrizzlePeopleRepository(db().db);
    const cpo = await repo.create({ name: "Chief", email: "CPO@Example.com", levelId: "cpo" });
    const vp = await repo.create({ name: "Vee", email: "vp@example.com", managerId: cpo.id });
    const director = await repo.create({ name: "Dee", email: "dir@example.com", managerId: vp.id });
    const pm = await repo.create({ name: "Pam", email: "pm@example.com", managerId: director.id });

    expect(cpo.email).toBe("cpo@example.com");
    expect((await repo.findByEmail(" CPO@EXAMPLE.COM "))?.id).toBe(cpo.id);
    expect((await repo.chainAbove(pm.id)).map((p) => p.name)).toEqual(["Dee", "Vee", "Chief"]);
    const below = await repo.reportsBelow(cpo.id);
    expect(below.map((r) => [r.person.name, r.depth])).toEqual([
      ["Vee", 1],
      ["Dee", 2],
      ["Pam", 3],
    ]);
    expect(below[0]?.person.createdAt).toBeInstanceOf(Date);
    const { people, total } = await repo.list({ search: "ee" });
    expect(total).toBe(2);
    expect(people.map((p) => p.name)).toEqual(["Dee", "Vee"]);
  });

  it("upserts title overrides", async () => {
    const repo = new DrizzleTitleOverrideRepository(db().db);
    await repo.upsert({ title: "Product Owner III", levelId: "pm" }, null);
    await repo.upsert({ title: "Product Owner III", levelId: "senior-pm" }, null);
    expect(await repo.list()).toEqual([{ title: "Product Owner III", levelId: "senior-pm" }]);
  });

  it("counts rate-limit hits in a fixed window and starts over after it", async () => {
    const repo = new DrizzleRateLimitRepository(db().db);
    const t0 = new Date("2026-01-01T10:00:00Z");
    expect((await repo.hit("k", 60_000, t0)).count).toBe(1);
    expect((await repo.hit("k", 60_000, new Date(t0.getTime() + 1000))).count).toBe(2);
    expect((await repo.peek("k", new Date(t0.getTime() + 2000)))?.count).toBe(2);
    expect(await repo.peek("k", new Date(t0.getTime() + 61_000))).toBeNull();
    expect((await repo.hit("k", 60_000, new Date(t0.getTime() + 61_000))).count).toBe(1);
  });

  it("records and filters audit events, newest first", async () => {
    const repo = new DrizzleAuditRepository(db().db);
    await repo.record({ kind: "write", actorId: null, action: "person.create", targetType: "person", targetId: "1" });
    await repo.record({ kind: "read", actorId: null, action: "plan.read", targetType: "plan", targetId: "2" });
    expect((await repo.list({})).map((e) => e.action)).toEqual(["plan.read", "person.create"]);
    expect((await repo.list({ kind: "write" })).map((e) => e.action)).toEqual(["person.create"]);
  });
});
