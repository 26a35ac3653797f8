// Fan-out: an admin reminds everyone in a 10,000-person review cycle (POST /api/cycles/:id/reminders/send's
// use case): 10,000 reminders claimed and queued in delivery jobs, whose workers make 10,000 in-app
// notifications and 10,000 mail jobs, delivered by the server's own workers to a real SMTP server on
// this machine that counts them. Goals (issue 16): enqueued
// in < 5 s, delivered in < 60 s, and the hot readiness read (GET /api/people/:id/readiness, 50 connections)
// keeps ≥ 0.8× its idle throughput while the fan-out runs. Everything runs in this one process: the app,
// its workers, the SMTP sink and autocannon.
// On a fresh PGlite always; on PostgreSQL too when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set.
//
//   npm run bench -- fanout                    (PEOPLE=2000 for a quick run)
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { REMINDERS_PER_JOB } from "@ascent/core";
import type { DatabaseHandle } from "@ascent/db";
import { buildApp, buildServices, jobHandlers, prepareDatabase } from "@ascent/server";
import { SYNTHETIC_EMAIL_DOMAIN, seedSyntheticOrganisation } from "@ascent/synthetic";
import { benchOnEachDatabase, formatNumber as format } from "./support/on-each-database.ts";
import { startCountingSmtpSink } from "./support/counting-smtp-sink.ts";

const PEOPLE = Number(process.env.PEOPLE ?? 10_000);
const IDLE_SECONDS = Number(process.env.IDLE ?? 6);
const CONNECTIONS = 50;
const ROUND_SECONDS = 1;
const DELIVERY_LIMIT_SECONDS = 300;
const GOALS = { enqueueSeconds: 5, deliverSeconds: 60, readinessRatio: 0.8 };
const DAY = 86_400_000;

async function readinessLoad(url: string, path: () => string, token: string, seconds: number) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
    requests: [{ method: "GET", setupRequest: (request: object) => ({ ...request, path: path() }) }],
  });
  return { requests: result.requests.total, failures: result.non2xx + result.errors + result.timeouts };
}

