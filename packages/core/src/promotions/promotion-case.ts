import type { CompetencyStatus, GroupSummary, Relation, Verdict } from "../readiness/readiness.ts";

export type CaseStatus = "draft" | "submitted" | "in-review" | "decided";
export const OPEN_STATUSES: readonly CaseStatus[] = ["draft", "submitted", "in-review"];
export type Outcome = "approved" | "deferred" | "declined";
export type Vote = "approve" | "defer" | "decline";

/** The manager's written case: one section per competency that applies at the target level. */
export interface CaseSection {
  competencyId: string;
  text: string;
}

export interface PromotionCase {
  id: string;
  personId: string;
  fromLevelId: string | null;
  toLevelId: string;
  nominatedBy: string | null;
  cycleId: string | null;
  status: CaseStatus;
  managerCase: CaseSection[];
  packet: PromotionPacket | null;
  committeeId: string | null;
  submittedAt: Date | null;
  outcome: Outcome | null;
  rationale: string | null;
  /** YYYY-MM-DD: the day the new level takes effect. */
  effectiveDate: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  appliedAt: Date | null;
  createdAt: Date;
}

export type NewPromotionCase = Pick<
  PromotionCase,
  "personId" | "fromLevelId" | "toLevelId" | "nominatedBy" | "cycleId" | "managerCase" | "createdAt"
>;

export interface Committee {
  id: string;
  name: string;
  /** The band of target level ranks it decides, when it is set up by level. */
  minRank: number | null;
  maxRank: number | null;
  /** The team (department) it decides, when it is set up by department. */
  team: string | null;
  chairId: string;
  memberIds: string[];
}

export interface CaseVote {
  memberId: string;
  vote: Vote;
  reason: string;
  at: Date;
}

export interface CaseConflict {
  memberId: string;
  note: string;
  at: Date;
}

export interface CaseComment {
  id: string;
  authorId: string | null;
  body: string;
  at: Date;
}

/** One competency of the packet: the readiness numbers at submission, with released aggregates only. */
export interface PacketCompetency {
  competencyId: string;
  name: string;
  expected: number;
  weight: number;
  observed: number | null;
  status: CompetencyStatus;
  isCorroborated: boolean;
  gap: number | null;
  groups: Record<Relation, GroupSummary | null>;
  evidence: { id: string; title: string; date: string }[];
  managerCase: string;
}

/** Everything a committee reads, assembled at submission and never changed afterwards. */
export interface PromotionPacket {
  assembledAt: string;
  candidate: { id: string; name: string; title: string; team: string };
  fromLevel: { id: string; name: string } | null;
  toLevel: { id: string; name: string };
  frameworkVersion: number;
  readiness: { score: number; verdict: Verdict; blockers: string[]; k: number };
  competencies: PacketCompetency[];
  achievedGoals: { title: string; competencyId: string; achievedAt: string | null }[];
  /** The proactive steps of the person's career plan, only when they share the plan with their manager. */
  planSteps: { text: string; due: string | null; isDone: boolean }[];
  /** Calibration adjustments of the candidate's ratings with their reasons, when a calibration made any. */
  calibrationNotes: { at: string; change: string; reason: string }[];
}
