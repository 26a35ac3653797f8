import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
