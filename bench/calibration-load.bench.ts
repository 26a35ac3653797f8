// Loading a calibration session of about 500 people: `GET /api/calibration/sessions/:id` as the
// session's facilitator, on a synthetic organisation, beside a bare Fastify route measured the same
// way in the same run (sequential requests, p50 and p95). The session's scope is whole teams, as many
// people as fit in SCOPE; its facilitator is the manager of the most of them; the cycle holds every self and
// manager assessment, and the released peer and upward snapshots of the seed count as readiness does.
// Goal (issue 15): p95 < 500 ms.
//
//   npm run bench -- calibration-load           (PEOPLE=2000 SAMPLES=10 for a quick run)
import { loadavg } from "node:os";
import Fastify, { type FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@ascent/db";
import { benchOnEachDatabase, formatNumber as format, settleAfterSeeding } from "./support/on-each-database.ts";
import { buildApp, buildServices, prepareDatabase } from "@ascent/server";
import { seedSyntheticOrganisation } from "@ascent/synthetic";

const PEOPLE = Number(process.env.PEOPLE ?? 10_000);
const SCOPE = Number(process.env.SCOPE ?? 500);
const SAMPLES = Number(process.env.SAMPLES ?? 30);
const WARMUP = 3;
const GOAL_P95_MS = 500;

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("the server has no TCP address");
  return `http://127.0.0.1:${address.port}`;
}

/** Rows of a raw query, on either driver. */
async function rows<T>(database: DatabaseHandle, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await database.db.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** p50 and p95 of SAMPLES sequential requests after a short warm-up, and the body's size. */
async function sequential(url: string, headers: Record<string, string>) {
  const times: number[] = [];
  let bytes = 0;
  let body: ArrayBuffer = new ArrayBuffer(0);
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    body = await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}: ${Buffer.from(body).toString()}`);
    if (i >= WARMUP) times.push(performance.now() - started);
    bytes = body.byteLength;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), bytes, text: Buffer.from(body).toString("utf8") };
}

/** p50 and p95 of SAMPLES sequential calls after a short warm-up. */
async function timed(call: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    const started = performance.now();
    await call();
    if (i >= WARMUP) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

/**
 * Whole teams, largest first, as long as they fit in SCOPE people (with 5% to spare), and one more when
 * that leaves the scope short: a session over a few teams, of at least about SCOPE people.
 */
async function pickTeams(database: DatabaseHandle): Promise<{ teams: string[]; size: number }> {
  const counts = await rows<{ team: string; n: number | string }>(
    database,
    sql`select team, count(*) as n from people where status = 'active' and team <> '' group by team order by count(*) desc, team`,
  );
  const picked = { teams: [] as string[], size: 0 };
  for (const { team, n } of counts) {
    if (picked.size + Number(n) > SCOPE * 1.05) continue;
    picked.teams.push(team);
    picked.size += Number(n);
  }
  // Where whole teams leave the scope short, one more team (the smallest that reaches SCOPE) makes it larger.
  if (picked.size < SCOPE * 0.95) {
    const extra = counts
      .filter(({ team, n }) => !picked.teams.includes(team) && picked.size + Number(n) >= SCOPE)
      .sort((a, b) => Number(a.n) - Number(b.n))[0];
    if (extra) {
      picked.teams.push(extra.team);
      picked.size += Number(extra.n);
    }
  }
  return picked;
}

async function benchDatabase(driver: string, database: DatabaseHandle): Promise<boolean> {
  await prepareDatabase(database);
  const services = buildServices(database);
  const admin = await services.accounts.ensureFirstAdmin();
  const seedStarted = performance.now();
  await seedSyntheticOrganisation(database, { people: PEOPLE }, services);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const adminId =
    admin?.person.id ??
    (await rows<{ person_id: string }>(database, sql`select person_id from accounts where is_admin limit 1`))[0]
      ?.person_id;
  if (!adminId) throw new Error("no admin account");
  const [cycle] = await rows<{ id: string }>(
    database,
    sql`insert into review_cycles (name, starts_at, ends_at)
        values ('Benchmark cycle', now() - interval '90 days', now() + interval '30 days') returning id`,
  );
  if (!cycle) throw new Error("no review cycle");
  await database.db.execute(
    sql`update assessments set cycle_id = ${cycle.id} where relation in ('self', 'manager') and status = 'submitted'`,
  );
  const scope = await pickTeams(database);
  // The facilitator: the manager of the most people in scope.
  const [lead] = await rows<{ manager_id: string }>(
    database,
    sql`select manager_id from people where team = any(${sql.param(scope.teams)}::text[]) and manager_id is not null
        group by manager_id order by count(*) desc limit 1`,
  );
  if (!lead) throw new Error("nobody in scope has a manager");
  const session = await services.calibration.createSession(
    { personId: adminId, name: "Admin", isAdmin: true, via: "token" },
    {
      cycleId: cycle.id,
      name: "Benchmark session",
      scope: { teams: scope.teams },
      facilitatorId: lead.manager_id,
    },
  );
  const token = (await services.accounts.createApiToken(lead.manager_id, "calibration bench")).token;
  await settleAfterSeeding(database);

  const app = await buildApp({ database, logLevel: "silent" });
  const bare = Fastify({ logger: false });
  bare.get("/hello", async () => ({ hello: "world" }));
  try {
    const [appUrl, bareUrl] = [await listen(app), await listen(bare)];
    await app.readinessWarmer?.idle();
    const headers = { authorization: `Bearer ${token}`, "accept-encoding": "br, gzip" };
    const bareBefore = await sequential(`${bareUrl}/hello`, {});
    const measured = await sequential(`${appUrl}/api/calibration/sessions/${session.id}`, headers);
    const bareAfter = await sequential(`${bareUrl}/hello`, {});
    const facilitator = { personId: lead.manager_id, name: "Facilitator", isAdmin: false, via: "token" } as const;
    const useCase = await timed(() => services.calibration.loadSession(facilitator, session.id));
    const bareP95 = Math.max(bareBefore.p95, bareAfter.p95);
    const shown = (JSON.parse(measured.text) as { people: unknown[] }).people.length;
    if (shown !== scope.size) throw new Error(`the session shows ${shown} people, not the ${scope.size} in scope`);
    const isMet = measured.p95 < GOAL_P95_MS;
    console.log(
      `\n${driver}: ${format(PEOPLE)} people seeded in ${seedSeconds.toFixed(0)} s; session of ${format(scope.size)} ` +
        `people; load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(" ")}`,
    );
    console.log(
      `| route | people in scope | response KB (compressed) | p50 ms | p95 ms | goal |\n| --- | --- | --- | --- | --- | --- |\n` +
        `| GET /api/calibration/sessions/:id | ${scope.size} | ${(measured.bytes / 1024).toFixed(0)} | ` +
        `${measured.p50.toFixed(1)} | ${measured.p95.toFixed(1)} | p95 < ${GOAL_P95_MS} ms: ${isMet ? "met" : "MISSED"} |\n` +
        `| the use case alone (loadSession, in process) | ${scope.size} | — | ${useCase.p50.toFixed(1)} | ` +
        `${useCase.p95.toFixed(1)} | — |\n` +
        `| bare Fastify GET /hello (baseline, same run) | — | — | ${bareBefore.p50.toFixed(2)} | ${bareP95.toFixed(2)} | — |`,
    );
    return isMet;
  } finally {
    await app.close();
    await bare.close();
  }
}

await benchOnEachDatabase("calibration-load", (label, database) => benchDatabase(label, database));
