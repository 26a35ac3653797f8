// The rater-effects fit (packages/core/src/rater-effects) on a cycle of 10,000 people, each rated by
// five raters on 15 competencies: 750,000 ratings. Goal: < 5 s. Two layouts: the four raters besides the
// manager are other managers (1,250 raters with 600 ratings each), or peers drawn from 10,000 colleagues
// (about 11,000 raters, most with about 60 ratings, which the solver finds harder).
// Timed beside a baseline from the same run over the same ratings: one pass computing each rater's
// plain mean score (a Map keyed by rater id), the least any per-rater summary has to do.
//
//   npm run bench -- rater-effects            (PEOPLE=2000 RUNS=3 for a quick run)
import { fitIndexedRaterEffects, fitRaterEffects, indexRatings, type RaterRating } from "@ascent/core";
import { simulateManagerCycle, type SimulatedCycleSpec } from "@ascent/core/testing";

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

/** Times one layout of the same size: who the four raters besides the manager are. */
function benchLayout(label: string, layout: Pick<SimulatedCycleSpec, "crossRaters" | "peers">): void {
  const generatedAt = performance.now();
  const { ratings } = simulateManagerCycle({
    managers: Math.ceil(PEOPLE / REPORTS_PER_MANAGER),
    reportsPerManager: REPORTS_PER_MANAGER,
    competencies: 15,
    offsetSd: 0.5,
    noiseSd: 0.7,
    isRounded: true,
    seed: 2026,
    ...layout,
  });
  const { indexed } = indexRatings(ratings);
  console.log(
    `\n${label}: ${ratings.length.toLocaleString("en")} ratings by ${indexed.raterCount.toLocaleString("en")} raters, ` +
      `generated in ${((performance.now() - generatedAt) / 1000).toFixed(1)} s`,
  );
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
  console.log(`fit (ids → indices → conjugate gradients → effects): ${fit.toFixed(0)} ms (median of ${RUNS})`);
  console.log(`  of which the solve over typed arrays: ${median(solveMs).toFixed(0)} ms, ${iterations} iterations`);
  console.log(`baseline (plain per-rater mean, one pass): ${baseline.toFixed(0)} ms`);
  console.log(
    `fit ÷ baseline: ${(fit / baseline).toFixed(1)}×; goal < ${GOAL_MS} ms: ${fit < GOAL_MS ? "met" : "MISSED"}`,
  );
  if (fit >= GOAL_MS) process.exitCode = 1;
}

benchLayout("each report also rated by 4 other managers", { crossRaters: { min: 4, max: 4 } });
benchLayout(`each report also rated by 4 peers out of ${PEOPLE.toLocaleString("en")}`, {
  crossRaters: { min: 0, max: 0 },
  peers: { pool: PEOPLE, perSubject: 4 },
});
