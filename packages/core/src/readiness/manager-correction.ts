import type { Scale } from "../framework/framework.ts";
import type { SubmittedRating } from "./readiness.ts";

/** The settings key under which the offsets of the last released cycle are kept. */
export const MANAGER_OFFSETS_KEY = "manager-offsets";

/**
 * The managers' leniency as estimated in a released review cycle (docs/decisions/0006): each offset is
 * how far above (positive) or below the organisation's common ground that manager rates. Only offsets
 * the model could identify are kept; a manager without one is left as rated.
 */
export interface ManagerOffsets {
  cycleId: string;
  cycleName: string;
  fittedAt: string;
  offsets: Record<string, number>;
}

/** What a readiness explanation says about the correction: which cycle's estimates, and how many ratings moved. */
export interface ManagerCorrectionNote {
  cycleId: string;
  cycleName: string;
  correctedRatings: number;
}

/**
 * Manager ratings with their rater's offset taken off, kept inside the scale. Self, peer and upward
 * ratings are never changed here: peer and upward offsets stay inside the model (DESIGN §5).
 */
export function correctManagerRatings(
  ratings: readonly SubmittedRating[],
  correction: ManagerOffsets,
  scale: Pick<Scale, "min" | "max">,
): { ratings: SubmittedRating[]; note: ManagerCorrectionNote } {
  let correctedRatings = 0;
  const corrected = ratings.map((rating) => {
    const offset = rating.relation === "manager" ? correction.offsets[rating.raterId] : undefined;
    if (offset === undefined || offset === 0) return rating;
    correctedRatings++;
    return { ...rating, score: Math.min(scale.max, Math.max(scale.min, rating.score - offset)) };
  });
  return {
    ratings: corrected,
    note: { cycleId: correction.cycleId, cycleName: correction.cycleName, correctedRatings },
  };
}
