import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { people } from "./people.ts";
import { frameworks } from "./frameworks.ts";

/** A time-boxed review round. Peer and upward results are released when it closes. */
export const reviewCycles = pgTable("review_cycles", {
  id: uuid("id")
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  name: text("name").notNull(),
  startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
  endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
  closedAt: timestamp("closed_at", { withTimezone: true }),
  createdBy: uuid("created_by").references(() => people.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  status: text("status", { enum: ["draft", "active", "released", "closed"] })
    .notNull()
    .default("draft"),
  /** Who takes part, as filters (core's PopulationFilter); participants are stored in cycle_participants. */
  population: jsonb("population").$type<Record<string, unknown>>().notNull().default({}),
  frameworkVersion: integer("framework_version"),
  /** Peer and upward nominations each subject needs approved (min) and may have (max). */
  nominationsMin: integer("nominations_min").notNull().default(0),
  nominationsMax: integer("nominations_max").notNull().default(8),
  releasedAt: timestamp("released_at", { withTimezone: true }),
});

/** Named colleagues asked to rate a person; their answers show only as aggregates once it closes. */
export const feedbackRequests = pgTable(
  "feedback_requests",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    subjectId: uuid("subject_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    requestedBy: uuid("requested_by").references(() => people.id, { onDelete: "set null" }),
    relation: text("relation", { enum: ["peer", "upward"] }).notNull(),
    message: text("message").notNull().default(""),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /**
     * The anonymity threshold k in force when the answers were released: set on closing, and on every
     * released request still without it when k changes. Null means k has not changed since the release.
     */
    releaseK: integer("release_k"),
    cycleId: uuid("cycle_id").references(() => reviewCycles.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("feedback_requests_subject_idx").on(t.subjectId)],
);

export const feedbackRequestRaters = pgTable(
  "feedback_request_raters",
  {
    requestId: uuid("request_id")
      .notNull()
      .references(() => feedbackRequests.id, { onDelete: "cascade" }),
    raterId: uuid("rater_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.raterId] }), index("feedback_raters_rater_idx").on(t.raterId)],
);

export const assessments = pgTable(
  "assessments",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    subjectId: uuid("subject_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    raterId: uuid("rater_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    relation: text("relation", { enum: ["self", "manager", "peer", "upward"] }).notNull(),
    frameworkId: uuid("framework_id")
      .notNull()
      .references(() => frameworks.id),
    frameworkVersion: integer("framework_version").notNull(),
    /** The level the person was rated against. */
    levelId: text("level_id").notNull(),
    cycleId: uuid("cycle_id").references(() => reviewCycles.id, { onDelete: "set null" }),
    feedbackRequestId: uuid("feedback_request_id").references(() => feedbackRequests.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["draft", "submitted"] })
      .notNull()
      .default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** A correction points at the submitted assessment it replaces for this rater. */
    supersedesId: uuid("supersedes_id").references((): AnyPgColumn => assessments.id, { onDelete: "set null" }),
    /** Set when a framework migration carried this assessment onto a newer version: the original. */
    migratedFrom: jsonb("migrated_from"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("assessments_subject_idx").on(t.subjectId, t.status),
    index("assessments_rater_idx").on(t.raterId),
    // One open draft per rater, subject and relation (and request).
    uniqueIndex("assessments_one_draft_idx")
      .on(
        t.subjectId,
        t.raterId,
        t.relation,
        sql`coalesce(${t.feedbackRequestId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      )
      .where(sql`status = 'draft'`),
  ],
);

export const ratings = pgTable(
  "ratings",
  {
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    competencyId: text("competency_id").notNull(),
    score: real("score"),
    evidence: text("evidence").notNull().default(""),
    confidence: smallint("confidence"),
    evidenceIds: jsonb("evidence_ids").$type<string[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.competencyId] })],
);

/** Dated achievements, tagged to competencies. The owner's own; shared with the manager by choice. */
export const evidence = pgTable(
  "evidence",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    date: date("date").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    competencyIds: jsonb("competency_ids").$type<string[]>().notNull().default([]),
    links: jsonb("links").$type<string[]>().notNull().default([]),
    isSharedWithManager: boolean("is_shared_with_manager").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("evidence_person_idx").on(t.personId, t.date)],
);

/**
 * Each person's readiness for their next level, recomputed when something that feeds it changes
 * (a submission, a request closing, new settings), so org-wide views read one row per person.
 */
export const readinessSnapshots = pgTable("readiness_snapshots", {
  personId: uuid("person_id")
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  targetLevelId: text("target_level_id").notNull(),
  score: real("score").notNull(),
  verdict: text("verdict", { enum: ["ready", "almost", "not-yet"] }).notNull(),
  /** competencyId → observed value (null when unknown), for heatmaps. */
  observed: jsonb("observed").$type<Record<string, number | null>>().notNull(),
  computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  /** When the oldest counted rating leaves the window; the snapshot is stale after it. */
  validUntil: timestamp("valid_until", { withTimezone: true }),
});
