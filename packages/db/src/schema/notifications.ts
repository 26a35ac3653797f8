import { sql } from "drizzle-orm";
import { boolean, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { people } from "./people.ts";

/** A person's in-app inbox (DESIGN §3 Notification). */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    link: text("link").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (table) => [
    index("notifications_unread_idx")
      .on(table.recipientId)
      .where(sql`${table.readAt} IS NULL`),
    index("notifications_inbox_idx").on(table.recipientId, table.createdAt.desc(), table.id.desc()),
  ],
);

/** Mail kept in the database when no SMTP server is configured; admins read it. */
export const outbox = pgTable("outbox", {
  id: uuid("id").primaryKey().defaultRandom(),
  sendKey: text("send_key").notNull().unique(),
  recipient: text("recipient").notNull(),
  subject: text("subject").notNull(),
  textBody: text("text_body").notNull(),
  htmlBody: text("html_body").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Each mail's send key, claimed before it is handed over: a retried job sends nothing twice. */
export const mailSends = pgTable("mail_sends", {
  sendKey: text("send_key").primaryKey(),
  claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull(),
  sentAt: timestamp("sent_at", { withTimezone: true }),
});

/** A person's channels per kind of notification; a kind without a row follows its default. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    inApp: boolean("in_app").notNull(),
    email: boolean("email").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.personId, table.kind] })],
);

/** Each reminder claimed, by recipient, kind, the thing it is about and its period: none goes out twice. */
export const reminderSends = pgTable(
  "reminder_sends",
  {
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    subjectKey: text("subject_key").notNull(),
    period: text("period").notNull(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull(),
    notifiedAt: timestamp("notified_at", { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.recipientId, table.kind, table.subjectKey, table.period] })],
);
