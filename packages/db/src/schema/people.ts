import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const people = pgTable(
  "people",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    name: text("name").notNull(),
    /** Stored lower-cased: the HRIS upsert key. */
    email: text("email").notNull().unique(),
    /** The company's own title, as the HRIS has it. */
    title: text("title").notNull().default(""),
    /** Where the title sits on the ladder; null while unmapped. */
    levelId: text("level_id"),
    managerId: uuid("manager_id").references((): AnyPgColumn => people.id, { onDelete: "set null" }),
    team: text("team").notNull().default(""),
    status: text("status", { enum: ["active", "inactive"] })
      .notNull()
      .default("active"),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("people_manager_idx").on(t.managerId)],
);

/** Organisation overrides for title mapping: an exact title → a level. They win over inference. */
export const titleOverrides = pgTable("title_overrides", {
  title: text("title").primaryKey(),
  levelId: text("level_id").notNull(),
  createdBy: uuid("created_by").references(() => people.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Every change of a person's level and what made it; written in the same transaction as the change. */
export const personLevelHistory = pgTable(
  "person_level_history",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    fromLevelId: text("from_level_id"),
    toLevelId: text("to_level_id"),
    effectiveAt: timestamp("effective_at", { withTimezone: true }).notNull(),
    source: text("source", { enum: ["admin-edit", "hris-import", "promotion"] }).notNull(),
    reason: text("reason"),
    changedBy: uuid("changed_by").references(() => people.id, { onDelete: "set null" }),
    caseId: uuid("case_id"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("person_level_history_person_idx").on(t.personId, t.effectiveAt),
    check("person_level_history_source_check", sql`${t.source} in ('admin-edit', 'hris-import', 'promotion')`),
  ],
);
