// A review cycle's progress page for a 10,000-person organisation: GET /api/cycles/:id/progress as an
// admin (everyone in the cycle), called in-process through app.inject. Goal (issue 15): p95 < 300 ms.
// The cycle takes in everyone, with self, nomination and manager phases open; the synthetic
// organisation's submitted self and manager assessments make part of them done.
// On a fresh PGlite always; on PostgreSQL too when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set.
//
//   npm run bench -- cycle-progress            (PEOPLE=2000 RUNS=10 for a quick run)
import type { DatabaseHandle } from "@ascent/db";
import { buildApp, buildServices, prepareDatabase } from "@ascent/server";
import { seedSyntheticOrganisation } from "@ascent/synthetic";
import { benchOnEachDatabase, formatNumber as format, settleAfterSeeding } from "./support/on-each-database.ts";

const PEOPLE = Number(process.env.PEOPLE ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 40);
const GOAL_P95_MS = 300;
const DAY = 86_400_000;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function benchDatabase(label: string, database: DatabaseHandle): Promise<boolean> {
  await prepareDatabase(database);
  const services = buildServices(database);
  const seeded = await seedSyntheticOrganisation(database, { people: PEOPLE }, services);
  const admin = await services.people.findByEmail("admin@ascent.local");
  if (!admin) throw new Error("the first admin is missing");
  const viewer = { personId: admin.id, name: admin.name, isAdmin: true, via: "token" as const };
  const now = Date.now();
  const cycle = await services.cycles.createCycle(viewer, {
    name: "Bench cycle",
    population: {},
    phases: [
      { kind: "self", opensAt: new Date(now - 400 * DAY), dueAt: new Date(now + 7 * DAY) },
      { kind: "nomination", opensAt: new Date(now - 400 * DAY), dueAt: new Date(now - DAY) },
      { kind: "manager", opensAt: new Date(now - 400 * DAY), dueAt: new Date(now + 14 * DAY) },
    ],
    nominationsMin: 3,
  });
  const { token } = await services.accounts.createApiToken(admin.id, "cycle-progress bench");
  await settleAfterSeeding(database);
  const app = await buildApp({ database, logLevel: "silent" });
  try {
    await app.ready();
    let bytes = 0;
    let people = 0;
    const progress = async () => {
      const response = await app.inject({
        method: "GET",
        url: `/api/cycles/${cycle.id}/progress`,
        headers: { authorization: `Bearer ${token}` },
      });
      if (response.statusCode !== 200) throw new Error(`progress: ${response.statusCode} ${response.body}`);
      bytes = response.body.length;
      people = (JSON.parse(response.body) as { people: unknown[] }).people.length;
    };
    await progress();
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      await progress();
      times.push(performance.now() - started);
    }
    // Baseline, same run and same path through the app: the liveness probe, which reads nothing.
    const baseline: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const response = await app.inject({ method: "GET", url: "/healthz" });
      if (response.statusCode !== 200) throw new Error(`healthz: ${response.statusCode}`);
      baseline.push(performance.now() - started);
    }
    const p95 = percentile(times, 95);
    const isMet = p95 < GOAL_P95_MS;
    console.log(
      `\n${label}  (seeded in ${(seeded.seconds.insert + seeded.seconds.readiness).toFixed(1)} s, not timed)`,
    );
    console.log(
      `  GET /api/cycles/:id/progress as an admin, ${format(people)} people, ${format(bytes / 1024)} KB: ` +
        `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${RUNS} runs ` +
        `(goal p95 < ${GOAL_P95_MS} ms) ${isMet ? "✓" : "✗ over the goal"}`,
    );
    console.log(
      `  baseline, GET /healthz through the same app: p50 ${percentile(baseline, 50).toFixed(2)} ms, ` +
        `p95 ${percentile(baseline, 95).toFixed(2)} ms`,
    );
    return isMet;
  } finally {
    await app.close();
  }
}

console.log(`cycle-progress: ${format(PEOPLE)} people in one cycle`);
await benchOnEachDatabase("cycle-progress", benchDatabase);
