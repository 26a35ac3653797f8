import { expect, it } from "vitest";
import type { Viewer } from "@ascent/core";
import { DrizzleAuditRepository, DrizzlePeopleRepository } from "@ascent/db";
import { describeEachDriver } from "@ascent/db/testing";
import { recordRead } from "./audit-reads.ts";

describeEachDriver("recordRead", (db) => {
  it("records another person's read for the owner to see, and never a read of your own things", async () => {
    const audit = new DrizzleAuditRepository(db().db);
    const people = new DrizzlePeopleRepository(db().db);
    const owner = await people.create({ name: "Owner", email: "owner@example.com" });
    const manager = await people.create({ name: "Manager", email: "manager@example.com" });
    const asViewer = (personId: string): Viewer => ({ personId, name: "x", isAdmin: false, via: "session" });

    expect(await recordRead({ audit }, asViewer(manager.id), owner.id, "plan", "plan-1")).toBe(true);
    expect(await recordRead({ audit }, asViewer(owner.id), owner.id, "notes", "note-7")).toBe(false);

    const reads = await audit.list({ kind: "read", subjectId: owner.id });
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({
      kind: "read",
      actorId: manager.id,
      action: "plan.read",
      subjectId: owner.id,
      targetType: "plan",
      targetId: "plan-1",
    });
    expect(await audit.list({ kind: "write" })).toEqual([]);
  });
});
