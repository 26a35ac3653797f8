import type { Person } from "../people/person.ts";
import type {
  CalibrationAdjustment,
  CalibrationScope,
  CalibrationSession,
  NewCalibrationAdjustment,
  NineBoxPlacement,
  StoredPlacement,
} from "./calibration.ts";

export type NewCalibrationSession = Omit<CalibrationSession, "id" | "status" | "createdAt" | "closedAt" | "closedBy">;

/** A self or manager rating submitted in a cycle: attributed relations only, never peer or upward. */
export interface CalibrationRating {
  subjectId: string;
  raterId: string;
  relation: "self" | "manager";
  competencyId: string;
  score: number;
}

export interface FrozenPlacement {
  subjectId: string;
  performance: number;
  potential: number;
}

export interface CalibrationRepository {
  cycleExists(cycleId: string): Promise<boolean>;
  /** Active people the scope selects, in one query. */
  peopleInScope(scope: CalibrationScope): Promise<Person[]>;
  createSession(session: NewCalibrationSession, at: Date): Promise<CalibrationSession>;
  findSession(id: string): Promise<CalibrationSession | null>;
  /** Sessions the person facilitates or takes part in; every session for `all`. */
  listSessions(filter: { personId: string } | { all: true }): Promise<CalibrationSession[]>;
  /**
   * The ratings of the latest submitted self and of the latest submitted manager assessment of each
   * subject in the cycle (a later one replaces the earlier whole), for all of these subjects in one query.
   */
  cycleRatings(cycleId: string, subjectIds: string[]): Promise<CalibrationRating[]>;
  /** Oldest first. */
  adjustments(sessionId: string): Promise<CalibrationAdjustment[]>;
  /** Every adjustment about these people, in any session, newest first. */
  adjustmentsAbout(subjectIds: string[]): Promise<CalibrationAdjustment[]>;
  placements(sessionId: string): Promise<StoredPlacement[]>;
  /**
   * Appends an adjustment (and for a box, sets the calibrated box) only while the session is open,
   * in one transaction; null when the session was closed meanwhile.
   */
  addAdjustment(adjustment: NewCalibrationAdjustment, box?: NineBoxPlacement): Promise<CalibrationAdjustment | null>;
  /** Closes an open session and freezes each person's scores; false when it was closed already. */
  close(sessionId: string, by: string, at: Date, frozen: FrozenPlacement[]): Promise<boolean>;
}
