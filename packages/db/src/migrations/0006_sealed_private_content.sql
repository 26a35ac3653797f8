ALTER TABLE "accounts" ADD COLUMN "private_sealed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "previous_password_hash" text;