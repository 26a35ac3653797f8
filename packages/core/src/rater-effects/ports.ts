/**
 * One submitted score of a cycle, with who gave it in which relation. For a manager the rater id is the
 * person's; for a peer or upward rater it is an opaque key, the same for one rater across the cycle.
 */
export interface CycleRating {
  raterId: string;
  relation: "manager" | "peer" | "upward";
  subjectId: string;
  competencyId: string;
  score: number;
}

export interface RaterEffectsRepository {
  /** Whether a review cycle with this id exists. */
  cycleExists(cycleId: string): Promise<boolean>;
  /**
   * The scores of the latest submitted manager, peer and upward assessment per subject, rater and
   * relation whose assessment belongs to the cycle (self-assessments are not ratings of someone else).
   */
  cycleRatings(cycleId: string): Promise<CycleRating[]>;
}
