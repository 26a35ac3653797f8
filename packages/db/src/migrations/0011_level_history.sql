-- Every change of a person's level, whatever made it (an admin's edit, an HRIS import, a promotion case),
-- so a readiness target never moves without a record of when, why and by whom.
CREATE TABLE "person_level_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"from_level_id" text,
	"to_level_id" text,
	"effective_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"reason" text,
	"changed_by" uuid,
	"case_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_level_history_source_check" CHECK ("source" in ('admin-edit', 'hris-import', 'promotion'))
);
--> statement-breakpoint
ALTER TABLE "person_level_history" ADD CONSTRAINT "person_level_history_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_level_history" ADD CONSTRAINT "person_level_history_changed_by_people_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_level_history_person_idx" ON "person_level_history" USING btree ("person_id","effective_at");
