-- The organisation's incoming webhook for channel posts (Slack and compatible chats): one row at most.
-- The address is a secret: the API shows it masked, and the audit log records the masked form only.
CREATE TABLE "channel_webhook" (
	"id" text PRIMARY KEY DEFAULT 'organisation' NOT NULL CHECK ("id" = 'organisation'),
	"url" text,
	"disabled_kinds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by" uuid REFERENCES "people"("id") ON DELETE SET NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- One row per channel post handed to the webhook: a retried job finds its key and posts nothing twice.
CREATE TABLE "channel_posts" (
	"post_key" text PRIMARY KEY NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
