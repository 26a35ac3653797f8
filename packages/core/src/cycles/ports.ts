import type {
  Acknowledgement,
  CycleParticipant,
  CyclePhase,
  CycleStatus,
  Nomination,
  PhaseKind,
  PopulationCandidate,
  ReviewCycle,
} from "./cycle.ts";

export type NewCycle = Omit<ReviewCycle, "id" | "createdAt" | "closedAt" | "releasedAt" | "phases">;

export type NewNomination = Pick<Nomination, "cycleId" | "subjectId" | "nomineeId" | "relation" | "proposedBy">;

export interface NominationDecision {
  status: "approved" | "rejected";
  decidedBy: string;
  decidedAt: Date;
  nomineeId: string;
  relation: Nomination["relation"];
  feedbackRequestId: string | null;
}

/** Where a subject's self and manager assessments stand within a cycle. */
export interface AssessmentProgress {
  self: "draft" | "submitted" | null;
  manager: "draft" | "submitted" | null;
}

export interface CycleRepository {
  /** Creates the cycle, its phases and its participants in one transaction. */
  create(
    cycle: NewCycle,
    phases: CyclePhase[],
    participants: Omit<CycleParticipant, "cycleId">[],
  ): Promise<ReviewCycle>;
  findById(id: string): Promise<ReviewCycle | null>;
  /** Newest first. */
  list(): Promise<ReviewCycle[]>;
  updatePhase(cycleId: string, kind: PhaseKind, patch: Partial<Pick<CyclePhase, "dueAt" | "closedAt">>): Promise<void>;
  /** Sets the status; "released" also records the release (and close) time. */
  setStatus(cycleId: string, status: CycleStatus, at: Date): Promise<void>;
  /** The cycle released last, or null. */
  lastReleased(): Promise<ReviewCycle | null>;
  /** Every participant, leavers included; only these people when `personIds` is given. */
  participants(cycleId: string, only?: { personIds: string[] }): Promise<CycleParticipant[]>;
  /** One person's participation, a leaver's included; null when they never took part. */
  participant(cycleId: string, personId: string): Promise<CycleParticipant | null>;
  /**
   * Name and team of every participant (leavers included) and of their managers when they joined;
   * only these participants and their managers when `personIds` is given.
   */
  participantNames(
    cycleId: string,
    only?: { personIds: string[] },
  ): Promise<Map<string, { name: string; team: string }>>;
  addParticipants(cycleId: string, participants: Omit<CycleParticipant, "cycleId">[]): Promise<void>;
  markLeft(cycleId: string, personIds: string[], at: Date): Promise<void>;
  /** Leavers who are back in the population rejoin. */
  markRejoined(cycleId: string, personIds: string[]): Promise<void>;
  /** The cycles a person took part in, newest first, with their participation. */
  cyclesOf(personId: string): Promise<{ cycle: ReviewCycle; participant: CycleParticipant }[]>;
  /** Every active person, as the population filter sees them. */
  populationCandidates(): Promise<PopulationCandidate[]>;
  createNomination(nomination: NewNomination): Promise<Nomination>;
  findNomination(id: string): Promise<Nomination | null>;
  listNominations(cycleId: string, filter?: { subjectIds?: string[]; nomineeId?: string }): Promise<Nomination[]>;
  /** Records a decision; false when the nomination was already decided. */
  decideNomination(id: string, decision: NominationDecision): Promise<boolean>;
  /** Records or replaces the acknowledgement. */
  acknowledge(acknowledgement: Acknowledgement): Promise<void>;
  acknowledgements(cycleId: string): Promise<Acknowledgement[]>;
  /**
   * Where the self and manager assessments of these subjects (null: every participant still in the
   * cycle) stand: those tagged with the cycle or updated since `since`. Subjects with none are absent.
   */
  assessmentProgress(
    cycleId: string,
    subjectIds: string[] | null,
    since: Date,
  ): Promise<Map<string, AssessmentProgress>>;
}
