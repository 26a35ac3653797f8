CREATE TABLE "calibration_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"name" text NOT NULL,
	"scope" jsonb NOT NULL,
	"facilitator_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"guideline" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	CONSTRAINT "calibration_sessions_status_check" CHECK ("calibration_sessions"."status" in ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "calibration_participants" (
	"session_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "calibration_participants_session_id_person_id_pk" PRIMARY KEY("session_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "calibration_adjustments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"competency_id" text,
	"kind" text NOT NULL,
	"from_value" jsonb,
	"to_value" jsonb NOT NULL,
	"reason" text NOT NULL,
	"by" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "calibration_adjustments_kind_check" CHECK ("calibration_adjustments"."kind" in ('rating', 'box')),
	CONSTRAINT "calibration_adjustments_reason_check" CHECK (length(btrim("calibration_adjustments"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "calibration_placements" (
	"session_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"performance" real,
	"potential" real,
	"calibrated_performance" text,
	"calibrated_potential" text,
	"reason" text,
	"is_frozen" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calibration_placements_session_id_subject_id_pk" PRIMARY KEY("session_id","subject_id")
);
--> statement-breakpoint
ALTER TABLE "calibration_sessions" ADD CONSTRAINT "calibration_sessions_cycle_id_review_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."review_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_sessions" ADD CONSTRAINT "calibration_sessions_facilitator_id_people_id_fk" FOREIGN KEY ("facilitator_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_sessions" ADD CONSTRAINT "calibration_sessions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_sessions" ADD CONSTRAINT "calibration_sessions_closed_by_people_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_participants" ADD CONSTRAINT "calibration_participants_session_id_calibration_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."calibration_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_participants" ADD CONSTRAINT "calibration_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_adjustments" ADD CONSTRAINT "calibration_adjustments_session_id_calibration_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."calibration_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_adjustments" ADD CONSTRAINT "calibration_adjustments_subject_id_people_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_adjustments" ADD CONSTRAINT "calibration_adjustments_by_people_id_fk" FOREIGN KEY ("by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_placements" ADD CONSTRAINT "calibration_placements_session_id_calibration_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."calibration_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_placements" ADD CONSTRAINT "calibration_placements_subject_id_people_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calibration_sessions_cycle_idx" ON "calibration_sessions" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "calibration_participants_person_idx" ON "calibration_participants" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "calibration_adjustments_session_idx" ON "calibration_adjustments" USING btree ("session_id","subject_id");--> statement-breakpoint
CREATE INDEX "calibration_adjustments_subject_idx" ON "calibration_adjustments" USING btree ("subject_id");