async function benchDatabase(label: string, database: DatabaseHandle): Promise<boolean> {
  const sink = await startCountingSmtpSink();
  await prepareDatabase(database);
  let publicUrl = "http://127.0.0.1";
  const services = buildServices(database, {
    // Pooled SMTP connections (nodemailer's pool option, set in SMTP_URL), as a busy server would use.
    mail: { smtpUrl: `${sink.url}/?pool=true&maxConnections=4`, from: "Ascent <ascent@bench.example>" },
    publicUrl: () => publicUrl,
  });
  const seeded = await seedSyntheticOrganisation(database, { people: PEOPLE }, services);
  const admin = await services.people.findByEmail("admin@ascent.local");
  if (!admin) throw new Error("the first admin is missing");
  const viewer = { personId: admin.id, name: admin.name, isAdmin: true, via: "token" as const };
  const now = Date.now();
  // Everyone takes part; the self-assessment was due yesterday, so everyone not done is on the list.
  const cycle = await services.cycles.createCycle(viewer, {
    name: "Fan-out bench",
    population: {},
    phases: [{ kind: "self", opensAt: new Date(now - 30 * DAY), dueAt: new Date(now - DAY) }],
  });
  const { token } = await services.accounts.createApiToken(seeded.root.id, "fanout bench");
  const rows = await database.db.execute(
    sql`select id from people where email like ${`%@${SYNTHETIC_EMAIL_DOMAIN}`} order by id`,
  );
  const ids = (rows as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
  const randomPerson = () => `/api/people/${ids[Math.floor(Math.random() * ids.length)]}/readiness`;

  const app = await buildApp({ database, services, logLevel: "silent" });
  try {
    await app.listen({ host: "127.0.0.1", port: 0 });
    const address = app.server.address();
    if (!address || typeof address === "string") throw new Error("the server has no TCP address");
    const url = `http://127.0.0.1:${address.port}`;
    publicUrl = url;
    await app.readinessWarmer?.idle();
    // The workers run throughout, as on a server: idle is a quiet queue, not a stopped one.
    await services.jobs.work(jobHandlers(services));
    await readinessLoad(url, randomPerson, token, 2);
    const idle = await readinessLoad(url, randomPerson, token, IDLE_SECONDS);
    const idleRate = idle.requests / IDLE_SECONDS;

    const sentBefore = sink.count();
    const started = performance.now();
    let enqueuedAt = 0;
    let reminded = 0;
    const fanOut = services.reminders.remindLatePeople(viewer, cycle.id).then((result) => {
      enqueuedAt = performance.now();
      reminded = result.reminded;
    });
    const during = { requests: 0, failures: 0, seconds: 0 };
    let deliveredAt = 0;
    const watcher = setInterval(() => {
      if (!deliveredAt && enqueuedAt && sink.count() - sentBefore >= reminded) deliveredAt = performance.now();
    }, 20);
    // Readiness load in short rounds until every mail is in the sink.
    while (!deliveredAt && performance.now() - started < DELIVERY_LIMIT_SECONDS * 1000) {
      const round = await readinessLoad(url, randomPerson, token, ROUND_SECONDS);
      during.requests += round.requests;
      during.failures += round.failures;
      during.seconds += ROUND_SECONDS;
    }
    clearInterval(watcher);
    await fanOut;
    const mails = sink.count() - sentBefore;
    const notifications = await database.db.execute(
      sql`select count(*)::int as n from notifications where kind = 'cycle.reminder'`,
    );
    const inApp = (notifications as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
    const enqueueSeconds = (enqueuedAt - started) / 1000;
    const deliverSeconds = deliveredAt ? (deliveredAt - started) / 1000 : Number.POSITIVE_INFINITY;
    const duringRate = during.requests / during.seconds;
    const ratio = duringRate / idleRate;
    const checks = [
      enqueueSeconds < GOALS.enqueueSeconds,
      deliverSeconds < GOALS.deliverSeconds,
      ratio >= GOALS.readinessRatio,
      mails === reminded && inApp === reminded,
      idle.failures === 0 && during.failures === 0,
    ];
    const mark = (isMet: boolean | undefined) => (isMet ? "✓" : "✗");
    console.log(
      `\n${label}  (seeded in ${(seeded.seconds.insert + seeded.seconds.readiness).toFixed(1)} s, not timed)`,
    );
    console.log(
      `  claimed and queued ${format(reminded)} reminders (${Math.ceil(reminded / REMINDERS_PER_JOB)} delivery jobs) in ` +
        `${enqueueSeconds.toFixed(2)} s, ${format(reminded / enqueueSeconds)} reminders/s (goal < ${GOALS.enqueueSeconds} s) ${mark(checks[0])}`,
    );
    console.log(
      `  delivered ${format(mails)} mails to the SMTP sink ${deliveredAt ? `${deliverSeconds.toFixed(1)} s after the start` : "not all"}, ` +
        `${format((mails / ((deliveredAt || performance.now()) - enqueuedAt)) * 1000)} mails/s after enqueueing ` +
        `(goal < ${GOALS.deliverSeconds} s) ${mark(checks[1])}; ${format(inApp)} in-app notifications ${mark(checks[3])}`,
    );
    console.log(
      `  readiness read: idle ${format(idleRate)} req/s, during the fan-out ${format(duringRate)} req/s = ` +
        `${ratio.toFixed(2)}× (goal ≥ ${GOALS.readinessRatio}×) ${mark(checks[2])}; ` +
        `${idle.failures + during.failures} failed requests`,
    );
    return checks.every(Boolean);
  } finally {
    await services.jobs.stop();
    await app.close();
    await sink.stop();
  }
}

console.log(
  `fanout: reminders to ${format(PEOPLE)} people in one cycle, ${CONNECTIONS} connections on the readiness read, loopback only`,
);
await benchOnEachDatabase("fanout", benchDatabase);
