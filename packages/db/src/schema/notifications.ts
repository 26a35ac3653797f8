import { sql } from "drizzle-orm";
import type { DigestCadence, MailChoice } from "@ascent/core";
import { boolean, index, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
    mail: text("mail").$type<MailChoice>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.personId, table.kind] })],
);

/** The organisation's default channels per kind, for people who never chose. */
export const notificationOrgDefaults = pgTable("notification_org_defaults", {
  kind: text("kind").primaryKey(),
  inApp: boolean("in_app").notNull(),
  mail: text("mail").$type<MailChoice>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Mail channels switched off (or on again) for everyone; a channel without a row is on. */
export const notificationChannelSwitches = pgTable("notification_channel_switches", {
  channel: text("channel").$type<"email" | "digest">().primaryKey(),
  isEnabled: boolean("is_enabled").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A person's time zone and quiet hours (minutes after local midnight). */
export const notificationSchedules = pgTable("notification_schedules", {
  personId: uuid("person_id")
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  timeZone: text("time_zone").notNull(),
  quietStart: smallint("quiet_start"),
  quietEnd: smallint("quiet_end"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Notifications waiting for a person's next digest. */
export const notificationDigestItems = pgTable(
  "notification_digest_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    cadence: text("cadence").$type<DigestCadence>().notNull(),
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    link: text("link").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("notification_digest_items_person_idx").on(table.personId, table.cadence, table.createdAt)],
);

/** When each person's last digest of each cadence went. */
export const notificationDigestRuns = pgTable(
  "notification_digest_runs",
  {
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    cadence: text("cadence").$type<DigestCadence>().notNull(),
    lastSentAt: timestamp("last_sent_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.personId, table.cadence] })],
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
