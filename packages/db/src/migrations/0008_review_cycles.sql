-- Review cycles (issue 15): the round an organisation runs. Every column added to review_cycles has a
-- default, so rows written with only the original columns stay valid.
ALTER TABLE "review_cycles" ADD COLUMN "status" text DEFAULT 'draft' NOT NULL;
--> statement-breakpoint
ALTER TABLE "review_cycles" ADD COLUMN "population" jsonb DEFAULT '{}'::jsonb NOT NULL;
--> statement-breakpoint
ALTER TABLE "review_cycles" ADD COLUMN "framework_version" integer;
--> statement-breakpoint
ALTER TABLE "review_cycles" ADD COLUMN "nominations_min" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE "review_cycles" ADD COLUMN "nominations_max" integer DEFAULT 8 NOT NULL;
--> statement-breakpoint
ALTER TABLE "review_cycles" ADD COLUMN "released_at" timestamp with time zone;
--> statement-breakpoint
CREATE TABLE "cycle_phases" (
	"cycle_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "cycle_phases_cycle_id_kind_pk" PRIMARY KEY("cycle_id","kind")
);
--> statement-breakpoint
CREATE TABLE "cycle_participants" (
	"cycle_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"manager_id" uuid,
	"joined_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone,
	CONSTRAINT "cycle_participants_cycle_id_person_id_pk" PRIMARY KEY("cycle_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "cycle_nominations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"nominee_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"proposed_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"feedback_request_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cycle_acknowledgements" (
	"cycle_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"acknowledged_at" timestamp with time zone NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	CONSTRAINT "cycle_acknowledgements_cycle_id_person_id_pk" PRIMARY KEY("cycle_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "cycle_phases" ADD CONSTRAINT "cycle_phases_cycle_id_review_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."review_cycles"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "cycle_participants" ADD CONSTRAINT "cycle_participants_cycle_id_review_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."review_cycles"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "cycle_participants" ADD CONSTRAINT "cycle_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "cycle_participants" ADD CONSTRAINT "cycle_participants_manager_id_people_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "cycle_nominations" ADD CONSTRAINT "cycle_nominations_cycle_id_review_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."review_cycles"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "cycle_nominations" ADD CONSTRAINT "cycle_nominations_subject_id_people_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "cycle_nominations" ADD CONSTRAINT "cycle_nominations_nominee_id_people_id_fk" FOREIGN KEY ("nominee_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "cycle_nominations" ADD CONSTRAINT "cycle_nominations_proposed_by_people_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "cycle_nominations" ADD CONSTRAINT "cycle_nominations_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "cycle_nominations" ADD CONSTRAINT "cycle_nominations_feedback_request_id_feedback_requests_id_fk" FOREIGN KEY ("feedback_request_id") REFERENCES "public"."feedback_requests"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "cycle_acknowledgements" ADD CONSTRAINT "cycle_acknowledgements_cycle_id_review_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."review_cycles"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "cycle_acknowledgements" ADD CONSTRAINT "cycle_acknowledgements_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "cycle_participants_person_idx" ON "cycle_participants" USING btree ("person_id");
--> statement-breakpoint
CREATE INDEX "cycle_nominations_cycle_subject_idx" ON "cycle_nominations" USING btree ("cycle_id","subject_id");
--> statement-breakpoint
CREATE INDEX "cycle_nominations_nominee_idx" ON "cycle_nominations" USING btree ("nominee_id");
