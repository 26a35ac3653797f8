import type { SubmittedRating } from "../readiness/readiness.ts";
import type { CalibrationAdjustment } from "./calibration.ts";

/** The calibrated value of each adjusted competency, by "subject:competency"; the latest adjustment wins. */
export function latestRatingAdjustments(adjustments: CalibrationAdjustment[]): Map<string, number> {
  const latest = new Map<string, number>();
  for (const a of adjustments) {
    if (a.kind === "rating" && typeof a.to === "number") latest.set(`${a.subjectId}:${a.competencyId}`, a.to);
  }
  return latest;
}

/**
 * The ratings readiness counts, with the manager's rating of each adjusted competency replaced by its
 * calibrated value (or added, dated at the adjustment, where the manager had not rated it).
 */
export function withCalibratedRatings(
  ratings: SubmittedRating[],
  managerRaterId: string | null,
  calibrated: Map<string, number>,
  mine: CalibrationAdjustment[],
): SubmittedRating[] {
  const subjectId = mine[0]?.subjectId;
  if (mine.length === 0 || !managerRaterId) return ratings;
  const result = ratings.map((r) => {
    const value = calibrated.get(`${subjectId}:${r.competencyId}`);
    return value !== undefined && r.relation === "manager" && r.raterId === managerRaterId ? { ...r, score: value } : r;
  });
  for (const a of mine) {
    const value = calibrated.get(`${subjectId}:${a.competencyId}`);
    const isCounted = result.some(
      (r) => r.relation === "manager" && r.raterId === managerRaterId && r.competencyId === a.competencyId,
    );
    if (value !== undefined && a.competencyId && !isCounted) {
      result.push({
        assessmentId: `calibration:${a.id}`,
        raterId: managerRaterId,
        relation: "manager",
        competencyId: a.competencyId,
        score: value,
        submittedAt: a.at,
      });
    }
  }
  return result;
}

/** A subject's rating adjustments from the closed calibration of the last released cycle that calibrated them. */
export interface ReleasedCalibration {
  /** The subject's manager in that cycle: whose ratings the calibrated values replace. */
  managerId: string | null;
  adjustments: CalibrationAdjustment[];
}

/** Once a cycle is released, its calibrated values count in readiness in place of the manager's own (issue 15). */
export function withReleasedCalibration(ratings: SubmittedRating[], released: ReleasedCalibration): SubmittedRating[] {
  return withCalibratedRatings(
    ratings,
    released.managerId,
    latestRatingAdjustments(released.adjustments),
    released.adjustments,
  );
}
