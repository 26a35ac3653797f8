import type { Framework } from "../framework/framework.ts";

export type Relation = "self" | "manager" | "peer" | "upward";
export const RELATIONS: readonly Relation[] = ["self", "manager", "peer", "upward"];

export interface ReadinessSettings {
  /** How much each relation's mean counts in the observed value. Renormalised over the groups present. */
  weights: Record<Relation, number>;
  /** Anonymity threshold: peer and upward groups count (and show) only with at least k raters. */
  k: number;
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
  submittedAt: Date;
}

export interface EvidenceRef {
  id: string;
  title: string;
  date: string;
}

export type GroupSummary = { mean: number; count: number } | { hidden: true; reason: string; count?: never };

export type CompetencyStatus = "meets" | "near" | "below" | "unknown";
export type ReadinessFlag = "self-perception-gap" | "rater-disagreement";

export interface CompetencyReadiness {
  competencyId: string;
  expected: number;
  weight: number;
  observed: number | null;
  groups: Record<Relation, GroupSummary | null>;
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
  /** Competencies short of the target, largest weighted gap first. */
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
