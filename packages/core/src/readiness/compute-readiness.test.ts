import { describe, expect, it } from "vitest";
import type { Framework } from "../framework/framework.ts";
import { computeReadiness, latestRatingsPerRater, readinessWindow } from "./compute-readiness.ts";
import type { Relation, SubmittedRating } from "./readiness.ts";

/** One target level: A (expected 3, weight 2), B (expected 4, weight 1), C (expected 2, weight 0). */
function buildLadder(): Framework {
  const expectation = (expected: number, weight: number) => ({ expected, weight, descriptor: "", interpolated: false });
  return {
    slug: "hand-worked",
    name: "Hand-worked",
    description: "",
    sources: [],
    scale: { min: 1, max: 5, points: [1, 2, 3, 4, 5].map((value) => ({ value, label: `${value}`, description: "" })) },
    levels: [
      { id: "junior", rank: 1, name: "Junior", track: "ic", aliases: [], scope: "", summary: "" },
      { id: "target", rank: 2, name: "Target", track: "ic", aliases: [], scope: "", summary: "" },
    ],
    competencies: ["A", "B", "C"].map((id) => ({ id, name: id, area: "", description: "" })),
    expectations: {
      junior: { A: expectation(2, 1), B: expectation(2, 1), C: expectation(1, 1) },
      target: { A: expectation(3, 2), B: expectation(4, 1), C: expectation(2, 0) },
    },
    playbooks: [],
  };
}

const NOW = new Date("2026-06-01T00:00:00Z");
const WINDOW = readinessWindow(NOW);
let sequence = 0;

function rating(
  relation: Relation,
  raterId: string,
  competencyId: string,
  score: number,
  daysAgo = 10,
): SubmittedRating {
  sequence += 1;
  return {
    assessmentId: `a${sequence}`,
    raterId,
    relation,
    competencyId,
    score,
    submittedAt: new Date(NOW.getTime() - daysAgo * 86_400_000),
  };
}

const compute = (ratings: SubmittedRating[], extra: Partial<Parameters<typeof computeReadiness>[0]> = {}) =>
  computeReadiness({ framework: buildLadder(), targetLevelId: "target", ratings, window: WINDOW, ...extra });

