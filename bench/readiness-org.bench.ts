// Org-wide readiness for a 10,000-person organisation, as the API computes it for an admin, timed
// against the baseline measured in the same run on the same database: a raw
// `SELECT count(*), sum(score) FROM ratings` over its 750,000 ratings. Goal: at most 3× the baseline.
//
// (a) is readOrgReadiness (per level × team × verdict sums of the stored snapshots, k-suppression in
// JS) plus the presenter and JSON, which is what GET /api/org/readiness does once its handler calls it;
// (a′) is the route itself called in-process through app.inject, whatever it does today;
// (b) is GET /api/org/heatmap the same way (level × team × competency means), with the same goal.
// On a fresh PGlite always; on PostgreSQL too when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set,
// in a scratch database.
//
//   npm run bench -- readiness-org            (PEOPLE=2000 RUNS=5 for a quick run)
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@ascent/db";
import { benchOnEachDatabase, formatNumber as format } from "./support/on-each-database.ts";
import { buildApp, buildServices, prepareDatabase } from "@ascent/server";
import { presentOrgReadiness } from "../apps/server/src/presenters/readiness.ts";
import { readOrgReadiness } from "../apps/server/src/org-views.ts";
import { seedSyntheticOrganisation } from "@ascent/synthetic";

const PEOPLE = Number(process.env.PEOPLE ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 9);
const GOAL_RATIO = 3;
const FIRST_ADMIN_EMAIL = "admin@ascent.local";

const ms = (value: number) => `${value.toFixed(1)} ms`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

interface OrgResult {
  driver: string;
  seedSeconds: number;
  orgMs: number[];
  routeMs: number[];
  heatmapMs: number[];
  baselineMs: number[];
  responseBytes: number;
}

async function benchDatabase(driver: string, database: DatabaseHandle): Promise<OrgResult> {
  await prepareDatabase(database);
  const services = buildServices(database);
  const seeded = await seedSyntheticOrganisation(database, { people: PEOPLE }, services);
  const admin = await services.people.findByEmail(FIRST_ADMIN_EMAIL);
  if (!admin) throw new Error("the first admin is missing");
  const { token } = await services.accounts.createApiToken(admin.id, "readiness-org bench");
  const app = await buildApp({ database, logLevel: "silent" });
  try {
    await app.ready();
    const orgReadiness = async () => {
      const view = await readOrgReadiness(services, {
        personId: admin.id,
        name: admin.name,
        isAdmin: true,
        via: "token",
      });
      const { document } = await services.readiness.framework();
      return JSON.stringify(presentOrgReadiness(view, { level: null, team: null }, document)).length;
    };
    const get = (url: string) => async () => {
      const response = await app.inject({ method: "GET", url, headers: { authorization: `Bearer ${token}` } });
      if (response.statusCode !== 200) throw new Error(`GET ${url}: ${response.statusCode} ${response.body}`);
    };
    const route = get("/api/org/readiness");
    const heatmap = get("/api/org/heatmap");
    const baseline = () => database.db.execute(sql`select count(*), sum(score) from ratings`);
    // One untimed call each: plans, caches and JIT warm up as they would on a running server.
    const responseBytes = await orgReadiness();
    await route();
    await heatmap();
    await baseline();
    const orgMs: number[] = [];
    const routeMs: number[] = [];
    const heatmapMs: number[] = [];
    const baselineMs: number[] = [];
    // Interleaved, so that a burst of load on the machine hits every side alike.
    for (let run = 0; run < RUNS; run++) {
      orgMs.push(await timed(orgReadiness));
      baselineMs.push(await timed(baseline));
      routeMs.push(await timed(route));
      heatmapMs.push(await timed(heatmap));
    }
    return {
      driver,
      seedSeconds: seeded.seconds.insert + seeded.seconds.readiness,
      orgMs,
      routeMs,
      heatmapMs,
      baselineMs,
      responseBytes,
    };
  } finally {
    await app.close();
  }
}

function report(result: OrgResult): boolean {
  const org = median(result.orgMs);
  const route = median(result.routeMs);
  const baseline = median(result.baselineMs);
  const ratio = org / baseline;
  const line = (label: string, values: number[], extra = "") =>
    console.log(
      `  ${label.padEnd(58)} ${ms(median(values)).padStart(10)}  median of ${RUNS}  (min ${ms(Math.min(...values))}${extra})`,
    );
  console.log(`\n${result.driver}  (seeded in ${result.seedSeconds.toFixed(1)} s, not timed)`);
  line(
    "(a) org-wide readiness: readOrgReadiness → presenter → JSON",
    result.orgMs,
    `, ${format(result.responseBytes / 1024)} KB`,
  );
  line("(a′) GET /api/org/readiness as an admin, via app.inject", result.routeMs);
  line("(b) GET /api/org/heatmap as an admin, via app.inject", result.heatmapMs);
  line("baseline: SELECT count(*), sum(score) FROM ratings", result.baselineMs);
  const heatmapRatio = median(result.heatmapMs) / baseline;
  const isMet = ratio <= GOAL_RATIO && heatmapRatio <= GOAL_RATIO;
  console.log(
    `  ratio (a): ${ratio.toFixed(2)}× the baseline (goal ≤ ${GOAL_RATIO}×) ${ratio <= GOAL_RATIO ? "✓" : "✗ over the goal"}`,
  );
  console.log(`  ratio (a′): ${(route / baseline).toFixed(2)}× the baseline`);
  console.log(
    `  ratio (b): ${heatmapRatio.toFixed(2)}× the baseline (goal ≤ ${GOAL_RATIO}×) ${heatmapRatio <= GOAL_RATIO ? "✓" : "✗ over the goal"}`,
  );
  return isMet;
}

console.log(
  `readiness-org: ${format(PEOPLE)} people, ${format(PEOPLE * 75)} ratings (5 raters × 15 competencies each)`,
);
await benchOnEachDatabase("readiness-org", async (label, database) => report(await benchDatabase(label, database)));
