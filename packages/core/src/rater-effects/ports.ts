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
  /** The feedback request a peer or upward answer was given through: its release is one aggregate. */
  requestId?: string;
  /** The k in force when that request was released; null when k has not changed since (DESIGN §4). */
  releaseK?: number | null;
}

export interface RaterEffectsRepository {
  /** Whether a review cycle with this id exists. */
  cycleExists(cycleId: string): Promise<boolean>;
  /**
   * The scores of the latest submitted manager, peer and upward assessment per subject, rater and
   * relation whose assessment belongs to the cycle (self-assessments are not ratings of someone else);
   * peer and upward answers given through a feedback request only once it is released, latest per rater
   * within that request.
   */
  cycleRatings(cycleId: string): Promise<CycleRating[]>;
}