describe("computeReadiness, hand-worked", () => {
  it("combines groups with weights, flags gaps and gives the verdict (the worked example)", () => {
    const result = compute([
      rating("self", "me", "A", 4),
      rating("manager", "boss", "A", 3),
      rating("peer", "p1", "A", 3),
      rating("peer", "p2", "A", 3),
      rating("peer", "p3", "A", 4),
      rating("self", "me", "B", 5),
      rating("manager", "boss", "B", 2),
    ]);
    const [a, b] = result.competencies;
    // A: (3·3 + 2·(10/3) + 1·4) / 6 = 3.2778; gap −0.28 → meets
    expect(a?.observed).toBeCloseTo(59 / 18, 10);
    expect(a?.groups.peer).toEqual({ mean: 10 / 3, count: 3 });
    expect(a?.status).toBe("meets");
    expect(a?.flags).toEqual([]);
    // B: (3·2 + 1·5) / 4 = 2.75; gap 1.25 → below; self 5 vs others 2; spread 3
    expect(b?.observed).toBe(2.75);
    expect(b?.gap).toBe(1.25);
    expect(b?.status).toBe("below");
    expect(b?.flags).toEqual(["self-perception-gap", "rater-disagreement"]);
    // C has weight 0 and is left out. Score (2·1 + 1·0.6875) / 3
    expect(result.competencies.map((c) => c.competencyId)).toEqual(["A", "B"]);
    expect(result.score).toBeCloseTo(2.6875 / 3, 10);
    expect(result.verdict).toBe("almost");
    expect(result.blockers).toEqual(["B"]);
  });

  it("has every competency unknown, score 0 and verdict not-yet with no ratings", () => {
    const result = compute([]);
    expect(result.competencies.map((c) => c.status)).toEqual(["unknown", "unknown"]);
    expect(result.score).toBe(0);
    expect(result.verdict).toBe("not-yet");
    // Weighted gap of an unknown competency is weight × expected: A 2·3 = 6 before B 1·4 = 4.
    expect(result.blockers).toEqual(["A", "B"]);
  });

  it("never says ready on self-ratings alone: self-only at 5s is almost, every competency blocking", () => {
    const result = compute([rating("self", "me", "A", 5), rating("self", "me", "B", 5)]);
    // A: 5 against 3 (gap −2), B: 5 against 4 (gap −1): both meet, score (2·1 + 1·1) / 3 = 1.
    expect(result.competencies.map((c) => [c.observed, c.gap, c.status])).toEqual([
      [5, -2, "meets"],
      [5, -1, "meets"],
    ]);
    expect(result.score).toBe(1);
    expect(result.competencies.map((c) => c.flags)).toEqual([["unverified"], ["unverified"]]);
    expect(result.competencies.map((c) => c.isCorroborated)).toEqual([false, false]);
    expect(result.verdict).toBe("almost");
    // Weighted gaps: B 1·(−1) = −1 before A 2·(−2) = −4.
    expect(result.blockers).toEqual(["B", "A"]);
  });

  it("is ready once a manager rating corroborates every competency", () => {
    const result = compute([
      rating("self", "me", "A", 5),
      rating("self", "me", "B", 5),
      rating("manager", "boss", "A", 3),
      rating("manager", "boss", "B", 4),
    ]);
    // A: (3·3 + 1·5) / 4 = 3.5, B: (3·4 + 1·5) / 4 = 4.25; both meet, score 1.
    expect(result.competencies.map((c) => c.observed)).toEqual([3.5, 4.25]);
    expect(result.competencies.map((c) => c.isCorroborated)).toEqual([true, true]);
    // A: self 5 against others 3 (gap 2, spread 2); B: self 5 against 4 (gap 1, spread 1).
    expect(result.competencies.map((c) => c.flags)).toEqual([
      ["self-perception-gap", "rater-disagreement"],
      ["self-perception-gap"],
    ]);
    expect(result.verdict).toBe("ready");
    expect(result.blockers).toEqual([]);
  });

  it("stays almost while one competency rests on the self-rating alone", () => {
    const result = compute([
      rating("self", "me", "A", 5),
      rating("self", "me", "B", 5),
      rating("manager", "boss", "A", 3),
    ]);
    expect(result.competencies.map((c) => c.flags.includes("unverified"))).toEqual([false, true]);
    expect(result.verdict).toBe("almost");
    expect(result.blockers).toEqual(["B"]);
  });

  it("does not count k − 1 peers as corroboration; k peers do", () => {
    const selfAndTwoPeers = [
      rating("self", "me", "A", 5),
      rating("self", "me", "B", 5),
      ...["p1", "p2"].flatMap((p) => [rating("peer", p, "A", 4, 3), rating("peer", p, "B", 4, 3)]),
    ];
    const underK = compute(selfAndTwoPeers);
    expect(underK.competencies[0]?.groups.peer).toEqual({ hidden: true, reason: "fewer than 3 peer raters" });
    expect(underK.competencies.map((c) => c.flags)).toEqual([["unverified"], ["unverified"]]);
    expect(underK.verdict).toBe("almost");
    const third = [rating("peer", "p3", "A", 4, 3), rating("peer", "p3", "B", 4, 3)];
    const atK = compute([...selfAndTwoPeers, ...third]);
    // A: (2·4 + 1·5) / 3 = 13/3; B: the same; both meet and are corroborated.
    expect(atK.competencies[0]?.observed).toBeCloseTo(13 / 3, 12);
    expect(atK.competencies.every((c) => c.isCorroborated)).toBe(true);
    expect(atK.verdict).toBe("ready");
  });

  it("applies the 1e-9 tolerance to the score: 0.9499999999999998 is 0.95", () => {
    // A: 2.775 / 3 = 0.925, B: 1; (2·0.925 + 1) / 3 = 0.95 exactly, 0.9499999999999998 in floating point.
    const result = compute([rating("manager", "boss", "A", 2.775), rating("manager", "boss", "B", 4)]);
    expect(result.score).toBeLessThan(0.95);
    expect(result.competencies[0]?.status).toBe("near");
    expect(result.verdict).toBe("ready");
  });

  it("applies the 1e-9 tolerance to the self-perception gap: 4.1 − 3.1 is 1", () => {
    const result = compute([rating("self", "me", "A", 4.1), rating("manager", "boss", "A", 3.1)]);
    expect(4.1 - 3.1).toBeLessThan(1);
    expect(result.competencies[0]?.flags).toEqual(["self-perception-gap"]);
  });

  it("hides peers below k and leaves them out of the observed value", () => {
    const result = compute([
      rating("manager", "boss", "A", 3),
      rating("peer", "p1", "A", 5),
      rating("peer", "p2", "A", 5),
    ]);
    const [a] = result.competencies;
    expect(a?.groups.peer).toEqual({ hidden: true, reason: "fewer than 3 peer raters" });
    expect(a?.observed).toBe(3);
    expect(JSON.stringify(result)).not.toContain('"count":2');
  });

  it("counts the same two peers once k is 2", () => {
    const result = compute(
      [rating("manager", "boss", "A", 3), rating("peer", "p1", "A", 5), rating("peer", "p2", "A", 5)],
      {
        settings: { weights: { manager: 3, peer: 2, upward: 2, self: 1 }, k: 2 },
      },
    );
    expect(result.competencies[0]?.observed).toBe((3 * 3 + 2 * 5) / 5);
  });

  it("never mixes two peer releases: the latest release with at least k raters counts alone", () => {
    const first = [
      rating("peer", "p1", "A", 2, 60),
      rating("peer", "p2", "A", 2, 60),
      rating("peer", "p3", "A", 2, 60),
    ];
    const second = [rating("peer", "p4", "A", 5, 5), rating("peer", "p1", "A", 5, 5)];
    const result = compute([...first, ...second]);
    // The second release has 2 raters (< k): the first release (2, 2, 2) is shown alone, never 3 + 2 mixed.
    expect(result.competencies[0]?.groups.peer).toEqual({ mean: 2, count: 3 });
    const third = [rating("peer", "p5", "A", 4, 1), rating("peer", "p6", "A", 4, 1), rating("peer", "p7", "A", 4, 1)];
    expect(compute([...first, ...second, ...third]).competencies[0]?.groups.peer).toEqual({ mean: 4, count: 3 });
  });

  it("renormalises the weights over the groups present", () => {
    const result = compute([
      rating("self", "me", "A", 2),
      rating("upward", "u1", "A", 4),
      rating("upward", "u2", "A", 4),
      rating("upward", "u3", "A", 4),
    ]);
    expect(result.competencies[0]?.observed).toBeCloseTo((2 * 4 + 1 * 2) / 3, 10);
  });

  it("classifies a gap of exactly 0.5 as near", () => {
    const result = compute([rating("manager", "boss", "A", 2.5), rating("manager", "boss", "B", 4)]);
    expect(result.competencies[0]).toMatchObject({ gap: 0.5, status: "near" });
  });

  it("uses a weight-0 competency nowhere, even when rated", () => {
    const result = compute([rating("manager", "boss", "C", 1)]);
    expect(result.competencies.find((c) => c.competencyId === "C")).toBeUndefined();
  });

  it("computes readiness for a target below the person's level with that level's expectations", () => {
    const result = compute(
      [rating("manager", "boss", "A", 2), rating("manager", "boss", "B", 2), rating("manager", "boss", "C", 1)],
      {
        targetLevelId: "junior",
      },
    );
    expect(result.competencies.map((c) => [c.competencyId, c.expected, c.status])).toEqual([
      ["A", 2, "meets"],
      ["B", 2, "meets"],
      ["C", 1, "meets"],
    ]);
    expect(result.verdict).toBe("ready");
  });

  it("keeps only the latest rating of a rater: a superseding assessment replaces the old one", () => {
    const result = compute([rating("manager", "boss", "A", 1, 30), rating("manager", "boss", "A", 4, 5)]);
    expect(result.competencies[0]?.groups.manager).toEqual({ mean: 4, count: 1 });
  });

  it("ignores ratings outside the window", () => {
    const result = compute([rating("manager", "boss", "A", 5, 400), rating("manager", "boss", "B", 4, 10)]);
    expect(result.competencies[0]?.status).toBe("unknown");
    expect(result.competencies[1]?.status).toBe("meets");
  });

  it("gives almost only with at most two competencies near or below", () => {
    const ladder = buildLadder();
    ladder.competencies.push({ id: "D", name: "D", area: "", description: "" });
    for (const row of Object.values(ladder.expectations))
      row.D = { expected: 3, weight: 1, descriptor: "", interpolated: false };
    for (const row of Object.values(ladder.expectations))
      row.C = { expected: 3, weight: 1, descriptor: "", interpolated: false };
    const ratings = [
      rating("manager", "boss", "A", 2.6), // near
      rating("manager", "boss", "B", 3.6), // near
      rating("manager", "boss", "C", 2.6), // near
      rating("manager", "boss", "D", 3),
    ];
    const result = computeReadiness({ framework: ladder, targetLevelId: "target", ratings, window: WINDOW });
    expect(result.score).toBeGreaterThanOrEqual(0.85);
    expect(result.competencies.filter((c) => c.status === "near")).toHaveLength(3);
    expect(result.verdict).toBe("not-yet");
  });

  it("refuses k below 2 and unknown target levels", () => {
    expect(() => compute([], { settings: { weights: { manager: 3, peer: 2, upward: 2, self: 1 }, k: 1 } })).toThrow(
      /k must be/,
    );
    expect(() => compute([], { targetLevelId: "nope" })).toThrow(/no level "nope"/);
  });
});

