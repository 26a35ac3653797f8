import type {
  CaseComment,
  CaseConflict,
  CaseSection,
  CaseStatus,
  CaseVote,
  Committee,
  NewPromotionCase,
  Outcome,
  PromotionCase,
  PromotionPacket,
  Vote,
} from "./promotion-case.ts";

export interface CaseFilter {
  status?: CaseStatus;
  /** Any of these statuses. */
  statuses?: readonly CaseStatus[];
  /** Only this candidate's cases. */
  personId?: string;
  cycleId?: string;
  toLevelId?: string;
  team?: string;
  /** Only cases this person may see: theirs, ones they nominated, or ones their committee reads. */
  visibleTo?: string;
  limit: number;
}

export interface PromotionRepository {
  /** Throws a conflict when the person already has an open case (a unique index holds the rule). */
  create(input: NewPromotionCase): Promise<PromotionCase>;
  find(id: string): Promise<PromotionCase | null>;
  list(filter: CaseFilter): Promise<PromotionCase[]>;
  saveManagerCase(id: string, sections: CaseSection[]): Promise<void>;
  /** Only from draft: false when the case had moved on meanwhile. */
  submit(id: string, change: { packet: PromotionPacket; committeeId: string; at: Date }): Promise<boolean>;
  setStatus(id: string, from: CaseStatus, to: CaseStatus): Promise<boolean>;
  /** Only while open: false when it was decided meanwhile. */
  decide(
    id: string,
    decision: { outcome: Outcome; rationale: string; effectiveDate: string | null; by: string; at: Date },
  ): Promise<boolean>;
  /** Approved cases whose effective date is on or before this day and whose level change is not applied. */
  dueForLevelChange(day: string): Promise<PromotionCase[]>;
  markApplied(id: string, at: Date): Promise<boolean>;

  votes(caseId: string): Promise<CaseVote[]>;
  /** One vote per member and case; a second replaces the first. */
  castVote(caseId: string, vote: { memberId: string; vote: Vote; reason: string; at: Date }): Promise<void>;
  conflicts(caseId: string): Promise<CaseConflict[]>;
  declareConflict(caseId: string, conflict: CaseConflict): Promise<void>;
  comments(caseId: string): Promise<CaseComment[]>;
  addComment(caseId: string, comment: Omit<CaseComment, "id">): Promise<CaseComment>;

  createCommittee(committee: Omit<Committee, "id">): Promise<Committee>;
  findCommittee(id: string): Promise<Committee | null>;
  listCommittees(): Promise<Committee[]>;
}
