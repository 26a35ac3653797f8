import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Papa from "papaparse";
import { ApiError, endpoints, type TAuditEvent } from "@ascent/contract";
import { DrizzleAuditRepository } from "@ascent/db";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { buildPersonaOrg, PERSONA_PASSWORD, type PersonaOrg } from "../support/org-fixture.ts";

describe("audit log over HTTP", () => {
  let server: TestServer;
  let org: PersonaOrg;
  let personId: string;

  beforeAll(async () => {
    server = await startTestServer();
    org = await buildPersonaOrg(server);
    const created = await org.admin.client.call(endpoints.people.create, {
      body: { name: 'Quinn "Q" O\'Brien, Jr.', email: "quinn@example.com", title: "PM" },
    });
    personId = created.id;
    await org.admin.client.call(endpoints.people.update, {
      params: { id: personId },
      body: { team: "Platform", managerId: org.people.directManager.id },
    });
    await org.admin.client.call(endpoints.people.deactivate, { params: { id: personId } });
  });
  afterAll(async () => server?.stop());

  const adminId = () => org.admin.info?.person.id ?? "";

  it("records person writes with the admin as actor, the person as subject and the changed fields", async () => {
    const { events } = await org.admin.client.call(endpoints.audit.list, { query: { subjectId: personId } });
    expect(events.map((e) => e.action)).toEqual(["person.deactivate", "person.update", "person.create"]);
    for (const event of events) {
      expect(event).toMatchObject({
        kind: "write",
        actor: { id: adminId(), name: "Administrator", email: "admin@ascent.local" },
        subject: { id: personId, email: "quinn@example.com" },
        targetType: "person",
        targetId: personId,
      });
    }
    const update = events.find((e) => e.action === "person.update") as TAuditEvent;
    expect(update.details).toEqual({
      changes: {
        team: { from: "", to: "Platform" },
        managerId: { from: null, to: org.people.directManager.id },
      },
    });
  });

  it("filters by actor and pages back in time", async () => {
    const mine = await org.admin.client.call(endpoints.audit.list, { query: { actorId: org.people.member.id } });
    expect(mine.events.length).toBeGreaterThan(0);
    expect(mine.events.every((e) => e.actor?.id === org.people.member.id)).toBe(true);

    const first = await org.admin.client.call(endpoints.audit.list, { query: { limit: 2 } });
    expect(first.events).toHaveLength(2);
    expect(first.nextBefore).toBe(first.events[1]?.id);
    const second = await org.admin.client.call(endpoints.audit.list, {
      query: { limit: 2, before: first.nextBefore ?? undefined },
    });
    expect(second.events[0]?.id).toBeLessThan(first.events[1]?.id ?? 0);
  });

  it("keeps the log for admins, and the read log out of their reach", async () => {
    const member = org.personas.member.session;
    const denied = await member?.client.call(endpoints.audit.list, {}).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(ApiError);
    expect(denied).toMatchObject({ status: 403 });
    expect((await fetch(`${server.url}/api/audit`)).status).toBe(401);
    const reads = await org.admin.client.call(endpoints.audit.list, { query: { kind: "read" } }).catch((e) => e);
    expect(reads).toMatchObject({ status: 403, code: "forbidden" });
  });

  it("exports the write log as CSV that survives commas and quotes", async () => {
    const response = await org.admin.fetch("/api/audit/export.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="ascent-audit-.*\.csv"/);
    const text = await response.text();
    const parsed = Papa.parse<string[]>(text.trim());
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual(["at", "actor_email", "action", "subject_email", "target", "details"]);
    const create = rows.find((row) => row[2] === "person.create" && row[3] === "quinn@example.com");
    expect(create?.[1]).toBe("admin@ascent.local");
    expect(create?.[4]).toBe(`person:${personId}`);
    expect(JSON.parse(create?.[5] ?? "{}").name).toBe('Quinn "Q" O\'Brien, Jr.');
    expect(new Date(create?.[0] ?? "").getTime()).not.toBeNaN();

    const forMember = await org.personas.member.request("/api/audit/export.csv");
    expect(forMember.status).toBe(403);
  });

  it("never writes a password into the log", async () => {
    const member = org.personas.member.session;
    await member?.client.call(endpoints.auth.changePassword, {
      body: { currentPassword: PERSONA_PASSWORD, newPassword: PERSONA_PASSWORD },
    });
    const csv = await (await org.admin.fetch("/api/audit/export.csv")).text();
    expect(csv).toContain("account.password_changed");
    expect(csv).not.toContain(PERSONA_PASSWORD);
  });

  it("shows owners who read their things, and nobody else", async () => {
    // Reads of plans and notes are recorded by later features; this stands in for one of them.
    const audit = new DrizzleAuditRepository(server.database.db);
    await audit.record({
      kind: "read",
      actorId: org.people.directManager.id,
      action: "plan.read",
      subjectId: org.people.member.id,
      targetType: "plan",
      targetId: "plan-1",
    });

    const mine = await org.personas.member.session?.client.call(endpoints.audit.myAccessLog, {});
    expect(mine?.entries).toHaveLength(1);
    expect(mine?.entries[0]).toMatchObject({
      reader: { id: org.people.directManager.id, name: "Dana Direct" },
      action: "plan.read",
      targetType: "plan",
      targetId: "plan-1",
    });
    expect(Number.isNaN(Date.parse(mine?.entries[0]?.at ?? ""))).toBe(false);

    const readers = await org.personas.directManager.session?.client.call(endpoints.audit.myAccessLog, {});
    expect(readers?.entries).toEqual([]);
    const adminLog = await org.admin.client.call(endpoints.audit.list, { query: { limit: 500 } });
    expect(adminLog.events.some((e) => e.action === "plan.read")).toBe(false);
    expect((await fetch(`${server.url}/api/me/access-log`)).status).toBe(401);
  });
});
