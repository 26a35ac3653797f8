import { sql } from "drizzle-orm";
import { check, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { people } from "./people.ts";

/** The organisation's incoming webhook (one row at most) and the kinds of post switched off. */
export const channelWebhook = pgTable(
  "channel_webhook",
  {
    id: text("id").primaryKey().default("organisation"),
    /** A secret: never returned whole by the API. Null once removed. */
    url: text("url"),
    disabledKinds: jsonb("disabled_kinds").$type<string[]>().notNull().default([]),
    updatedBy: uuid("updated_by").references(() => people.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check("channel_webhook_id_check", sql`${table.id} = 'organisation'`)],
);

/** One row per channel post handed to the webhook: a retried job finds its key and posts nothing twice. */
export const channelPosts = pgTable("channel_posts", {
  postKey: text("post_key").primaryKey(),
  claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull(),
  sentAt: timestamp("sent_at", { withTimezone: true }),
});