/** PM and Senior PM: partnerships has weight 0 at PM and weight 1 at Senior PM (a stretch competency). */
function buildPmLadder(): Framework {
  const ladder = buildLadder();
  const expectation = (expected: number, weight: number) => ({ expected, weight, descriptor: "", interpolated: false });
  return {
    ...ladder,
    levels: [
      { id: "pm", rank: 1, name: "Product Manager", track: "ic", aliases: [], scope: "", summary: "" },
      { id: "senior-pm", rank: 2, name: "Senior Product Manager", track: "ic", aliases: [], scope: "", summary: "" },
    ],
    competencies: ["strategy", "partnerships"].map((id) => ({ id, name: id, area: "", description: "" })),
    expectations: {
      pm: { strategy: expectation(2, 1), partnerships: expectation(1, 0) },
      "senior-pm": { strategy: expectation(3, 2), partnerships: expectation(3, 1) },
    },
  };
}

describe("computeReadiness, PM to Senior PM", () => {
  const forSeniorPm = (ratings: SubmittedRating[]) =>
    computeReadiness({ framework: buildPmLadder(), targetLevelId: "senior-pm", ratings, window: WINDOW });

  it("is unknown on partnerships, and not yet, while only the PM's own competencies are rated", () => {
    const result = forSeniorPm([rating("self", "pm", "strategy", 4), rating("manager", "boss", "strategy", 3)]);
    expect(result.competencies.map((c) => [c.competencyId, c.status])).toEqual([
      ["strategy", "meets"],
      ["partnerships", "unknown"],
    ]);
    // (2·1 + 1·0) / 3
    expect(result.score).toBeCloseTo(2 / 3, 12);
    expect(result.verdict).toBe("not-yet");
    expect(result.blockers).toEqual(["partnerships"]);
  });

  it("reaches ready once the stretch competency is rated by the manager", () => {
    const result = forSeniorPm([
      rating("self", "pm", "strategy", 4),
      rating("manager", "boss", "strategy", 3),
      rating("self", "pm", "partnerships", 3),
      rating("manager", "boss", "partnerships", 3),
    ]);
    // strategy (3·3 + 1·4) / 4 = 3.25 against 3; partnerships 3 against 3.
    expect(result.competencies.map((c) => [c.observed, c.status, c.isCorroborated])).toEqual([
      [3.25, "meets", true],
      [3, "meets", true],
    ]);
    expect(result.score).toBe(1);
    expect(result.verdict).toBe("ready");
    expect(result.blockers).toEqual([]);
  });
});

