-- How mail carries each kind: a mail per event ("instant"), a daily or weekly digest, or none. The
-- old yes/no mail column becomes "instant" or "off", so every saved choice means what it meant.
ALTER TABLE "notification_preferences" ADD COLUMN "mail" text DEFAULT 'instant' NOT NULL;
--> statement-breakpoint
UPDATE "notification_preferences" SET "mail" = CASE WHEN "email" THEN 'instant' ELSE 'off' END;
--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP COLUMN "email";
--> statement-breakpoint
ALTER TABLE "notification_preferences" ALTER COLUMN "mail" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_mail_check"
	CHECK ("mail" IN ('instant', 'daily', 'weekly', 'off'));
--> statement-breakpoint
-- The organisation's default per kind, for people who never chose; no row: the app's default.
CREATE TABLE "notification_org_defaults" (
	"kind" text PRIMARY KEY NOT NULL,
	"in_app" boolean NOT NULL,
	"mail" text NOT NULL CHECK ("mail" IN ('instant', 'daily', 'weekly', 'off')),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Mail channels an admin switched off for everyone ("email": a mail per event; "digest"). No row: on.
CREATE TABLE "notification_channel_switches" (
	"channel" text PRIMARY KEY NOT NULL CHECK ("channel" IN ('email', 'digest')),
	"is_enabled" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Every process keeps the organisation's defaults and switches in its memo (they are read on every
-- notification): a change to either tells everyone.
CREATE TRIGGER notification_org_defaults_changes_insert AFTER INSERT ON notification_org_defaults REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone_if_changed();
--> statement-breakpoint
CREATE TRIGGER notification_org_defaults_changes_update AFTER UPDATE ON notification_org_defaults REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone_if_changed();
--> statement-breakpoint
CREATE TRIGGER notification_org_defaults_changes_delete AFTER DELETE ON notification_org_defaults REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone_if_changed();
--> statement-breakpoint
CREATE TRIGGER notification_channel_switches_changes_insert AFTER INSERT ON notification_channel_switches REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone_if_changed();
--> statement-breakpoint
CREATE TRIGGER notification_channel_switches_changes_update AFTER UPDATE ON notification_channel_switches REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone_if_changed();
--> statement-breakpoint
CREATE TRIGGER notification_channel_switches_changes_delete AFTER DELETE ON notification_channel_switches REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone_if_changed();
--> statement-breakpoint
-- A person's time zone (IANA name) and quiet hours in minutes after local midnight (end below start
-- crosses midnight); no row: UTC and no quiet hours.
CREATE TABLE "notification_schedules" (
	"person_id" uuid PRIMARY KEY NOT NULL REFERENCES "people"("id") ON DELETE CASCADE,
	"time_zone" text NOT NULL,
	"quiet_start" smallint CHECK ("quiet_start" BETWEEN 0 AND 1439),
	"quiet_end" smallint CHECK ("quiet_end" BETWEEN 0 AND 1439),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CHECK (("quiet_start" IS NULL) = ("quiet_end" IS NULL))
);
--> statement-breakpoint
-- Notifications waiting for a person's next digest; a digest that goes deletes what it carried.
CREATE TABLE "notification_digest_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL REFERENCES "people"("id") ON DELETE CASCADE,
	"cadence" text NOT NULL CHECK ("cadence" IN ('daily', 'weekly')),
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"link" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "notification_digest_items_person_idx" ON "notification_digest_items" ("person_id", "cadence", "created_at");
--> statement-breakpoint
-- When each person's last digest of each cadence went.
CREATE TABLE "notification_digest_runs" (
	"person_id" uuid NOT NULL REFERENCES "people"("id") ON DELETE CASCADE,
	"cadence" text NOT NULL CHECK ("cadence" IN ('daily', 'weekly')),
	"last_sent_at" timestamp with time zone NOT NULL,
	PRIMARY KEY ("person_id", "cadence")
);
