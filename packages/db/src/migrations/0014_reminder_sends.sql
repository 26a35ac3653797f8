-- One row per reminder sent: who, of what kind, about which thing, for which period (a due date, a
-- day, a phase's opening). The scheduled run claims a row before it notifies, so a rerun, a retried
-- job or a second app server finds the row and sends nothing twice.
CREATE TABLE "reminder_sends" (
	"recipient_id" uuid NOT NULL REFERENCES "people"("id") ON DELETE CASCADE,
	"kind" text NOT NULL,
	"subject_key" text NOT NULL,
	"period" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	PRIMARY KEY ("recipient_id", "kind", "subject_key", "period")
);
