import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { people } from "./people.ts";

/** A person who can sign in. Passwords are argon2id hashes and never leave the server. */
export const accounts = pgTable("accounts", {
  personId: uuid("person_id")
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  passwordHash: text("password_hash"),
  isAdmin: boolean("is_admin").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
  /** Set when an admin-made reset link was used: private content stays sealed until the person unseals it. */
  privateSealedAt: timestamp("private_sealed_at", { withTimezone: true }),
  /** The password hash from before that reset, which only the person can match (decisions/0004). */
  previousPasswordHash: text("previous_password_hash"),
});

/** Sessions live in the database so several app servers share them. Only a hash of the token is kept. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    userAgent: text("user_agent").notNull().default(""),
    ip: text("ip").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_person_idx").on(t.personId)],
);

/** Invite and password-reset links, shown to an admin to copy: no mail server needed. */
export const oneTimeLinks = pgTable("one_time_links", {
  tokenHash: text("token_hash").primaryKey(),
  personId: uuid("person_id")
    .notNull()
    .references(() => people.id, { onDelete: "cascade" }),
  purpose: text("purpose", { enum: ["invite", "reset", "first-admin"] }).notNull(),
  createdBy: uuid("created_by").references(() => people.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  /** Mailed over SMTP to the person alone: using it does not seal private content (decisions/0004). */
  isMailedPrivately: boolean("is_mailed_privately").notNull().default(false),
});

/** Tokens for scripts and the CLI; they act with their owner's rights. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_tokens_person_idx").on(t.personId)],
);

/** Fixed-window counters for login rate limiting, shared by every app server. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  resetAt: timestamp("reset_at", { withTimezone: true }).notNull(),
});
