import { afterAll, beforeAll, expect, it } from "vitest";
import { endpoints, type TReviewCycle } from "@ascent/contract";
import { createScratchDatabase, describeOnDriver } from "@ascent/db/testing";
import { SCHEDULES } from "@ascent/server";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { createTestClock } from "../support/test-clock.ts";
import { SmtpSink, type CaughtMail } from "../support/smtp-sink.ts";
import { apiError, buildAssessmentOrg, type AssessmentOrg } from "../support/assessment-fixture.ts";

const legs = [{ driver: "pglite" }, { driver: "postgres" }] as const;
const DAY = 86_400_000;

for (const leg of legs) {
  describeOnDriver(leg.driver, "scheduled reminders and the admin's reminder to the late", () => {
    const clock = createTestClock();
    const servers: TestServer[] = [];
    const cleanups: (() => Promise<void>)[] = [];
    let sink: SmtpSink;
    let org: AssessmentOrg;
    let cycle: TReviewCycle;
    const at = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();
    const mailsSince = (from: number, subject: RegExp): CaughtMail[] =>
      sink.mails.slice(from).filter((mail) => subject.test(mail.subject));
    /** Every server drains the queue at the same time, as their workers would. */
    const drainEverywhere = () => Promise.all(servers.map((server) => server.drainJobs()));
    /** What each server's cron pass would do for the occurrence: enqueue the reminders run. */
    const fireReminderSchedule = async () => {
      for (const server of servers) await server.services.jobs.enqueue("scheduled.reminders", {});
    };

    beforeAll(async () => {
      sink = await SmtpSink.start();
      let databaseUrl: string | undefined;
      if (leg.driver === "postgres") {
        const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL as string);
        databaseUrl = scratch.url;
        cleanups.push(scratch.drop);
      }
      const env = { SMTP_URL: sink.url, MAIL_FROM: "reminders@example.org" };
      servers.push(await startTestServer({ databaseUrl, env, now: clock.now, drainJobsByHand: true }));
      // Two app servers on one PostgreSQL; PGlite has one process per data folder.
      if (databaseUrl) servers.push(await startTestServer({ databaseUrl, env, now: clock.now, drainJobsByHand: true }));
      org = await buildAssessmentOrg(servers[0]!);
      cycle = await org.as("admin")(endpoints.cycles.create, {
        body: {
          name: "Winter review",
          population: { managers: [org.people.vic.id] },
          phases: [
            { kind: "self", opensAt: at(-0.5), dueAt: at(10) },
            { kind: "manager", opensAt: at(-0.5), dueAt: at(12) },
          ],
        },
      });
      await drainEverywhere();
    });
    afterAll(async () => {
      for (const server of servers) await server.stop();
      for (const cleanup of cleanups) await cleanup();
      await sink?.stop();
    });

    it("registers each schedule once, however many servers register it", async () => {
      for (const server of servers) await server.services.jobs.schedule();
      const stored = await servers[0]!.services.jobs.schedules();
      expect(stored.map((s) => [s.name, s.cron, s.timezone]).sort()).toEqual(
        SCHEDULES.map((s) => [s.name, s.cron, "UTC"]).sort(),
      );
    });

    it("sends a scheduled reminder exactly once, with every server running the occurrence, and never again", async () => {
      const [first] = servers;
      const before = sink.mails.length;
      const meeting = await first!.services.oneOnOnes.create({
        leadId: org.people.dana.id,
        reportId: org.people.mia.id,
        scheduledAt: new Date(clock.now().getTime() + 20 * 3600_000),
        agenda: {
          playbook: null,
          aspects: [
            {
              id: "alignment",
              name: "Strategic alignment",
              leadBrings: "",
              reportBrings: "",
              prompts: ["Which bet matters most this quarter?"],
            },
          ],
          carriedOver: [],
        },
        actionItems: [],
      });
      await fireReminderSchedule();
      await drainEverywhere();
      const oneOnOne = mailsSince(before, /^1:1 with/);
      expect(oneOnOne.map((mail) => mail.to[0]).sort()).toEqual(["dana@assess.example.com", "mia@assess.example.com"]);
      const toMia = oneOnOne.find((mail) => mail.to.includes("mia@assess.example.com"))!;
      expect(toMia.subject).toContain("Dana Director");
      expect(toMia.text).toContain("1. Strategic alignment: Which bet matters most this quarter?");
      expect(toMia.html).toContain("Strategic alignment");
      // The link leads into the app of whichever server composed the mail.
      const link = /(http:\/\/[^\s]+)\/one-on-ones\/([0-9a-f-]+)/.exec(toMia.text);
      expect(servers.map((server) => server.url)).toContain(link?.[1]);
      expect(link?.[2]).toBe(meeting.id);
      // The self phase opened half a day ago: each of the six participants is told once.
      const opened = mailsSince(before, /self-assessment phase is open/);
      expect(new Set(opened.map((mail) => mail.to[0])).size).toBe(6);
      expect(opened).toHaveLength(6);
      const bell = await org.as("mia")(endpoints.notifications.list, { query: { limit: 20 } });
      expect(bell.notifications.filter((n) => n.kind === "one-on-one.tomorrow")).toHaveLength(1);

      // The next occurrence, and a retried one, on every server: nothing new.
      const after = sink.mails.length;
      await fireReminderSchedule();
      await fireReminderSchedule();
      await drainEverywhere();
      expect(sink.mails.length).toBe(after);
      // A day later nothing new is due (the phases close in 9 and 11 days): still nothing.
      clock.advance(DAY);
      await fireReminderSchedule();
      await drainEverywhere();
      expect(sink.mails.length).toBe(after);
    });

    it("lets an admin remind the people with unfinished work, once a person a day, in the app and by mail", async () => {
      const path = `/api/cycles/${cycle.id}/reminders/send`;
      const before = sink.mails.length;
      const first = await org.as("admin")(endpoints.reminders.remindLate, { params: { cycleId: cycle.id } });
      // Six self-assessments, and Dana and Vic owe manager assessments: seven people, one notification each.
      expect(first).toEqual({ reminded: 7, alreadyReminded: 0 });
      expect(await org.as("admin")(endpoints.reminders.remindLate, { params: { cycleId: cycle.id } })).toEqual({
        reminded: 0,
        alreadyReminded: 7,
      });
      await drainEverywhere();
      const reminders = mailsSince(before, /^Reminder: your part in "Winter review"$/);
      expect(reminders).toHaveLength(7);
      const toDana = reminders.find((mail) => mail.to.includes("dana@assess.example.com"))!;
      expect(toDana.text).toContain("the manager assessment of Mia Member");
      expect(toDana.text).toContain("your self-assessment");
      expect(toDana.html).toContain("/tasks");
      const bell = await org.as("pia")(endpoints.notifications.list, { query: { limit: 20 } });
      expect(bell.notifications.filter((n) => n.kind === "cycle.reminder").map((n) => n.link)).toEqual(["/tasks"]);
      expect((await org.raw("dana", "POST", path)).status).toBe(403);
      expect((await org.raw("mia", "POST", path)).status).toBe(403);
      const unknown = await apiError(
        org.as("admin")(endpoints.reminders.remindLate, {
          params: { cycleId: "00000000-0000-4000-8000-000000000000" },
        }),
      );
      expect(unknown.status).toBe(404);
      expect((await org.raw("admin", "POST", "/api/cycles/not-a-uuid/reminders/send")).status).toBe(400);
      const audit = await org.as("admin")(endpoints.audit.list, { query: { limit: 50 } });
      expect(audit.events.filter((e) => e.action === "cycle.remind").map((e) => e.details)).toEqual([
        expect.objectContaining({ reminded: 0, alreadyReminded: 7 }),
        expect.objectContaining({ reminded: 7, alreadyReminded: 0 }),
      ]);
    });
  });
}
