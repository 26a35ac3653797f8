import { expect, it } from "vitest";
import type { Viewer } from "../access/viewer.ts";
import { InMemoryAuditLog } from "./audit.fixtures.ts";
import { recordRead } from "./read-log.ts";

const asViewer = (personId: string): Viewer => ({ personId, name: "x", isAdmin: false, via: "session" });

it("records another person's read for the owner to see, and never a read of your own things", async () => {
  const audit = new InMemoryAuditLog();
  const read = { subjectId: "owner", targetType: "plan", targetId: "plan-1" } as const;
  expect(await recordRead(audit, asViewer("manager"), read)).toBe(true);
  expect(await recordRead(audit, asViewer("owner"), { ...read, targetType: "notes", targetId: "note-7" })).toBe(false);
  expect(audit.events).toEqual([
    expect.objectContaining({
      kind: "read",
      actorId: "manager",
      action: "plan.read",
      subjectId: "owner",
      targetType: "plan",
      targetId: "plan-1",
      details: null,
    }),
  ]);
});
