import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import type { HttpSession } from "../support/http-session.ts";
import { buildPersonaOrg, type PersonaOrg } from "../support/org-fixture.ts";
import { SmtpSink } from "../support/smtp-sink.ts";
import { createTestClock, type TestClock } from "../support/test-clock.ts";

const api = endpoints.notificationSettings;
const HOUR = 3_600_000;

const put = (session: HttpSession, path: string, body: unknown) =>
  session.fetch(path, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

/** "HH:MM" in UTC, `minutes` from the instant. */
function utcClock(at: Date, minutes: number): string {
  const total = (((at.getUTCHours() * 60 + at.getUTCMinutes() + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

describe("notification settings, digests and quiet hours over HTTP, with a real SMTP sink", () => {
  let server: TestServer;
  let org: PersonaOrg;
  let sink: SmtpSink;
  let clock: TestClock;
  let member: HttpSession;
  let rater: HttpSession;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    clock = createTestClock();
    server = await startTestServer({
      now: () => clock.now(),
      env: { SMTP_URL: sink.url, MAIL_FROM: "ascent@example.org" },
      drainJobsByHand: true,
    });
    org = await buildPersonaOrg(server);
    member = org.personas.member.session as HttpSession;
    rater = org.personas.otherMember.session as HttpSession;
  });
  afterAll(async () => {
    await server?.stop();
    await sink?.stop();
  });

  it("refuses an unknown time zone and an unknown kind, naming them", async () => {
    const zone = await put(member, "/api/me/notification-schedule", { timeZone: "Europe/Atlantis", quietHours: null });
    expect(zone.status).toBe(400);
    const zoneBody = await zone.text();
    expect(zoneBody).toContain("Europe/Atlantis");
    expect(zoneBody).toContain("body.timeZone");
    const hours = await put(member, "/api/me/notification-schedule", {
      timeZone: "UTC",
      quietHours: { start: "24:10", end: "07:00" },
    });
    expect(hours.status).toBe(400);
    expect(await hours.text()).toContain("body.quietHours.start");
    const kind = await put(member, "/api/me/notification-preferences", {
      preferences: [{ kind: "no.such.kind", inApp: true, mail: "daily" }],
    });
    expect(kind.status).toBe(400);
    expect(await kind.text()).toContain("no.such.kind");
    const choice = await put(member, "/api/me/notification-preferences", {
      preferences: [{ kind: "level.changed", inApp: true, mail: "hourly" }],
    });
    expect(choice.status).toBe(400);

    const saved = await member.client.call(api.setSchedule, {
      body: { timeZone: "America/New_York", quietHours: { start: "22:00", end: "06:30" } },
    });
    expect(saved).toEqual({ timeZone: "America/New_York", quietHours: { start: "22:00", end: "06:30" } });
    expect(await member.client.call(api.schedule, {})).toEqual(saved);
  });

  it("lets only admins read or set the organisation's defaults, audits the change, and shows switched-off channels", async () => {
    for (const persona of ["member", "directManager"] as const) {
      const session = org.personas[persona].session as HttpSession;
      expect((await session.fetch("/api/admin/notification-defaults")).status, persona).toBe(403);
      const refused = await put(session, "/api/admin/notification-defaults", {
        defaults: [{ kind: "level.changed", inApp: true, mail: "off" }],
      });
      expect(refused.status, persona).toBe(403);
    }
    expect((await fetch(`${server.url}/api/admin/notification-defaults`)).status).toBe(401);

    const saved = await org.admin.client.call(api.setOrganisationDefaults, {
      body: {
        defaults: [{ kind: "level.changed", inApp: true, mail: "weekly" }],
        switches: { isEmailEnabled: false, isDigestEnabled: true },
      },
    });
    expect(saved.defaults).toContainEqual(
      expect.objectContaining({ kind: "level.changed", mail: "weekly", isAppDefault: false }),
    );
    const { events } = await org.admin.client.call(endpoints.audit.list, { query: { kind: "write" } });
    expect(events.map((event) => event.action)).toContain("notification-defaults.changed");

    const seen = await member.client.call(api.preferences, {});
    expect(seen.switches).toEqual({ isEmailEnabled: false, isDigestEnabled: true });
    const byKind = new Map(seen.preferences.map((p) => [p.kind, p]));
    expect(byKind.get("level.changed")).toMatchObject({
      source: "organisation",
      mail: "weekly",
      mailDisabledReason: null,
    });
    expect(byKind.get("feedback.requested")?.mailDisabledReason).toMatch(/turned off/);

    // notify() follows the switch at once, though it keeps the organisation's settings between calls.
    const tell = (subject: string) =>
      server.services.notifications.notify(org.people.member.id, {
        kind: "feedback.requested",
        subject,
        link: "/growth",
        email: { body: subject },
      });
    await tell("While mail is off");
    await server.drainJobs();
    expect(sink.to(org.people.member.email)).toHaveLength(0);

    // Back on, and back to the app's default for the kind, so the tests below see the app's defaults.
    await org.admin.client.call(api.setOrganisationDefaults, {
      body: {
        defaults: [{ kind: "level.changed", inApp: true, mail: "instant" }],
        switches: { isEmailEnabled: true, isDigestEnabled: true },
      },
    });
    await tell("Once mail is back on");
    await server.drainJobs();
    expect(sink.to(org.people.member.email).map((mail) => mail.subject)).toEqual(["Once mail is back on"]);
  });

  it("gathers a person's notifications into one daily digest mail, sent once, with both bodies and working links", async () => {
    await rater.client.call(api.setPreferences, {
      body: { preferences: [{ kind: "feedback.requested", inApp: true, mail: "daily" }] },
    });
    const ask = () =>
      member.client.call(endpoints.feedback.create, {
        params: { id: org.people.member.id },
        body: {
          relation: "peer",
          raterIds: [org.people.otherMember.id],
          dueAt: new Date(clock.now().getTime() + 14 * 24 * HOUR).toISOString(),
        },
      });
    const first = await ask();
    await ask();
    await server.drainJobs();
    const email = org.people.otherMember.email;
    expect(sink.to(email)).toHaveLength(0);

    // To the next 08:00 UTC (the rater never set a zone), plus a minute.
    const now = clock.now();
    const next8 = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 8, 1);
    clock.advance((next8 > now.getTime() ? next8 : next8 + 24 * HOUR) - now.getTime());

    // The server's own scheduler may have sent it a moment earlier; either way a second run sends nothing.
    expect(await server.services.digests.sendDueDigests()).toBeLessThanOrEqual(1);
    expect(await server.services.digests.sendDueDigests()).toBe(0);
    await server.drainJobs();
    await server.services.digests.sendDueDigests();
    await server.drainJobs();

    const mails = sink.to(email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe("Your daily digest from Ascent: 2 notifications");
    expect(mail.text).toContain("Mia Member asked you for feedback");
    expect(mail.text).toContain("Feedback requests to answer (2)");
    const link = `${server.url}/feedback/${first.id}`;
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.text).toContain(`${server.url}/notifications#settings`);
    // The link leads to a request the rater can open: it is among those asked of them.
    const asked = await rater.client.call(endpoints.feedback.listMine, {});
    expect(asked.requests.map((request) => request.id)).toContain(first.id);
    // The in-app entries came at once, whatever the mail waits for.
    const inbox = await rater.client.call(endpoints.notifications.list, { query: {} });
    expect(inbox.notifications.filter((n) => n.link === `/feedback/${first.id}`)).toHaveLength(1);
  });

  it("holds a mail in quiet hours until they end (start_after on the job), and sends it once after", async () => {
    const peer = org.personas.peer.session as HttpSession;
    const at = clock.now();
    await peer.client.call(api.setSchedule, {
      body: { timeZone: "UTC", quietHours: { start: utcClock(at, -60), end: utcClock(at, 60) } },
    });
    const notification = await server.services.notifications.notify(org.people.peer.id, {
      kind: "level.changed",
      subject: "Your level changed",
      link: "/growth",
      email: { body: "Have a look at your new level." },
    });
    expect(notification).not.toBeNull();
    const inbox = await peer.client.call(endpoints.notifications.list, { query: {} });
    expect(inbox.notifications.map((n) => n.subject)).toContain("Your level changed");

    await server.drainJobs();
    expect(sink.to(org.people.peer.email)).toHaveLength(0);

    const native = server.database.native;
    if (native.driver !== "pglite") throw new Error("this test runs on the embedded database");
    const held = await native.client.query<{ id: string; start_after: Date }>(
      "SELECT id, start_after FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1",
      [org.people.peer.email],
    );
    expect(held.rows).toHaveLength(1);
    const startAfter = new Date(held.rows[0]!.start_after);
    // The window ends on the minute, an hour after the minute the mail was held.
    const expected = new Date(Math.floor(at.getTime() / 60_000) * 60_000 + HOUR);
    expect(startAfter.toISOString()).toBe(expected.toISOString());

    // The database's clock reaches the end of the window.
    await native.client.query("UPDATE pgboss.job SET start_after = now() - interval '1 second' WHERE id = $1", [
      held.rows[0]!.id,
    ]);
    await server.drainJobs();
    await server.drainJobs();
    const sent = sink.to(org.people.peer.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe("Your level changed");
    expect(sent[0]!.text).toContain(`${server.url}/notifications?kind=level.changed`);
  });
});
