import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import type { HttpSession } from "../support/http-session.ts";
import { buildPersonaOrg, type PersonaOrg } from "../support/org-fixture.ts";
import { createTestClock } from "../support/test-clock.ts";
import { WebhookReceiver } from "../support/webhook-receiver.ts";

const SECRET = "xoxSecretPartOfTheWebhook0042";
const PATH = "/api/admin/channel-webhook";

/** Every body an API answer carried in this file, to prove the webhook's address never left whole. */
const answers: string[] = [];

async function call(session: HttpSession, path: string, init: RequestInit = {}) {
  const response = await session.fetch(path, {
    ...init,
    headers: { ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers },
  });
  const text = await response.text();
  answers.push(text);
  return { status: response.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

function save(session: HttpSession, url: string) {
  return call(session, PATH, { method: "PUT", body: JSON.stringify({ url }) });
}

describe("the organisation's Slack webhook, against a real HTTP receiver", () => {
  const clock = createTestClock();
  let receiver: WebhookReceiver;
  let server: TestServer;
  let org: PersonaOrg;
  let hook: string;

  const daysFromNow = (days: number) => new Date(clock.now().getTime() + days * 86_400_000).toISOString();

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    hook = receiver.url(SECRET);
    server = await startTestServer({
      env: { ASCENT_WEBHOOK_ALLOW_HTTP: "1" },
      drainJobsByHand: true,
      now: clock.now,
    });
    org = await buildPersonaOrg(server);
  });
  afterAll(async () => {
    await server?.stop();
    await receiver?.stop();
  });

  it("is the admin's alone: others can neither read nor set nor remove it", async () => {
    for (const name of ["member", "directManager", "skipManager"] as const) {
      const someone = org.personas[name].session as HttpSession;
      expect((await call(someone, PATH)).status).toBe(403);
      expect((await save(someone, hook)).status).toBe(403);
      expect((await call(someone, PATH, { method: "DELETE" })).status).toBe(403);
      expect((await call(someone, `${PATH}/test`, { method: "POST" })).status).toBe(403);
    }
    expect((await fetch(`${server.url}${PATH}`)).status).toBe(401);
    expect(receiver.posts).toHaveLength(0);
  });

  it("refuses an address that is not a URL, or that the receiver answers 404 to, naming why, and keeps nothing", async () => {
    const notUrl = await save(org.admin, "hooks.slack.com/services/T0/B0/x");
    expect(notUrl.status).toBe(400);
    expect(notUrl.json()).toMatchObject({
      error: "validation_failed",
      message: expect.stringMatching(/not a web address/),
    });

    receiver.status = 404;
    const refused = await save(org.admin, hook);
    expect(refused.status).toBe(400);
    expect(refused.json().message).toMatch(/did not take the test message: the receiver answered 404 \(no_service\)/);
    expect(refused.json().details).toEqual([{ path: "body.url", message: expect.stringContaining("404") }]);
    // The receiver was tried: the refusal is its answer, not a guess.
    expect(receiver.textsAt(hook)).toHaveLength(1);
    receiver.status = 200;
    expect((await call(org.admin, PATH)).json().webhook).toBeNull();
  });

  it("posts a test message before saving, then shows the address masked only", async () => {
    receiver.posts.length = 0;
    const saved = await save(org.admin, hook);
    expect(saved.status).toBe(200);
    expect(receiver.textsAt(hook)).toEqual([expect.stringContaining("Ascent will post here")]);
    expect(receiver.posts[0]!.contentType).toBe("application/json");
    const masked = saved.json().webhook as { maskedUrl: string };
    expect(masked.maskedUrl).toBe(`${receiver.origin}/…0042`);
    const got = await call(org.admin, PATH);
    expect(got.json()).toMatchObject({ webhook: { maskedUrl: masked.maskedUrl }, allowsHttp: true });

    expect((await call(org.admin, `${PATH}/test`, { method: "POST" })).status).toBe(204);
    expect(receiver.textsAt(hook)).toHaveLength(2);
  });

  it("posts a cycle's opening through the job queue, with no person named", async () => {
    receiver.posts.length = 0;
    const created = await org.admin.client.call(endpoints.cycles.create, {
      body: {
        name: "Spring Q&A round",
        population: {},
        phases: [
          { kind: "self", opensAt: daysFromNow(-1), dueAt: daysFromNow(14) },
          { kind: "manager", opensAt: daysFromNow(7), dueAt: daysFromNow(28) },
        ],
      },
    });
    // Nothing leaves inside the request: the post waits on the queue.
    expect(receiver.posts).toHaveLength(0);
    await server.drainJobs();
    const [text, ...more] = receiver.textsAt(hook);
    expect(more).toHaveLength(0);
    expect(text).toContain("*Spring Q&amp;A round* is open for");
    expect(text).toContain(`self-assessment phase is due on ${daysFromNow(14).slice(0, 10)}`);
    expect(text).toContain(`<${server.url}/tasks|My tasks>`);
    for (const person of Object.values(org.people)) {
      expect(text).not.toContain(person.name);
      expect(text).not.toContain(person.email);
    }
    // Draining again posts nothing more.
    await server.drainJobs();
    expect(receiver.posts).toHaveLength(1);

    // A phase closing, while the receiver fails: retried, then dead-lettered with the reason for admins.
    receiver.status = 500;
    await org.admin.client.call(endpoints.cycles.closePhase, { params: { cycleId: created.id, kind: "self" } });
    await server.drainJobs();
    expect(receiver.posts.length).toBe(1 + 3);
    const failed = await call(org.admin, "/api/admin/jobs/failed");
    const job = (failed.json().jobs as { id: string; name: string; reason: string }[]).find(
      (entry) => entry.name === "slack.post",
    );
    expect(job?.reason).toMatch(/the receiver answered 500 \(internal_error\)/);
    const someone = org.personas.member.session as HttpSession;
    expect((await call(someone, "/api/admin/jobs/failed")).status).toBe(403);

    receiver.status = 200;
    expect((await call(org.admin, `/api/admin/jobs/failed/${job!.id}/retry`, { method: "POST" })).status).toBe(204);
    await server.drainJobs();
    const closedTexts = receiver.textsAt(hook).filter((t) => t.includes("has closed"));
    expect(closedTexts).toHaveLength(4);
    expect(closedTexts[0]).toContain(`Next: the manager assessment phase, due on ${daysFromNow(28).slice(0, 10)}`);
    await server.drainJobs();
    expect(receiver.textsAt(hook).filter((t) => t.includes("has closed"))).toHaveLength(4);

    receiver.posts.length = 0;
    await org.admin.client.call(endpoints.cycles.release, { params: { cycleId: created.id } });
    await server.drainJobs();
    expect(receiver.textsAt(hook)).toEqual([
      expect.stringContaining("The results of *Spring Q&amp;A round* are released"),
    ]);

    // The cycle's last promotion case decided: the channel hears that the round is done, not who or how.
    receiver.posts.length = 0;
    const dana = org.personas.directManager.session as HttpSession;
    const uri = org.personas.unrelatedManager.session as HttpSession;
    const committee = await org.admin.client.call(endpoints.promotions.createCommittee, {
      body: { name: "Channel committee", chairId: org.people.unrelatedManager.id, memberIds: [] },
    });
    const nominated = await dana.client.call(endpoints.promotions.nominate, {
      body: { personId: org.people.member.id, toLevelId: "senior-pm", cycleId: created.id },
    });
    await dana.client.call(endpoints.promotions.submit, {
      params: { id: nominated.case.id },
      body: { committeeId: committee.id },
    });
    await server.drainJobs();
    expect(receiver.posts).toHaveLength(0);
    await uri.client.call(endpoints.promotions.decide, {
      params: { id: nominated.case.id },
      body: { outcome: "declined", rationale: "Not yet across two teams" },
    });
    await server.drainJobs();
    const [decided, ...others] = receiver.textsAt(hook);
    expect(others).toHaveLength(0);
    expect(decided).toBe(
      ":scales: Every promotion case of *Spring Q&amp;A round* is decided. Each candidate reads their own outcome in Ascent.",
    );
  });

  it("leaves out a kind the admin switched off", async () => {
    const switched = await call(org.admin, `${PATH}/kinds`, {
      method: "PUT",
      body: JSON.stringify({ kinds: [{ kind: "cycle.opened", isEnabled: false }] }),
    });
    expect(switched.status).toBe(200);
    expect(switched.json().kinds).toContainEqual({
      kind: "cycle.opened",
      label: expect.any(String),
      isEnabled: false,
    });
    receiver.posts.length = 0;
    await org.admin.client.call(endpoints.cycles.create, {
      body: {
        name: "Quiet round",
        population: {},
        phases: [{ kind: "self", opensAt: "2026-01-01T00:00:00Z", dueAt: "2026-02-01T00:00:00Z" }],
      },
    });
    await server.drainJobs();
    expect(receiver.posts).toHaveLength(0);
  });

  it("removes the webhook (audited with the masked address), after which nothing is posted", async () => {
    expect((await call(org.admin, PATH, { method: "DELETE" })).status).toBe(204);
    expect((await call(org.admin, PATH, { method: "DELETE" })).status).toBe(404);
    expect((await call(org.admin, PATH)).json().webhook).toBeNull();
    const audit = await call(org.admin, "/api/audit?limit=200");
    const actions = (audit.json().events as { action: string; details: unknown }[]).filter((e) =>
      e.action.startsWith("webhook."),
    );
    expect(actions.map((e) => e.action)).toEqual(
      expect.arrayContaining(["webhook.saved", "webhook.kinds.changed", "webhook.removed"]),
    );
    receiver.posts.length = 0;
    await call(org.admin, `${PATH}/kinds`, {
      method: "PUT",
      body: JSON.stringify({ kinds: [{ kind: "cycle.opened", isEnabled: true }] }),
    });
    await org.admin.client.call(endpoints.cycles.create, {
      body: {
        name: "Unheard round",
        population: {},
        phases: [{ kind: "self", opensAt: "2026-01-01T00:00:00Z", dueAt: "2026-02-01T00:00:00Z" }],
      },
    });
    await server.drainJobs();
    expect(receiver.posts).toHaveLength(0);
  });

  it("never answered with the webhook's address whole, in any reply of this file", () => {
    expect(answers.length).toBeGreaterThan(20);
    for (const text of answers) expect(text).not.toContain(SECRET);
  });
});
