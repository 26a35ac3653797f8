import { sql } from "drizzle-orm";
import { boolean, date, index, jsonb, pgTable, primaryKey, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { people } from "./people.ts";

/** A person's long-term career plan (the four steps). Private unless shared with the manager. */
export const careerPlans = pgTable("career_plans", {
  personId: uuid("person_id")
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  plan: jsonb("plan").notNull(),
  cadence: text("cadence", { enum: ["monthly", "quarterly", "half-yearly", "yearly"] })
    .notNull()
    .default("quarterly"),
  lastReviewedAt: timestamp("last_reviewed_at", { withTimezone: true }),
  isSharedWithManager: boolean("is_shared_with_manager").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The dated version kept each time a plan is reviewed. */
export const careerPlanReviews = pgTable(
  "career_plan_reviews",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }).notNull(),
    plan: jsonb("plan").notNull(),
    note: text("note").notNull().default(""),
  },
  (t) => [index("career_plan_reviews_person_idx").on(t.personId, t.reviewedAt)],
);

export const developmentGoals = pgTable(
  "development_goals",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    competencyId: text("competency_id").notNull(),
    fromValue: real("from_value"),
    target: real("target").notNull(),
    title: text("title").notNull().default(""),
    actions: jsonb("actions").$type<{ id: string; text: string; isDone: boolean }[]>().notNull().default([]),
    due: date("due"),
    status: text("status", { enum: ["active", "achieved", "dropped"] })
      .notNull()
      .default("active"),
    isSharedWithManager: boolean("is_shared_with_manager").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    achievedAt: timestamp("achieved_at", { withTimezone: true }),
  },
  (t) => [index("development_goals_person_idx").on(t.personId)],
);

export const goalCheckIns = pgTable(
  "goal_check_ins",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => developmentGoals.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    progress: real("progress"),
    note: text("note").notNull().default(""),
  },
  (t) => [index("goal_check_ins_goal_idx").on(t.goalId)],
);

/** A 1:1 between two people (usually a manager and a report), with its agenda from the playbook. */
export const oneOnOnes = pgTable(
  "one_on_ones",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    /** The more senior participant. */
    leadId: uuid("lead_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    reportId: uuid("report_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull(),
    playbookId: text("playbook_id"),
    agenda: jsonb("agenda").notNull(),
    sharedNotes: text("shared_notes").notNull().default(""),
    actionItems: jsonb("action_items")
      .$type<{ id: string; text: string; ownerId: string; isDone: boolean }[]>()
      .notNull()
      .default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("one_on_ones_pair_idx").on(t.leadId, t.reportId, t.scheduledAt)],
);

/** Each side's private notes on a 1:1: readable by their author only, admins included. */
export const oneOnOnePrivateNotes = pgTable(
  "one_on_one_private_notes",
  {
    oneOnOneId: uuid("one_on_one_id")
      .notNull()
      .references(() => oneOnOnes.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    body: text("body").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.oneOnOneId, t.authorId] })],
);

/** Each side's 1–5 rating of the playbook aspects, compared over time. */
export const collaborationHealthChecks = pgTable(
  "collaboration_health_checks",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    oneOnOneId: uuid("one_on_one_id")
      .notNull()
      .references(() => oneOnOnes.id, { onDelete: "cascade" }),
    raterId: uuid("rater_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    ratings: jsonb("ratings").$type<Record<string, number>>().notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("health_checks_one_on_one_idx").on(t.oneOnOneId)],
);

/** The VP-fit self-check: private to the person. */
export const vpFitChecks = pgTable(
  "vp_fit_checks",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    answers: jsonb("answers").$type<Record<string, number>>().notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("vp_fit_checks_person_idx").on(t.personId, t.at)],
);

/** People who would rather not be suggested as mentors. */
export const mentorOptOuts = pgTable("mentor_opt_outs", {
  personId: uuid("person_id")
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
});
