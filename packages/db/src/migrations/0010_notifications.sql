-- In-app notifications: a person's inbox. The partial index serves the bell's unread count, which
-- every open tab asks for every half minute, and the inbox's newest-first pages.
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL REFERENCES "people"("id") ON DELETE CASCADE,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"link" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" ("recipient_id") WHERE "read_at" IS NULL;
--> statement-breakpoint
CREATE INDEX "notifications_inbox_idx" ON "notifications" ("recipient_id", "created_at" DESC, "id" DESC);
--> statement-breakpoint
-- Mail kept in the database when no SMTP server is configured (the embedded default): admins read it.
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"send_key" text NOT NULL UNIQUE,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- One row per mail handed to the SMTP server (or the outbox): a retried job finds its key and sends nothing twice.
CREATE TABLE "mail_sends" (
	"send_key" text PRIMARY KEY NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
-- A reset link mailed over SMTP reaches the person alone; one kept in the outbox (no SMTP server) or
-- made by an admin is seen by admins, so using it seals private content (decisions/0004).
ALTER TABLE "one_time_links" ADD COLUMN "is_mailed_privately" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
-- A person's choice per kind of notification: in the app, by mail, both or neither. No row: the kind's default.
CREATE TABLE "notification_preferences" (
	"person_id" uuid NOT NULL REFERENCES "people"("id") ON DELETE CASCADE,
	"kind" text NOT NULL,
	"in_app" boolean NOT NULL,
	"email" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	PRIMARY KEY ("person_id", "kind")
);
