import type { Agenda } from "../one-on-ones/one-on-one.ts";
import type { PlanCadence } from "../growth/career-plan.ts";

/** One reminder: whom, of what kind, about which thing, for which period. Sent at most once. */
export interface ReminderKey {
  recipientId: string;
  kind: string;
  /** The thing it is about: "request:<id>", "cycle:<id>:self", "goal:<id>". */
  subjectKey: string;
  /** Which occurrence: a day, a due date, "opening", "closing". */
  period: string;
}

/** The reminders claimed so far, and which of them reached their recipient. */
export interface ReminderLog {
  /** Claims each key never claimed before; returns the ones this call claimed (a rerun claims none). */
  claimMany(keys: ReminderKey[], at: Date): Promise<ReminderKey[]>;
  /** Marks a claimed reminder notified; false when an earlier attempt did (or the claim is gone). */
  markNotified(key: ReminderKey, at: Date): Promise<boolean>;
  /** Takes the mark back after a failed notification, so the job's retry tells the person. */
  unmarkNotified(key: ReminderKey): Promise<void>;
}

/** An open feedback request due soon, with the raters who have not answered yet. */
export interface DueRequest {
  id: string;
  subjectName: string;
  dueAt: Date;
  waitingRaterIds: string[];
}

export interface UpcomingOneOnOne {
  id: string;
  leadId: string;
  leadName: string;
  reportId: string;
  reportName: string;
  scheduledAt: Date;
  agenda: Agenda;
}

export interface DueGoal {
  id: string;
  personId: string;
  title: string;
  /** A calendar date, yyyy-mm-dd. */
  due: string;
}

export interface PlanSchedule {
  personId: string;
  cadence: PlanCadence;
  lastReviewedAt: Date | null;
  createdAt: Date;
}

/** What the scheduled reminders read: only what might be due, so a run on a large organisation stays cheap. */
export interface ReminderSource {
  /** Open requests with a due date in (from, to], and their active raters who have not answered. */
  requestsDueBetween(from: Date, to: Date): Promise<DueRequest[]>;
  /** 1:1s scheduled in (from, to] between two active people. */
  oneOnOnesBetween(from: Date, to: Date): Promise<UpcomingOneOnOne[]>;
  /** Active goals of active people with a due date from `from` to `to`, both included (yyyy-mm-dd). */
  goalsDueBetween(from: string, to: string): Promise<DueGoal[]>;
  /** Every career plan of an active person, with what its next review date is computed from. */
  planSchedules(): Promise<PlanSchedule[]>;
}
