import { describe, expect, it } from "vitest";
import { fitRaterEffects, type RaterEffect, type RaterRating } from "./fit-rater-effects.ts";
import { normalFrom, seededRandom, simulateManagerCycle } from "./rater-effects.fixtures.ts";

function pearson(xs: number[], ys: number[]): number {
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    const y = ys[i] as number;
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

function byRater(effects: RaterEffect[]): Map<string, RaterEffect> {
  return new Map(effects.map((e) => [e.raterId, e]));
}

/** The textbook alternating least squares, with Maps and no shortcuts: the reference the fit must match. */
function alternatingLeastSquares(ratings: RaterRating[], lambda: number): Map<string, number> {
  const cellOf = (r: RaterRating) => `${r.subjectId}|${r.competencyId}`;
  const offsets = new Map(ratings.map((r) => [r.raterId, 0]));
  const cells = new Map<string, number>();
  for (let change = Infinity; change > 1e-13;) {
    const sums = new Map<string, { sum: number; n: number }>();
    for (const r of ratings) {
      const cell = sums.get(cellOf(r)) ?? { sum: 0, n: 0 };
      cell.sum += r.score - (offsets.get(r.raterId) as number);
      cell.n += 1;
      sums.set(cellOf(r), cell);
    }
    for (const [key, { sum, n }] of sums) cells.set(key, sum / n);
    const residuals = new Map<string, { sum: number; n: number }>();
    for (const r of ratings) {
      const rater = residuals.get(r.raterId) ?? { sum: 0, n: 0 };
      rater.sum += r.score - (cells.get(cellOf(r)) as number);
      rater.n += 1;
      residuals.set(r.raterId, rater);
    }
    change = 0;
    for (const [id, { sum, n }] of residuals) {
      change = Math.max(change, Math.abs(sum / (n + lambda) - (offsets.get(id) as number)));
      offsets.set(id, sum / (n + lambda));
    }
  }
  const counts = new Map<string, number>();
  for (const r of ratings) counts.set(r.raterId, (counts.get(r.raterId) ?? 0) + 1);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const shift = [...offsets].reduce((s, [id, b]) => s + b * (counts.get(id) as number), 0) / total;
  return new Map([...offsets].map(([id, b]) => [id, b - shift]));
}

describe("fitRaterEffects", () => {
  it("recovers known manager offsets from a simulated review round (accuracy test)", () => {
    const cycle = simulateManagerCycle({
      managers: 30,
      reportsPerManager: 8,
      competencies: 15,
      crossRaters: { min: 1, max: 2 },
      offsetSd: 0.5,
      noiseSd: 0.7,
      isRounded: true,
      seed: 15,
    });
    const effects = fitRaterEffects(cycle.ratings);
    expect(effects).toHaveLength(30);
    expect(effects.every((e) => e.identifiable)).toBe(true);

    // Offsets are only defined up to a common shift; compare with the truth centred the same way
    // (on the average rating).
    const counts = new Map(effects.map((e) => [e.raterId, e.ratings]));
    const total = effects.reduce((s, e) => s + e.ratings, 0);
    const truthShift = [...cycle.trueOffsets].reduce((s, [id, b]) => s + b * (counts.get(id) as number), 0) / total;
    const truth = effects.map((e) => (cycle.trueOffsets.get(e.raterId) as number) - truthShift);
    const estimated = effects.map((e) => e.offset);
    const correlation = pearson(estimated, truth);
    const meanAbsoluteError = estimated.reduce((s, b, i) => s + Math.abs(b - (truth[i] as number)), 0) / effects.length;
    const withinTwoErrors = effects.filter((e, i) => Math.abs(e.offset - (truth[i] as number)) <= 2 * e.standardError);
    console.info(
      `rater effects accuracy: r = ${correlation.toFixed(3)}, mean absolute error = ${meanAbsoluteError.toFixed(3)} ` +
        `scale points, ${withinTwoErrors.length}/${effects.length} within two standard errors`,
    );
    expect(correlation).toBeGreaterThanOrEqual(0.9);
    // The true offsets spread 0.5 points; guessing 0 for everyone would be about 0.4 off on average.
    expect(meanAbsoluteError).toBeLessThan(0.15);
    expect(withinTwoErrors.length).toBeGreaterThanOrEqual(24);
  });

  it("finds the same minimum as plain alternating least squares", () => {
    const cycle = simulateManagerCycle({
      managers: 6,
      reportsPerManager: 3,
      competencies: 4,
      crossRaters: { min: 0, max: 2 },
      offsetSd: 0.8,
      noiseSd: 0.5,
      seed: 7,
    });
    const reference = alternatingLeastSquares(cycle.ratings, 5);
    const effects = fitRaterEffects(cycle.ratings, { lambda: 5 });
    expect(effects.every((e) => e.identifiable)).toBe(true);
    for (const effect of effects) expect(effect.offset).toBeCloseTo(reference.get(effect.raterId) as number, 6);
  });

  it("splits a constant difference between two raters, shrunk by λ", () => {
    const ratings: RaterRating[] = [];
    for (let s = 0; s < 10; s++) {
      ratings.push({ raterId: "kind", subjectId: `s${s}`, competencyId: "c", score: 4 + (s % 3) * 0.1 });
      ratings.push({ raterId: "strict", subjectId: `s${s}`, competencyId: "c", score: 3 + (s % 3) * 0.1 });
    }
    // Reduced normal equations: (10 + λ − 5) b_kind − 5 b_strict = 5, symmetric, so b = ±5 / (10 + λ).
    for (const lambda of [5, 0.001]) {
      const effects = byRater(fitRaterEffects(ratings, { lambda }));
      expect(effects.get("kind")?.offset).toBeCloseTo(5 / (10 + lambda), 9);
      expect(effects.get("strict")?.offset).toBeCloseTo(-5 / (10 + lambda), 9);
    }
  });

  it("does not identify a rater who shares no subject and competency with anyone", () => {
    const cycle = simulateManagerCycle({
      managers: 4,
      reportsPerManager: 2,
      competencies: 3,
      crossRaters: { min: 1, max: 1 },
      offsetSd: 0.5,
      noiseSd: 0.5,
      seed: 3,
    });
    const loner = ["a", "b", "c"].map((competencyId) => ({
      raterId: "loner",
      subjectId: "nobody-else-rates-me",
      competencyId,
      score: 5,
    }));
    const effects = byRater(fitRaterEffects([...cycle.ratings, ...loner]));
    const lonerEffect = effects.get("loner");
    expect(lonerEffect).toMatchObject({ identifiable: false, offset: 0, ratings: 3 });
    expect(effects.get("manager-0")?.identifiable).toBe(true);
    // With nothing to compare it against, the loner's uncertainty is the prior's: wider than anyone's.
    const widest = Math.max(...[...effects.values()].filter((e) => e.identifiable).map((e) => e.standardError));
    expect(lonerEffect?.standardError).toBeGreaterThan(widest);
  });

  it("calls a pair of raters who only rate each other's cells identifiable, apart from the rest", () => {
    const ratings: RaterRating[] = [
      { raterId: "x", subjectId: "p", competencyId: "c", score: 4 },
      { raterId: "y", subjectId: "p", competencyId: "c", score: 2 },
      { raterId: "z", subjectId: "q", competencyId: "c", score: 3 },
    ];
    const effects = byRater(fitRaterEffects(ratings));
    expect(effects.get("x")?.identifiable).toBe(true);
    expect(effects.get("y")?.identifiable).toBe(true);
    expect(effects.get("z")?.identifiable).toBe(false);
    expect((effects.get("x")?.offset as number) + (effects.get("y")?.offset as number)).toBeCloseTo(0, 12);
    expect(effects.get("x")?.offset).toBeGreaterThan(0);
  });

  it("pulls a rater with one rating toward 0", () => {
    const normal = normalFrom(seededRandom(11));
    const ratings: RaterRating[] = [];
    for (let s = 0; s < 20; s++) {
      for (let c = 0; c < 5; c++) {
        for (const raterId of ["r1", "r2", "r3"]) {
          ratings.push({ raterId, subjectId: `s${s}`, competencyId: `c${c}`, score: 3 + 0.3 * normal() });
        }
      }
    }
    // One rating two points above everyone else's in the same cell.
    const cellMean =
      ratings.filter((r) => r.subjectId === "s0" && r.competencyId === "c0").reduce((s, r) => s + r.score, 0) / 3;
    ratings.push({ raterId: "once", subjectId: "s0", competencyId: "c0", score: cellMean + 2 });
    const shrunk = byRater(fitRaterEffects(ratings)).get("once") as RaterEffect;
    const barelyShrunk = byRater(fitRaterEffects(ratings, { lambda: 1e-6 })).get("once") as RaterEffect;
    expect(shrunk).toMatchObject({ identifiable: true, ratings: 1 });
    // Unpenalised, the whole 2 points (less what the cell mean absorbs) would be the offset.
    expect(barelyShrunk.offset).toBeGreaterThan(1.4);
    expect(shrunk.offset).toBeGreaterThan(0);
    expect(shrunk.offset).toBeLessThan(0.4);
    expect(shrunk.standardError).toBeGreaterThan(
      (byRater(fitRaterEffects(ratings)).get("r1") as RaterEffect).standardError,
    );
  });

  it("returns nothing for no ratings", () => {
    expect(fitRaterEffects([])).toEqual([]);
  });

  it("refuses a penalty that leaves the offsets undetermined, and a score that is not a number", () => {
    const rating = { raterId: "r", subjectId: "s", competencyId: "c", score: 3 };
    expect(() => fitRaterEffects([rating], { lambda: 0 })).toThrow(/lambda/);
    expect(() => fitRaterEffects([], { lambda: -1 })).toThrow(/lambda/);
    expect(() => fitRaterEffects([{ ...rating, score: Number.NaN }])).toThrow(/finite score/);
  });
});
