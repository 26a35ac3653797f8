import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Who did what, when, and on whom. Reads of someone else's private things are recorded too. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    kind: text("kind", { enum: ["write", "read"] }).notNull(),
    /** Null for the system itself (seeding, first start). */
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    /** The person the event is about, when there is one. */
    subjectId: uuid("subject_id"),
    targetType: text("target_type").notNull().default(""),
    targetId: text("target_id").notNull().default(""),
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_subject_idx").on(t.subjectId, t.at), index("audit_at_idx").on(t.at)],
);
