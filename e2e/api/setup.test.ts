import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { HttpSession, signInAsFirstAdmin } from "../support/http-session.ts";
import { apiError } from "../support/assessment-fixture.ts";

describe("the admin's setup checklist over HTTP", () => {
  let server: TestServer;
  let admin: HttpSession;
  const done = async () =>
    Object.fromEntries(
      (await admin.client.call(endpoints.setup.checklist)).steps.map((step) => [step.id, step.isDone]),
    );

  beforeAll(async () => {
    server = await startTestServer();
    admin = await signInAsFirstAdmin(server);
  });
  afterAll(async () => server?.stop());

  it("starts with nothing done but the demo, which a fresh server does not load", async () => {
    expect(await done()).toEqual({
      ladder: false,
      people: false,
      titles: false,
      invites: false,
      cycle: false,
      demo: true,
    });
  });

  it("ticks each step off from the data as the admin does the work", async () => {
    const person = await admin.client.call(endpoints.people.create, {
      body: { name: "Noor New", email: "noor@setup.example.com", title: "Chief Vibes Officer" },
    });
    let steps = await admin.client.call(endpoints.setup.checklist);
    expect(steps.steps.find((s) => s.id === "titles")).toMatchObject({
      isDone: false,
      detail: "1 person has no level yet",
    });
    expect(steps.steps.find((s) => s.id === "people")?.isDone).toBe(true);

    await admin.client.call(endpoints.people.update, { params: { id: person.id }, body: { levelId: "pm" } });
    await admin.client.call(endpoints.auth.createLink, { params: { id: person.id }, body: { purpose: "invite" } });
    await admin.client.call(endpoints.frameworkAdmin.startDraft, {
      params: { framework: "product-management" },
      body: {},
    });
    await server.database.db.execute(
      sql`insert into review_cycles (name, starts_at, ends_at) values ('H1', now(), now() + interval '30 days')`,
    );
    await admin.client.call(endpoints.demo.load);
    steps = await admin.client.call(endpoints.setup.checklist);
    expect(Object.fromEntries(steps.steps.map((s) => [s.id, s.isDone]))).toEqual({
      ladder: true,
      people: true,
      titles: true,
      invites: true,
      cycle: true,
      demo: false,
    });
    expect(steps.steps.find((s) => s.id === "invites")?.detail).toBe("1 invitation sent, 0 signed up");
    await admin.client.call(endpoints.demo.remove);
    expect((await done()).demo).toBe(true);
  });

  it("is for admins only", async () => {
    const person = await admin.client.call(endpoints.people.create, {
      body: { name: "Mo Member", email: "mo@setup.example.com", levelId: "pm" },
    });
    const link = await admin.client.call(endpoints.auth.createLink, {
      params: { id: person.id },
      body: { purpose: "invite" },
    });
    const member = await new HttpSession(server.url).redeem(link.path, "member-password-for-setup");
    expect((await apiError(member.client.call(endpoints.setup.checklist))).status).toBe(403);
  });
});
