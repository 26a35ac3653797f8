import type { Assessment, FeedbackRequest, Rating } from "./assessment.ts";
import type { SubmittedRating } from "../readiness/readiness.ts";

export type NewAssessment = Omit<
  Assessment,
  "id" | "createdAt" | "updatedAt" | "status" | "submittedAt" | "migratedFrom"
>;

/** What a framework migration writes for one submitted assessment (see migrate-assessments.ts). */
export interface CarriedAssessment {
  frameworkVersion: number;
  levelId: string;
  ratings: Rating[];
  /** The record of the original, stored in `migrated_from`. */
  migratedFrom: unknown;
}

export interface AssessmentRepository {
  create(assessment: NewAssessment): Promise<Assessment>;
  findById(id: string): Promise<Assessment | null>;
  findDraft(
    subjectId: string,
    raterId: string,
    relation: Assessment["relation"],
    feedbackRequestId: string | null,
  ): Promise<Assessment | null>;
  /** Replaces the ratings of a draft. */
  saveRatings(id: string, ratings: Rating[]): Promise<Assessment>;
  /** Marks a draft submitted; false when it was not a draft any more (a second submit). */
  markSubmitted(id: string, at: Date): Promise<boolean>;
  /** Assessments written by a rater (their own drafts and submissions). */
  listByRater(raterId: string): Promise<Assessment[]>;
  /** Self and manager assessments about a subject. Peer and upward ones never leave the repository this way. */
  listAttributedAbout(subjectId: string): Promise<Assessment[]>;
  /**
   * Submitted ratings about the subjects that readiness may count: self and manager ones, and peer and
   * upward ones only from requests that are closed (released) at `now`. For peer and upward ratings the
   * rater id is replaced by an opaque key and the time by the request's release time, so neither a
   * caller nor a timeline can tie a score to a person or single out one answer.
   */
  countableRatings(subjectIds: string[], now: Date): Promise<Map<string, SubmittedRating[]>>;
  /**
   * Moves the submitted assessments of a framework recorded on versions `from` ≤ v < `to` onto a newer
   * version: `carry` (the rule, in core) gives each one's new version, level, ratings and record of the
   * original, or null to leave it as it is. Works in batches, each in its own transaction, and rewrites an
   * assessment only while it still has the version it was read with, so running it again after a failure
   * finishes the job. Returns the assessments it changed.
   */
  carrySubmittedForward(
    frameworkId: string,
    versions: { from: number; to: number },
    carry: (assessment: Assessment) => CarriedAssessment | null,
  ): Promise<{ id: string; subjectId: string }[]>;
}

export interface FeedbackRequestRepository {
  create(
    request: Omit<FeedbackRequest, "id" | "createdAt" | "closedAt" | "raters">,
    raterIds: string[],
  ): Promise<FeedbackRequest>;
  findById(id: string): Promise<FeedbackRequest | null>;
  listForSubject(subjectId: string): Promise<FeedbackRequest[]>;
  /** Open requests that name this rater and that they have not answered yet. */
  listOpenForRater(raterId: string, now: Date): Promise<FeedbackRequest[]>;
  /** The people this rater is asked about in open requests, each with the earliest due date. */
  openRequestsForRater(raterId: string, now: Date): Promise<Map<string, Date>>;
  /** For each person with open requests about them, the earliest due date: when results may be released. */
  nextDueDates(subjectIds: string[], now: Date): Promise<Map<string, Date>>;
  markAnswered(requestId: string, raterId: string, at: Date): Promise<void>;
  /** Names more raters on a request; raters already named stay as they are. */
  addRaters(requestId: string, raterIds: string[]): Promise<void>;
  /** Closes (releases) a request, recording the k in force; null when it is not known. */
  close(requestId: string, at: Date, releaseK: number | null): Promise<void>;
  /**
   * Records k on every request released by `now` that has none yet (one that fell due with no write),
   * before k changes: a release keeps the k it was made under. Returns how many it recorded.
   */
  recordReleaseThreshold(k: number, now: Date): Promise<number>;
}
