// Single-person readiness under load: `GET /api/people/:id/readiness` for random people of a seeded
// 10,000-person organisation, 50 concurrent connections, against the baseline measured in the same
// process and run: a bare Fastify "hello world" route. Goals: throughput ≥ 0.5× the bare route, and
// a p99 latency under 20 ms. The caller is the CPO with an API token: the root of every reporting
// chain, so every person is theirs to see (admins alone may not read individual readiness).
// Everything runs in this one process on loopback: the app, the bare route and autocannon.
// On a fresh PGlite always; on PostgreSQL too when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set.
//
//   npm run bench -- readiness-load           (PEOPLE=2000 DURATION=5 for a quick run)
import autocannon from "autocannon";
import Fastify, { type FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@ascent/db";
import { benchOnEachDatabase, formatNumber as format } from "./support/on-each-database.ts";
import { buildApp, buildServices, prepareDatabase } from "@ascent/server";
import { SYNTHETIC_EMAIL_DOMAIN, seedSyntheticOrganisation } from "@ascent/synthetic";

const PEOPLE = Number(process.env.PEOPLE ?? 10_000);
const DURATION_SECONDS = Number(process.env.DURATION ?? 10);
/** Each side's time is cut into rounds, alternating, so that a burst of load on the machine hits both alike. */
const ROUNDS = 5;
const WARMUP_SECONDS = 2;
const CONNECTIONS = 50;
const GOAL_RATIO = 0.5;
const GOAL_P99_MS = 20;

interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  failures: number;
}

interface LoadResult {
  driver: string;
  seedSeconds: number;
  warmSeconds: number;
  readiness: LoadFigures;
  bare: LoadFigures;
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("the server has no TCP address");
  return `http://127.0.0.1:${address.port}`;
}

/** A bare Fastify app with one route: the most a Node HTTP route can do here, in this same process. */
function buildBareApp(): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get("/hello", async () => ({ hello: "world" }));
  return app;
}

async function load(
  url: string,
  options: { seconds: number; path: () => string; headers?: Record<string, string> },
): Promise<LoadFigures> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: options.seconds,
    headers: options.headers ?? {},
    requests: [{ method: "GET", setupRequest: (request: object) => ({ ...request, path: options.path() }) }],
  });
  return {
    requestsPerSecond: result.requests.total / options.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** Rounds of one side put together: throughput over the whole time, the median p50, the worst p99. */
function combine(rounds: LoadFigures[]): LoadFigures {
  const total = rounds.reduce((sum, r) => sum + r.total, 0);
  return {
    requestsPerSecond: rounds.reduce((sum, r) => sum + r.requestsPerSecond, 0) / rounds.length,
    p50: [...rounds.map((r) => r.p50)].sort((a, b) => a - b)[Math.floor(rounds.length / 2)] ?? 0,
    p99: Math.max(...rounds.map((r) => r.p99)),
    total,
    failures: rounds.reduce((sum, r) => sum + r.failures, 0),
  };
}

async function benchDatabase(driver: string, database: DatabaseHandle): Promise<LoadResult> {
  await prepareDatabase(database);
  const services = buildServices(database);
  const seeded = await seedSyntheticOrganisation(database, { people: PEOPLE }, services);
  const { token } = await services.accounts.createApiToken(seeded.root.id, "readiness-load bench");
  const rows = await database.db.execute(
    sql`select id from people where email like ${`%@${SYNTHETIC_EMAIL_DOMAIN}`} order by id`,
  );
  const ids = (rows as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
  const randomPerson = () => `/api/people/${ids[Math.floor(Math.random() * ids.length)]}/readiness`;
  const headers = { authorization: `Bearer ${token}` };

  const app = await buildApp({ database, logLevel: "silent" });
  const bare = buildBareApp();
  try {
    const [appUrl, bareUrl] = [await listen(app), await listen(bare)];
    // The server warms everyone's readiness into memory after it starts, as in production.
    const warmStarted = performance.now();
    await app.readinessWarmer?.idle();
    const warmSeconds = (performance.now() - warmStarted) / 1000;
    const probe = await fetch(`${appUrl}${randomPerson()}`, { headers });
    const body = (await probe.json()) as { competencies?: unknown[] };
    if (probe.status !== 200 || !body.competencies?.length) {
      throw new Error(`GET readiness as the CPO: ${probe.status} ${JSON.stringify(body).slice(0, 200)}`);
    }
    // Untimed warm-up of both: JIT, query plans and per-process caches, as on a running server.
    await load(appUrl, { seconds: WARMUP_SECONDS, path: randomPerson, headers });
    await load(bareUrl, { seconds: WARMUP_SECONDS, path: () => "/hello" });
    const seconds = DURATION_SECONDS / ROUNDS;
    const bareRounds: LoadFigures[] = [];
    const readinessRounds: LoadFigures[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bareRounds.push(await load(bareUrl, { seconds, path: () => "/hello" }));
      readinessRounds.push(await load(appUrl, { seconds, path: randomPerson, headers }));
    }
    return {
      driver,
      seedSeconds: seeded.seconds.insert + seeded.seconds.readiness,
      warmSeconds,
      readiness: combine(readinessRounds),
      bare: combine(bareRounds),
    };
  } finally {
    await app.close();
    await bare.close();
  }
}

function report(result: LoadResult): boolean {
  const { readiness, bare } = result;
  const ratio = readiness.requestsPerSecond / bare.requestsPerSecond;
  const line = (label: string, figures: LoadFigures) =>
    console.log(
      `  ${label.padEnd(52)} ${format(figures.requestsPerSecond).padStart(7)} req/s   p50 ${figures.p50} ms   ` +
        `p99 ${figures.p99} ms   (${format(figures.total)} requests, ${figures.failures} failed)`,
    );
  console.log(
    `\n${result.driver}  (seeded in ${result.seedSeconds.toFixed(1)} s; readiness warmed in memory after start ` +
      `in ${result.warmSeconds.toFixed(1)} s; neither timed)`,
  );
  line("GET /api/people/:id/readiness, random people, as the CPO", readiness);
  line("baseline: bare Fastify hello world, same process", bare);
  const isRatioMet = ratio >= GOAL_RATIO;
  const isLatencyMet = readiness.p99 < GOAL_P99_MS;
  console.log(
    `  ratio: ${ratio.toFixed(2)}× the bare route's throughput (goal ≥ ${GOAL_RATIO}×) ${isRatioMet ? "✓" : "✗ under the goal"}`,
  );
  console.log(
    `  p99: ${readiness.p99} ms, the worst of ${ROUNDS} rounds (goal < ${GOAL_P99_MS} ms) ${isLatencyMet ? "✓" : "✗ over the goal"}`,
  );
  return isRatioMet && isLatencyMet && readiness.failures === 0;
}

console.log(
  `readiness-load: ${format(PEOPLE)} people, ${CONNECTIONS} connections, ${DURATION_SECONDS} s per side in ` +
    `${ROUNDS} alternating rounds (after ${WARMUP_SECONDS} s of warm-up), loopback only`,
);
await benchOnEachDatabase("readiness-load", async (label, database) => report(await benchDatabase(label, database)));
