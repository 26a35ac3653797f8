import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Organisation settings as named JSON values (relation weights, anonymity threshold, org profile). */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
