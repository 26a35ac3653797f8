-- One row per reminder: who, of what kind, about which thing, for which period (a due date, a day, a
-- phase's opening). A run claims the row before it queues the reminder, so a rerun, a retried job or a
-- second app server claims nothing twice; the delivery job sets notified_at before it notifies, so its
-- own retry skips whoever it already told.
CREATE TABLE "reminder_sends" (
	"recipient_id" uuid NOT NULL REFERENCES "people"("id") ON DELETE CASCADE,
	"kind" text NOT NULL,
	"subject_key" text NOT NULL,
	"period" text NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"notified_at" timestamp with time zone,
	PRIMARY KEY ("recipient_id", "kind", "subject_key", "period")
);
