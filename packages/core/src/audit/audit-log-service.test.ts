import { describe, expect, it } from "vitest";
import type { Viewer } from "../access/viewer.ts";
import { InMemoryAuditLog } from "./audit.fixtures.ts";
import { AuditLogService } from "./audit-log-service.ts";

const admin: Viewer = { personId: "admin", name: "Ada", isAdmin: true, via: "session" };
const owner: Viewer = { personId: "owner", name: "Olu", isAdmin: false, via: "session" };

async function logWith(writes: number) {
  const audit = new InMemoryAuditLog();
  for (let i = 0; i < writes; i++)
    await audit.record({ kind: "write", actorId: "admin", action: `person.update.${i}` });
  await audit.record({ kind: "read", actorId: "manager", action: "plan.read", subjectId: "owner" });
  return { audit, log: new AuditLogService({ audit }) };
}

describe("AuditLogService", () => {
  it("pages the write log for admins, newest first, with a cursor while pages are full", async () => {
    const { log } = await logWith(3);
    const first = await log.writes(admin, { limit: 2 });
    expect(first.events.map((e) => e.action)).toEqual(["person.update.2", "person.update.1"]);
    expect(first.nextBefore).toBe(first.events[1]?.id);
    expect((await log.allWrites(admin, {})).map((e) => e.action)).toHaveLength(3);
  });

  it("keeps the write log from everyone but admins, and reads from admins", async () => {
    const { log } = await logWith(1);
    await expect(log.writes(owner, { limit: 10 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(log.allWrites(owner, {})).rejects.toMatchObject({ code: "forbidden" });
    await expect(log.writes(admin, { kind: "read", limit: 10 })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("shows a person who read their things", async () => {
    const { log } = await logWith(1);
    const { events } = await log.accessLog(owner, { limit: 10 });
    expect(events.map((e) => [e.actorId, e.action])).toEqual([["manager", "plan.read"]]);
    expect((await log.accessLog(admin, { limit: 10 })).events).toEqual([]);
  });
});
