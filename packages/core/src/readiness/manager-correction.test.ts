import { describe, expect, it } from "vitest";
import { correctManagerRatings, type ManagerOffsets } from "./manager-correction.ts";
import type { SubmittedRating } from "./readiness.ts";

const at = new Date("2026-03-10T09:00:00Z");
const rating = (raterId: string, relation: SubmittedRating["relation"], score: number): SubmittedRating => ({
  assessmentId: `${raterId}-${relation}`,
  raterId,
  relation,
  competencyId: "communication",
  score,
  submittedAt: at,
});
const correction: ManagerOffsets = {
  cycleId: "c1",
  cycleName: "Spring review",
  fittedAt: at.toISOString(),
  offsets: { lenient: 0.8, severe: -0.6 },
};

describe("correctManagerRatings", () => {
  it("takes each manager's offset off their ratings, inside the scale, and counts the ratings it moved", () => {
    const { ratings, note } = correctManagerRatings(
      [rating("lenient", "manager", 3), rating("severe", "manager", 2), rating("lenient", "manager", 1.5)],
      correction,
      { min: 1, max: 4 },
    );
    expect(ratings.map((r) => r.score)).toEqual([2.2, 2.6, 1]);
    expect(note).toEqual({ cycleId: "c1", cycleName: "Spring review", correctedRatings: 3 });
  });

  it("leaves self, peer and upward ratings, and managers without an offset, as they were", () => {
    const given = [
      rating("lenient", "self", 3),
      rating("lenient", "peer", 3),
      rating("severe", "upward", 2),
      rating("unknown", "manager", 2),
    ];
    const { ratings, note } = correctManagerRatings(given, correction, { min: 1, max: 4 });
    expect(ratings).toEqual(given);
    expect(note.correctedRatings).toBe(0);
  });
});
