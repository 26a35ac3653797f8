import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { people } from "./people.ts";
import { reviewCycles } from "./assessments.ts";

/** A promotion committee: who reads packets for a band of target levels or a team, and who chairs. */
export const promotionCommittees = pgTable("promotion_committees", {
  id: uuid("id")
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  name: text("name").notNull(),
  minRank: integer("min_rank"),
  maxRank: integer("max_rank"),
  team: text("team"),
  chairId: uuid("chair_id")
    .notNull()
    .references(() => people.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const promotionCommitteeMembers = pgTable(
  "promotion_committee_members",
  {
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => promotionCommittees.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ name: "promotion_committee_members_pk", columns: [t.committeeId, t.personId] })],
);

export const promotionCases = pgTable(
  "promotion_cases",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    fromLevelId: text("from_level_id"),
    toLevelId: text("to_level_id").notNull(),
    nominatedBy: uuid("nominated_by").references(() => people.id, { onDelete: "set null" }),
    cycleId: uuid("cycle_id").references(() => reviewCycles.id, { onDelete: "set null" }),
    status: text("status", { enum: ["draft", "submitted", "in-review", "decided"] })
      .notNull()
      .default("draft"),
    managerCase: jsonb("manager_case")
      .notNull()
      .default(sql`'[]'::jsonb`),
    packet: jsonb("packet"),
    committeeId: uuid("committee_id").references(() => promotionCommittees.id, { onDelete: "set null" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    outcome: text("outcome", { enum: ["approved", "deferred", "declined"] }),
    rationale: text("rationale"),
    effectiveDate: date("effective_date", { mode: "string" }),
    decidedBy: uuid("decided_by").references(() => people.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    appliedAt: timestamp("applied_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("promotion_cases_one_open_idx")
      .on(t.personId)
      .where(sql`status <> 'decided'`),
    index("promotion_cases_status_idx").on(t.status, t.createdAt),
    index("promotion_cases_due_idx")
      .on(t.effectiveDate)
      .where(sql`outcome = 'approved' AND applied_at IS NULL`),
    check("promotion_cases_status_check", sql`${t.status} in ('draft', 'submitted', 'in-review', 'decided')`),
    check(
      "promotion_cases_outcome_check",
      sql`${t.outcome} is null or ${t.outcome} in ('approved', 'deferred', 'declined')`,
    ),
  ],
);

export const promotionVotes = pgTable(
  "promotion_votes",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => promotionCases.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    vote: text("vote", { enum: ["approve", "defer", "decline"] }).notNull(),
    reason: text("reason").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: "promotion_votes_pk", columns: [t.caseId, t.memberId] }),
    check("promotion_votes_vote_check", sql`${t.vote} in ('approve', 'defer', 'decline')`),
  ],
);

export const promotionConflicts = pgTable(
  "promotion_conflicts",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => promotionCases.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    note: text("note").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: "promotion_conflicts_pk", columns: [t.caseId, t.memberId] })],
);

export const promotionComments = pgTable("promotion_comments", {
  id: uuid("id")
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  caseId: uuid("case_id")
    .notNull()
    .references(() => promotionCases.id, { onDelete: "cascade" }),
  authorId: uuid("author_id").references(() => people.id, { onDelete: "set null" }),
  body: text("body").notNull(),
  at: timestamp("at", { withTimezone: true }).notNull(),
});
