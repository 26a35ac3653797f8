import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { SCHEDULES, loadConfig, startServer } from "@ascent/server";
import { createScratchDatabase, describeOnDriver } from "@ascent/db/testing";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { SmtpSink } from "../support/smtp-sink.ts";

const legs = [{ driver: "pglite" }, { driver: "postgres" }] as const;
const MAILS = 30;

const mail = (i: number) => ({
  sendKey: `queue-test:${i}`,
  to: `person-${i}@example.org`,
  subject: `Mail ${i}`,
  text: `Plain body ${i}`,
  html: `<p>HTML body ${i}</p>`,
});

for (const leg of legs) {
  describeOnDriver(leg.driver, "the job queue (pg-boss on the app's own connection)", () => {
    let sink: SmtpSink;
    const servers: TestServer[] = [];
    const cleanups: (() => Promise<void>)[] = [];

    beforeAll(async () => {
      sink = await SmtpSink.start();
      let databaseUrl: string | undefined;
      if (leg.driver === "postgres") {
        const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL as string);
        databaseUrl = scratch.url;
        cleanups.push(scratch.drop);
      }
      const env = { SMTP_URL: sink.url, MAIL_FROM: "queue@example.org" };
      servers.push(await startTestServer({ databaseUrl, env, drainJobsByHand: true }));
      // Two app servers on one PostgreSQL; PGlite has one process per data folder.
      if (databaseUrl) servers.push(await startTestServer({ databaseUrl, env, drainJobsByHand: true }));
    });
    afterAll(async () => {
      for (const server of servers) await server.stop();
      for (const cleanup of cleanups) await cleanup();
      await sink?.stop();
    });

    it("delivers every enqueued mail exactly once, however many servers work the queue", async () => {
      const [first] = servers;
      // Every mail enqueued twice, from each server where there are two: a retried enqueue sends nothing twice.
      for (const server of [...servers, ...servers]) {
        for (let i = 0; i < MAILS; i++) await server.services.jobs.enqueue("mail.send", mail(i));
      }
      const ran = await Promise.all(servers.map((server) => server.drainJobs()));
      expect(ran.reduce((sum, n) => sum + n, 0)).toBe(MAILS * servers.length * 2);
      expect(sink.mails).toHaveLength(MAILS);
      const keys = sink.mails.map((caught) => caught.headers.get("x-ascent-send-key"));
      expect(new Set(keys).size).toBe(MAILS);
      const seventh = sink.to("person-7@example.org");
      expect(seventh).toHaveLength(1);
      expect(seventh[0]).toMatchObject({ subject: "Mail 7", from: "queue@example.org" });
      expect(seventh[0]?.text.trim()).toBe("Plain body 7");
      expect(seventh[0]?.html).toContain("<p>HTML body 7</p>");
      expect(await first!.drainJobs()).toBe(0);
    });

    it("holds a job given startAfter until the database's clock passes it, then runs it", async () => {
      const [server] = servers;
      const to = "held@example.org";
      const startAfter = new Date(Date.now() + 3_600_000);
      await server!.services.jobs.enqueue(
        "mail.send",
        { ...mail(999), to, sendKey: "queue-test:held" },
        { startAfter },
      );
      expect(await server!.drainJobs()).toBe(0);
      expect(sink.to(to)).toHaveLength(0);
      const native = server!.database.native;
      const query = (text: string) =>
        native.driver === "pglite" ? native.client.query<{ start_after: Date }>(text) : native.pool.query(text);
      const held = await query("SELECT start_after FROM pgboss.job WHERE data->>'sendKey' = 'queue-test:held'");
      expect(new Date((held.rows[0] as { start_after: Date }).start_after).toISOString()).toBe(
        startAfter.toISOString(),
      );
      await query("UPDATE pgboss.job SET start_after = now() WHERE data->>'sendKey' = 'queue-test:held'");
      expect(await server!.drainJobs()).toBe(1);
      expect(sink.to(to)).toHaveLength(1);
    });
  });
}

describeOnDriver("pglite", "the server's own workers", () => {
  let sink: SmtpSink;
  let server: TestServer;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    server = await startTestServer({ env: { SMTP_URL: sink.url, MAIL_FROM: "queue@example.org" } });
  });
  afterAll(async () => {
    await server?.stop();
    await sink?.stop();
  });

  it("send a mail enqueued by a request with nobody draining the queue by hand", async () => {
    const response = await fetch(`${server.url}/api/auth/password-reset`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "admin@ascent.local" }),
    });
    expect(response.status).toBe(202);
    // The first admin has no password yet, so no link goes out: enqueue a mail of our own as well.
    await server.services.jobs.enqueue("mail.send", mail(1));
    // Workers poll every two seconds: wait in short steps for the sink to hear from them.
    const deadline = Date.now() + 15_000;
    while (sink.mails.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(sink.mails.map((caught) => caught.subject)).toEqual(["Mail 1"]);
  });

  it("registers the scheduled jobs at start, in UTC", async () => {
    const stored = await server.services.jobs.schedules();
    expect(stored.map((s) => `${s.name} ${s.cron} ${s.timezone}`).sort()).toEqual(
      SCHEDULES.map((s) => `${s.name} ${s.cron} UTC`).sort(),
    );
  });
});

describeOnDriver("pglite", "a job enqueued before a restart", () => {
  it("is still there after the server stops and starts again on the same data folder", async () => {
    const sink = await SmtpSink.start();
    const dataDir = await mkdtemp(join(tmpdir(), "ascent-jobs-"));
    const config = {
      ...loadConfig({
        PORT: "0",
        LOG_LEVEL: "warn",
        ASCENT_DEMO: "0",
        ASCENT_DATA_DIR: dataDir,
        SMTP_URL: sink.url,
        MAIL_FROM: "queue@example.org",
      }),
      runJobWorkers: false,
    };
    try {
      const before = await startServer(config);
      await before.services.jobs.enqueue("mail.send", mail(42));
      await before.close();
      expect(sink.mails).toHaveLength(0);
      const after = await startServer(config);
      try {
        expect(await after.drainJobs()).toBe(1);
        expect(sink.mails.map((caught) => caught.subject)).toEqual(["Mail 42"]);
      } finally {
        await after.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
      await sink.stop();
    }
  });
});
