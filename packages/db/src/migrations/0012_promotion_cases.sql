-- Promotion cases: a nomination, its packet frozen at submission, a committee's votes and the decision,
-- whose approval moves the person's level on its effective date (with a level history entry).
CREATE TABLE "promotion_committees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"min_rank" integer,
	"max_rank" integer,
	"team" text,
	"chair_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "promotion_committee_members" (
	"committee_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "promotion_committee_members_pk" PRIMARY KEY ("committee_id", "person_id")
);
--> statement-breakpoint
CREATE TABLE "promotion_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"from_level_id" text,
	"to_level_id" text NOT NULL,
	"nominated_by" uuid,
	"cycle_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"manager_case" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"packet" jsonb,
	"committee_id" uuid,
	"submitted_at" timestamp with time zone,
	"outcome" text,
	"rationale" text,
	"effective_date" date,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"applied_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "promotion_cases_status_check" CHECK ("status" in ('draft', 'submitted', 'in-review', 'decided')),
	CONSTRAINT "promotion_cases_outcome_check" CHECK ("outcome" is null or "outcome" in ('approved', 'deferred', 'declined'))
);
--> statement-breakpoint
CREATE TABLE "promotion_votes" (
	"case_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"vote" text NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "promotion_votes_pk" PRIMARY KEY ("case_id", "member_id"),
	CONSTRAINT "promotion_votes_vote_check" CHECK ("vote" in ('approve', 'defer', 'decline'))
);
--> statement-breakpoint
CREATE TABLE "promotion_conflicts" (
	"case_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"note" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "promotion_conflicts_pk" PRIMARY KEY ("case_id", "member_id")
);
--> statement-breakpoint
CREATE TABLE "promotion_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "promotion_committees" ADD CONSTRAINT "promotion_committees_chair_id_people_id_fk" FOREIGN KEY ("chair_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_committee_members" ADD CONSTRAINT "promotion_committee_members_committee_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."promotion_committees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_committee_members" ADD CONSTRAINT "promotion_committee_members_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_cases" ADD CONSTRAINT "promotion_cases_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_cases" ADD CONSTRAINT "promotion_cases_nominated_by_people_id_fk" FOREIGN KEY ("nominated_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_cases" ADD CONSTRAINT "promotion_cases_cycle_id_review_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."review_cycles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_cases" ADD CONSTRAINT "promotion_cases_committee_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."promotion_committees"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_cases" ADD CONSTRAINT "promotion_cases_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_votes" ADD CONSTRAINT "promotion_votes_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."promotion_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_votes" ADD CONSTRAINT "promotion_votes_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_conflicts" ADD CONSTRAINT "promotion_conflicts_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."promotion_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_conflicts" ADD CONSTRAINT "promotion_conflicts_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_comments" ADD CONSTRAINT "promotion_comments_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."promotion_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_comments" ADD CONSTRAINT "promotion_comments_author_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- At most one open case per person: the database holds the rule even when two nominations race.
CREATE UNIQUE INDEX "promotion_cases_one_open_idx" ON "promotion_cases" USING btree ("person_id") WHERE status <> 'decided';--> statement-breakpoint
CREATE INDEX "promotion_cases_status_idx" ON "promotion_cases" USING btree ("status", "created_at");--> statement-breakpoint
CREATE INDEX "promotion_cases_due_idx" ON "promotion_cases" USING btree ("effective_date") WHERE outcome = 'approved' AND applied_at IS NULL;
