// The rater-effects fit (packages/core/src/rater-effects) on a cycle of 10,000 people, each rated by
// five raters (their manager and four other managers) on 15 competencies: 750,000 ratings. Goal: < 5 s.
// Timed beside a baseline from the same run over the same ratings: one pass computing each rater's
// plain mean score (a Map keyed by rater id), the least any per-rater summary has to do.
//
//   npm run bench -- rater-effects            (PEOPLE=2000 RUNS=3 for a quick run)
import { fitIndexedRaterEffects, fitRaterEffects, indexRatings, type RaterRating } from "@ascent/core";
import { simulateManagerCycle } from "@ascent/core/testing";

const PEOPLE = Number(process.env.PEOPLE ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 5);
const REPORTS_PER_MANAGER = 8;
const GOAL_MS = 5_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function timed(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

function plainMeans(ratings: readonly RaterRating[]): Map<string, number> {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const r of ratings) {
    const entry = sums.get(r.raterId);
    if (entry) {
      entry.sum += r.score;
      entry.n += 1;
    } else sums.set(r.raterId, { sum: r.score, n: 1 });
  }
  return new Map([...sums].map(([id, { sum, n }]) => [id, sum / n]));
}

const generatedAt = performance.now();
const { ratings } = simulateManagerCycle({
  managers: Math.ceil(PEOPLE / REPORTS_PER_MANAGER),
  reportsPerManager: REPORTS_PER_MANAGER,
  competencies: 15,
  crossRaters: { min: 4, max: 4 },
  offsetSd: 0.5,
  noiseSd: 0.7,
  isRounded: true,
  seed: 2026,
});
console.log(
  `${ratings.length.toLocaleString("en")} ratings by ${Math.ceil(PEOPLE / REPORTS_PER_MANAGER)} raters ` +
    `generated in ${((performance.now() - generatedAt) / 1000).toFixed(1)} s`,
);

const { indexed } = indexRatings(ratings);
let iterations = 0;
// One untimed run of each: the JIT warms up as it would in a running server.
plainMeans(ratings);
fitRaterEffects(ratings);
const fitMs: number[] = [];
const solveMs: number[] = [];
const baselineMs: number[] = [];
for (let run = 0; run < RUNS; run++) {
  baselineMs.push(timed(() => plainMeans(ratings)));
  fitMs.push(timed(() => fitRaterEffects(ratings)));
  solveMs.push(timed(() => (iterations = fitIndexedRaterEffects(indexed).iterations)));
}

const fit = median(fitMs);
const baseline = median(baselineMs);
console.log(`runs: ${RUNS} (median)`);
console.log(`fit (ids → indices → conjugate gradients → effects): ${fit.toFixed(0)} ms`);
console.log(`  of which the solve over typed arrays: ${median(solveMs).toFixed(0)} ms, ${iterations} iterations`);
console.log(`baseline (plain per-rater mean, one pass): ${baseline.toFixed(0)} ms`);
console.log(
  `fit ÷ baseline: ${(fit / baseline).toFixed(1)}×; goal < ${GOAL_MS} ms: ${fit < GOAL_MS ? "met" : "MISSED"}`,
);
if (fit >= GOAL_MS) process.exitCode = 1;
