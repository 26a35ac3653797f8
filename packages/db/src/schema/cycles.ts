import { sql } from "drizzle-orm";
import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { people } from "./people.ts";
import { feedbackRequests, reviewCycles } from "./assessments.ts";

/** A cycle's phases, one row per kind; phases may overlap. */
export const cyclePhases = pgTable(
  "cycle_phases",
  {
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => reviewCycles.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["self", "nomination", "manager", "calibration", "release"] }).notNull(),
    opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.kind] })],
);

/** Who takes part in a cycle. Leavers keep their row, marked with when they left, and their data. */
export const cycleParticipants = pgTable(
  "cycle_participants",
  {
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => reviewCycles.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /** The manager when the person joined the cycle. */
    managerId: uuid("manager_id").references(() => people.id, { onDelete: "set null" }),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull(),
    leftAt: timestamp("left_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.personId] }), index("cycle_participants_person_idx").on(t.personId)],
);

/** Peer and upward raters a subject proposes and their manager approves, edits or rejects. */
export const cycleNominations = pgTable(
  "cycle_nominations",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => reviewCycles.id, { onDelete: "cascade" }),
    subjectId: uuid("subject_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    nomineeId: uuid("nominee_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    relation: text("relation", { enum: ["peer", "upward"] }).notNull(),
    status: text("status", { enum: ["proposed", "approved", "rejected"] })
      .notNull()
      .default("proposed"),
    proposedBy: uuid("proposed_by").references(() => people.id, { onDelete: "set null" }),
    decidedBy: uuid("decided_by").references(() => people.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** The feedback request an approval created. */
    feedbackRequestId: uuid("feedback_request_id").references(() => feedbackRequests.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cycle_nominations_cycle_subject_idx").on(t.cycleId, t.subjectId),
    index("cycle_nominations_nominee_idx").on(t.nomineeId),
  ],
);

/** A subject's acknowledgement of a released cycle's results, with an optional comment. */
export const cycleAcknowledgements = pgTable(
  "cycle_acknowledgements",
  {
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => reviewCycles.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }).notNull(),
    comment: text("comment").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.personId] })],
);
