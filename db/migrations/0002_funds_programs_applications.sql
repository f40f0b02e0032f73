CREATE TYPE "public"."fund_visibility" AS ENUM('public', 'private');--> statement-breakpoint
CREATE TYPE "public"."program_status" AS ENUM('draft', 'open', 'closed', 'in_review', 'decided');--> statement-breakpoint
CREATE TYPE "public"."question_kind" AS ENUM('short_text', 'long_text', 'single_choice', 'multi_choice', 'number', 'yes_no', 'file');--> statement-breakpoint
CREATE TYPE "public"."application_status" AS ENUM('draft', 'submitted', 'in_review', 'awarded', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."work_mode" AS ENUM('remote', 'on_site', 'either');--> statement-breakpoint
CREATE TABLE "places" (
	"fips" text PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"county" text NOT NULL,
	"svi" double precision NOT NULL,
	"svi_socioeconomic" double precision NOT NULL,
	"svi_household" double precision NOT NULL,
	"svi_minority_language" double precision NOT NULL,
	"svi_housing_transport" double precision NOT NULL,
	"population" integer NOT NULL,
	"data_year" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"visibility" "fund_visibility" DEFAULT 'public' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "question_kind" NOT NULL,
	"label" text NOT NULL,
	"help_text" text DEFAULT '' NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"options" text[] DEFAULT '{}'::text[] NOT NULL,
	"word_limit" integer
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"eligibility" text DEFAULT '' NOT NULL,
	"place_served" text DEFAULT '' NOT NULL,
	"eligible_states" text[] DEFAULT '{}'::text[] NOT NULL,
	"eligible_county_fips" text[] DEFAULT '{}'::text[] NOT NULL,
	"sdoh_domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "program_status" DEFAULT 'draft' NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"time_zone" text DEFAULT 'America/New_York' NOT NULL,
	"budget_minor" bigint DEFAULT 0 NOT NULL,
	"min_award_minor" bigint DEFAULT 0 NOT NULL,
	"max_award_minor" bigint DEFAULT 0 NOT NULL,
	"allow_skill_requests" boolean DEFAULT true NOT NULL,
	"reviewers_per_application" integer DEFAULT 3 NOT NULL,
	"blind_review" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_award_range" CHECK ("programs"."min_award_minor" <= "programs"."max_award_minor"),
	CONSTRAINT "programs_amounts_nonnegative" CHECK ("programs"."min_award_minor" >= 0 AND "programs"."budget_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rubric_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"weight" integer NOT NULL,
	"max_score" integer NOT NULL,
	"levels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_equity" boolean DEFAULT false NOT NULL,
	CONSTRAINT "rubric_weight_range" CHECK ("rubric_criteria"."weight" BETWEEN 0 AND 100),
	CONSTRAINT "rubric_max_score_range" CHECK ("rubric_criteria"."max_score" BETWEEN 1 AND 100)
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"from_status" "application_status",
	"to_status" "application_status" NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_places" (
	"application_id" uuid NOT NULL,
	"fips" text NOT NULL,
	CONSTRAINT "application_places_application_id_fips_pk" PRIMARY KEY("application_id","fips")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"status" "application_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"leadership" text DEFAULT '' NOT NULL,
	"led_by_lived_experience" text DEFAULT '' NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"community_served" text DEFAULT '' NOT NULL,
	"places_outside_us" text DEFAULT '' NOT NULL,
	"place_vulnerability" double precision,
	"place_vulnerability_year" integer,
	"title" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"sdoh_domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"amount_requested_minor" bigint,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by_user_id" uuid,
	"updated_by_user_id" uuid,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"question_id" uuid,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"amount_minor" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skill_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"skill" text NOT NULL,
	"hours" integer NOT NULL,
	"work_mode" "work_mode" NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "funds" ADD CONSTRAINT "funds_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_questions" ADD CONSTRAINT "program_questions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubric_criteria" ADD CONSTRAINT "rubric_criteria_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_places" ADD CONSTRAINT "application_places_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_places" ADD CONSTRAINT "application_places_fips_places_fips_fk" FOREIGN KEY ("fips") REFERENCES "public"."places"("fips") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_question_id_program_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."program_questions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_requests" ADD CONSTRAINT "skill_requests_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "places_state_county_idx" ON "places" USING btree ("state","county");--> statement-breakpoint
CREATE UNIQUE INDEX "funds_slug_key" ON "funds" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "funds_organization_idx" ON "funds" USING btree ("organization_id","name");--> statement-breakpoint
CREATE INDEX "program_questions_program_idx" ON "program_questions" USING btree ("program_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "programs_slug_key" ON "programs" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "programs_fund_idx" ON "programs" USING btree ("fund_id");--> statement-breakpoint
CREATE INDEX "programs_status_closes_idx" ON "programs" USING btree ("status","closes_at");--> statement-breakpoint
CREATE INDEX "rubric_criteria_program_idx" ON "rubric_criteria" USING btree ("program_id","position");--> statement-breakpoint
CREATE INDEX "application_events_application_idx" ON "application_events" USING btree ("application_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_program_org_key" ON "applications" USING btree ("program_id","organization_id");--> statement-breakpoint
CREATE INDEX "applications_org_idx" ON "applications" USING btree ("organization_id","updated_at");--> statement-breakpoint
CREATE INDEX "applications_program_status_idx" ON "applications" USING btree ("program_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "applications_sdoh_idx" ON "applications" USING gin ("sdoh_domains");--> statement-breakpoint
CREATE INDEX "attachments_application_idx" ON "attachments" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "budget_lines_application_idx" ON "budget_lines" USING btree ("application_id","position");--> statement-breakpoint
CREATE INDEX "skill_requests_application_idx" ON "skill_requests" USING btree ("application_id","position");--> statement-breakpoint
CREATE INDEX "skill_requests_skill_idx" ON "skill_requests" USING btree ("skill");