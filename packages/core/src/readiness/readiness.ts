import type { Framework } from "../framework/framework.ts";

export type Relation = "self" | "manager" | "peer" | "upward";
export const RELATIONS: readonly Relation[] = ["self", "manager", "peer", "upward"];

export interface ReadinessSettings {
  /** How much each relation's mean counts in the observed value. Renormalised over the groups present. */
  weights: Record<Relation, number>;
  /** Anonymity threshold: peer and upward groups count (and show) only with at least k raters. */
  k: number;
  /**
   * Manager ratings count with their manager's leniency or severity taken off, as estimated in the
   * last released review cycle (issue 15). Off unless an admin turns it on.
   */
  correctManagerLeniency?: boolean;
}

export const DEFAULT_READINESS_SETTINGS: ReadinessSettings = {
  weights: { manager: 3, peer: 2, upward: 2, self: 1 },
  k: 3,
};

/** k may be configured, but never below 2: one peer's score would be that peer's answer. */
export const MIN_ANONYMITY_THRESHOLD = 2;

/** One submitted rating, flattened from its assessment. */
export interface SubmittedRating {
  assessmentId: string;
  raterId: string;
  relation: Relation;
  competencyId: string;
  score: number;
  /** For peer and upward ratings: their release time (a request closing or falling due), never the answer's. */
  submittedAt: Date;
  /**
   * For peer and upward ratings: the k in force when their release happened, when it was recorded
   * (a later change of k records it). A release counts only with max(this, k now) raters.
   */
  releaseK?: number | null;
  /** For peer and upward ratings: the written comment, shown only inside a release of at least k raters. */
  comment?: string;
}

export interface EvidenceRef {
  id: string;
  title: string;
  date: string;
}

export type GroupSummary = { mean: number; count: number } | { hidden: true; reason: string; count?: never };

/**
 * The written peer or upward comments of the release a group shows, in an order that depends on
 * their text alone; or why none are shown.
 */
export type CommentSummary = { texts: string[] } | { hidden: true; reason: string };

export type AnonymousRelation = "peer" | "upward";

export type CompetencyStatus = "meets" | "near" | "below" | "unknown";
/** `unverified`: the only rating is the person's own (no manager rating, no released aggregate). */
export type ReadinessFlag = "self-perception-gap" | "rater-disagreement" | "unverified";

export interface CompetencyReadiness {
  competencyId: string;
  expected: number;
  weight: number;
  observed: number | null;
  groups: Record<Relation, GroupSummary | null>;
  /** Released peer and upward comments, under the same rule as the groups; null when nobody in that relation rated. */
  comments: Record<AnonymousRelation, CommentSummary | null>;
  /** A manager rating or a released peer or upward aggregate backs the observed value. */
  isCorroborated: boolean;
  gap: number | null;
  status: CompetencyStatus;
  flags: ReadinessFlag[];
  evidence: EvidenceRef[];
}

export type Verdict = "ready" | "almost" | "not-yet";

export interface Readiness {
  targetLevelId: string;
  competencies: CompetencyReadiness[];
  score: number;
  verdict: Verdict;
  /** Competencies short of the target or unverified, largest weighted gap first. */
  blockers: string[];
}

export interface ReadinessInput {
  framework: Framework;
  targetLevelId: string;
  /** Submitted, released ratings of the person; the rule keeps the latest per rater inside the window. */
  ratings: SubmittedRating[];
  window: { from: Date; to: Date };
  settings?: ReadinessSettings;
  evidence?: Record<string, EvidenceRef[]>;
}
