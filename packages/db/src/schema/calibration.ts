import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { CalibrationGuideline, CalibrationScope } from "@ascent/core";
import { people } from "./people.ts";
import { reviewCycles } from "./assessments.ts";

/** A calibration meeting of one review cycle over the people its scope selects. */
export const calibrationSessions = pgTable(
  "calibration_sessions",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => reviewCycles.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    scope: jsonb("scope").$type<CalibrationScope>().notNull(),
    facilitatorId: uuid("facilitator_id").references(() => people.id, { onDelete: "set null" }),
    status: text("status", { enum: ["open", "closed"] })
      .notNull()
      .default("open"),
    /** The share of people the admin expects in each band; shown beside the histogram, never enforced. */
    guideline: jsonb("guideline").$type<CalibrationGuideline>(),
    createdBy: uuid("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: uuid("closed_by").references(() => people.id, { onDelete: "set null" }),
  },
  (t) => [
    index("calibration_sessions_cycle_idx").on(t.cycleId),
    check("calibration_sessions_status_check", sql`${t.status} in ('open', 'closed')`),
  ],
);

export const calibrationParticipants = pgTable(
  "calibration_participants",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => calibrationSessions.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.personId] }),
    index("calibration_participants_person_idx").on(t.personId),
  ],
);

/**
 * Every change a calibration makes, append-only: a manager's rating of a competency (kind `rating`,
 * values are scores) or a 9-box placement (kind `box`, values are `{performance, potential}` bands).
 * The latest one per subject and competency (or box) is the calibrated value.
 */
export const calibrationAdjustments = pgTable(
  "calibration_adjustments",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => calibrationSessions.id, { onDelete: "cascade" }),
    subjectId: uuid("subject_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    competencyId: text("competency_id"),
    kind: text("kind", { enum: ["rating", "box"] }).notNull(),
    fromValue: jsonb("from_value"),
    toValue: jsonb("to_value").notNull(),
    reason: text("reason").notNull(),
    by: uuid("by").references(() => people.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("calibration_adjustments_session_idx").on(t.sessionId, t.subjectId),
    index("calibration_adjustments_subject_idx").on(t.subjectId),
    check("calibration_adjustments_kind_check", sql`${t.kind} in ('rating', 'box')`),
    check("calibration_adjustments_reason_check", sql`length(btrim(${t.reason})) > 0`),
  ],
);

/**
 * A person's place in a session's 9-box: a calibrated box (with its reason) while the session is open,
 * and, once it closes, the frozen performance and potential it was closed with.
 */
export const calibrationPlacements = pgTable(
  "calibration_placements",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => calibrationSessions.id, { onDelete: "cascade" }),
    subjectId: uuid("subject_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    performance: real("performance"),
    potential: real("potential"),
    calibratedPerformance: text("calibrated_performance"),
    calibratedPotential: text("calibrated_potential"),
    reason: text("reason"),
    isFrozen: boolean("is_frozen").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.subjectId] })],
);