describe("computeReadiness, releases and their k", () => {
  const peers = (names: string[], score: number, daysAgo: number, releaseK: number | null, comments: string[] = []) =>
    names.map((name, i) => ({
      ...rating("peer", name, "A", score, daysAgo),
      releaseK,
      comment: comments[i] ?? "",
    }));
  const withK = (k: number) => ({ settings: { weights: { manager: 3, peer: 2, upward: 2, self: 1 }, k } });

  it("judges a release by the larger of its k and k now: lowering k reveals nothing", () => {
    const underThree = peers(["p1", "p2"], 5, 5, 3);
    const hidden = compute([rating("manager", "boss", "A", 3), ...underThree], withK(2));
    expect(hidden.competencies[0]?.groups.peer).toEqual({
      hidden: true,
      reason: "fewer than 3 peer raters, the k in force when the answers were released",
    });
    expect(hidden.competencies[0]?.observed).toBe(3);
    // A release recorded under k = 2 counts at k = 2 ...
    const underTwo = peers(["p1", "p2"], 5, 5, 2);
    expect(compute(underTwo, withK(2)).competencies[0]?.groups.peer).toEqual({ mean: 5, count: 2 });
    // ... and raising k hides it.
    expect(compute(underTwo, withK(3)).competencies[0]?.groups.peer).toEqual({
      hidden: true,
      reason: "fewer than 3 peer raters",
    });
  });

  it("falls back to an earlier release that meets its own k", () => {
    const early = peers(["p1", "p2", "p3"], 2, 40, 3);
    const late = peers(["p4", "p5"], 5, 5, 3);
    expect(compute([...early, ...late], withK(2)).competencies[0]?.groups.peer).toEqual({ mean: 2, count: 3 });
  });

  it("shows the comments of the release shown, sorted by their text, empty ones left out", () => {
    const release = peers(["p1", "p2", "p3"], 4, 5, 3, ["zeta <b>bold</b>", "", "alpha"]);
    const result = compute(release);
    expect(result.competencies[0]?.comments).toEqual({ peer: { texts: ["alpha", "zeta <b>bold</b>"] }, upward: null });
    // The same answers given in another order read the same.
    const reversed = compute([...release].reverse());
    expect(reversed.competencies[0]?.comments).toEqual(result.competencies[0]?.comments);
  });

  it("shows no comment below k, and says why", () => {
    const result = compute(peers(["p1", "p2"], 4, 5, 3, ["only two of us", "so hidden"]));
    expect(result.competencies[0]?.comments.peer).toEqual({
      hidden: true,
      reason: "fewer than 3 peer raters: comments show only with the aggregate",
    });
    expect(JSON.stringify(result)).not.toContain("only two of us");
  });

  it("never mixes the comments of two releases", () => {
    const early = peers(["p1", "p2", "p3"], 2, 40, 3, ["old one", "old two", "old three"]);
    const late = peers(["p4", "p5", "p6"], 4, 5, 3, ["new one", "", ""]);
    expect(compute([...early, ...late]).competencies[0]?.comments.peer).toEqual({ texts: ["new one"] });
  });
});

describe("latestRatingsPerRater", () => {
  it("keeps one rating per rater and competency", () => {
    const kept = latestRatingsPerRater(
      [rating("manager", "m1", "A", 1, 20), rating("manager", "m1", "A", 2, 3), rating("self", "me", "A", 5, 3)],
      WINDOW,
    );
    expect(kept.map((r) => [r.raterId, r.score]).sort()).toEqual([
      ["m1", 2],
      ["me", 5],
    ]);
  });

  it("keeps a peer's answers from different releases apart", () => {
    const kept = latestRatingsPerRater([rating("peer", "p1", "A", 1, 20), rating("peer", "p1", "A", 2, 3)], WINDOW);
    expect(kept.map((r) => r.score).sort()).toEqual([1, 2]);
  });
});
