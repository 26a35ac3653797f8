import { describe, expect, it } from "vitest";
import type { Viewer } from "../access/viewer.ts";
import { AppError } from "../errors/app-error.ts";
import type { CycleRating } from "./ports.ts";
import { RaterEffectsService, ratingsToFit } from "./rater-effects-service.ts";

const admin: Viewer = { personId: "admin", name: "Ada", isAdmin: true, via: "session" };
const manager: Viewer = { personId: "lenient", name: "Lee", isAdmin: false, via: "session" };
const CYCLE = "cycle-1";

/** Two managers, four reports each, rated on three competencies by their manager and by `peers` peers. */
function cycleRatings(peers: number): CycleRating[] {
  const rows: CycleRating[] = [];
  const managers = [
    { raterId: "lenient", offset: 1 },
    { raterId: "severe", offset: -0.5 },
  ];
  managers.forEach(({ raterId, offset }, m) => {
    for (let s = 0; s < 4; s++) {
      const subjectId = `report-${m}-${s}`;
      for (let c = 0; c < 3; c++) {
        const level = 2 + ((s + c) % 3);
        rows.push({ raterId, relation: "manager", subjectId, competencyId: `c${c}`, score: level + offset });
        for (let p = 0; p < peers; p++) {
          const score = level + (p % 2 ? 0.25 : -0.25);
          rows.push({ raterId: `peer-${p}`, relation: "peer", subjectId, competencyId: `c${c}`, score });
        }
      }
    }
  });
  return rows;
}

function service(rows: CycleRating[], k = 3) {
  return new RaterEffectsService({
    ratings: {
      cycleExists: async (id) => id === CYCLE,
      cycleRatings: async (id) => (id === CYCLE ? rows : []),
    },
    anonymityThreshold: async () => k,
  });
}

describe("RaterEffectsService.raterEffectsForCycle", () => {
  it("gives admins each manager's offset, the lenient one above the severe one, and no peer at all", async () => {
    const { raters } = await service(cycleRatings(3)).raterEffectsForCycle(admin, CYCLE);
    expect(raters.map((r) => r.raterId)).toEqual(["lenient", "severe"]);
    const [lenient, severe] = raters;
    expect(lenient).toMatchObject({ identifiable: true, ratings: 12 });
    expect(severe).toMatchObject({ identifiable: true, ratings: 12 });
    // The true gap is 1.5 points; shrinkage (λ = 5 against 12 ratings) keeps the estimate below it.
    expect((lenient?.offset as number) - (severe?.offset as number)).toBeGreaterThan(0.9);
    expect((lenient?.offset as number) - (severe?.offset as number)).toBeLessThan(1.5);
    expect(JSON.stringify(raters)).not.toMatch(/peer/);
  });

  it("leaves peer answers out where a subject has fewer than k peers, so nothing ties the managers together", async () => {
    const { raters } = await service(cycleRatings(2)).raterEffectsForCycle(admin, CYCLE);
    expect(raters).toHaveLength(2);
    expect(raters.every((r) => !r.identifiable && r.offset === 0)).toBe(true);
    const withLowerK = await service(cycleRatings(2), 2).raterEffectsForCycle(admin, CYCLE);
    expect(withLowerK.raters.every((r) => r.identifiable)).toBe(true);
  });

  it("refuses anyone but an admin, before reading anything", async () => {
    let reads = 0;
    const guarded = new RaterEffectsService({
      ratings: {
        cycleExists: async () => ((reads += 1), true),
        cycleRatings: async () => ((reads += 1), []),
      },
      anonymityThreshold: async () => 3,
    });
    await expect(guarded.raterEffectsForCycle(manager, CYCLE)).rejects.toMatchObject({ code: "forbidden" });
    expect(reads).toBe(0);
  });

  it("says which cycle it could not find", async () => {
    const refusal = service([]).raterEffectsForCycle(admin, "cycle-2");
    await expect(refusal).rejects.toBeInstanceOf(AppError);
    await expect(refusal).rejects.toMatchObject({ code: "not_found", message: 'No review cycle with id "cycle-2"' });
  });

  it("returns no raters for a cycle with no ratings", async () => {
    expect(await service([]).raterEffectsForCycle(admin, CYCLE)).toEqual({ raters: [] });
  });
});

describe("ratingsToFit", () => {
  it("keeps a manager's own ratings, and a relation's answers only as one mean per subject and competency", () => {
    const rows: CycleRating[] = [
      { raterId: "x", relation: "manager", subjectId: "s1", competencyId: "c", score: 4 },
      { raterId: "x", relation: "peer", subjectId: "s2", competencyId: "c", score: 2 },
      { raterId: "y", relation: "peer", subjectId: "s2", competencyId: "c", score: 5 },
      { raterId: "y", relation: "peer", subjectId: "s2", competencyId: "d", score: 1 },
    ];
    expect(ratingsToFit(rows, 2)).toEqual([
      { raterId: "manager:x", subjectId: "s1", competencyId: "c", score: 4 },
      // The mean of two answers weighs as two ratings; competency d has one answer only, below k: left out.
      { raterId: "peer:aggregate", subjectId: "s2", competencyId: "c", score: 3.5 },
      { raterId: "peer:aggregate", subjectId: "s2", competencyId: "c", score: 3.5 },
    ]);
  });

  it("never mixes two releases, and judges each by the larger of its own k and the k now", () => {
    const answer = (raterId: string, requestId: string, score: number, releaseK: number | null): CycleRating => ({
      raterId,
      relation: "peer",
      subjectId: "s",
      competencyId: "c",
      score,
      requestId,
      releaseK,
    });
    const rows = [
      answer("a", "r1", 1, 3),
      answer("b", "r1", 3, 3),
      answer("a", "r2", 5, null),
      answer("b", "r2", 5, null),
    ];
    // k is 2 now: r1 was released when k was 3, so its two answers stay out; r2 counts on its own.
    expect(ratingsToFit(rows, 2).map((r) => r.score)).toEqual([5, 5]);
  });

  it("gives the same offsets when two peers swap their answers, since only the means count", async () => {
    const rows = cycleRatings(3);
    const swapped = rows.map((row) =>
      row.relation === "peer" && row.subjectId === "report-0-0" && row.competencyId === "c0"
        ? {
            ...row,
            score: row.raterId === "peer-0" ? row.score + 0.5 : row.raterId === "peer-1" ? row.score - 0.5 : row.score,
          }
        : row,
    );
    const before = await service(rows).raterEffectsForCycle(admin, CYCLE);
    const after = await service(swapped).raterEffectsForCycle(admin, CYCLE);
    expect(after).toEqual(before);
  });
});
