import type { Relation } from "../readiness/readiness.ts";

export type AssessmentStatus = "draft" | "submitted";

export interface Rating {
  competencyId: string;
  /** On the framework's scale; null while a draft leaves it unanswered. */
  score: number | null;
  evidence: string;
  confidence: number | null;
  evidenceIds: string[];
}

export interface Assessment {
  id: string;
  subjectId: string;
  raterId: string;
  relation: Relation;
  frameworkId: string;
  frameworkVersion: number;
  levelId: string;
  cycleId: string | null;
  feedbackRequestId: string | null;
  status: AssessmentStatus;
  submittedAt: Date | null;
  supersedesId: string | null;
  migratedFrom: unknown;
  createdAt: Date;
  updatedAt: Date;
  ratings: Rating[];
}

export interface FeedbackRequest {
  id: string;
  subjectId: string;
  requestedBy: string | null;
  relation: "peer" | "upward";
  message: string;
  dueAt: Date;
  closedAt: Date | null;
  cycleId: string | null;
  createdAt: Date;
  raters: { raterId: string; answeredAt: Date | null }[];
}

/** A request is closed by hand or by reaching its due date; only then are its answers released. */
export function isRequestClosed(request: Pick<FeedbackRequest, "closedAt" | "dueAt">, now: Date): boolean {
  return request.closedAt !== null || request.dueAt <= now;
}
