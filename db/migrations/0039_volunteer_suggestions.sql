CREATE TYPE "public"."volunteer_suggestion_run_phase" AS ENUM('candidates', 'solving', 'storing');--> statement-breakpoint
CREATE TYPE "public"."volunteer_suggestion_run_status" AS ENUM('queued', 'running', 'finished', 'failed');--> statement-breakpoint
CREATE TABLE "volunteer_suggestion_pool" (
	"profile_id" uuid NOT NULL,
	"skill" text NOT NULL,
	"level" "skill_level" NOT NULL,
	"languages" text[] NOT NULL,
	"work_mode" "work_mode" NOT NULL,
	"place_fips" text,
	"travel_area" "travel_area" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_suggestion_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" "volunteer_suggestion_run_status" DEFAULT 'queued' NOT NULL,
	"phase" "volunteer_suggestion_run_phase",
	"started_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"open_requests" integer DEFAULT 0 NOT NULL,
	"requests_done" integer DEFAULT 0 NOT NULL,
	"candidate_pairs" integer DEFAULT 0 NOT NULL,
	"suggestible_requests" integer DEFAULT 0 NOT NULL,
	"covered_requests" integer DEFAULT 0 NOT NULL,
	"suggestions" integer DEFAULT 0 NOT NULL,
	"objective" double precision,
	"error" text,
	CONSTRAINT "volunteer_suggestion_runs_finished_at" CHECK (("volunteer_suggestion_runs"."status" IN ('finished', 'failed')) = ("volunteer_suggestion_runs"."finished_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "volunteer_suggestions" (
	"run_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"fit" double precision NOT NULL,
	"score" double precision NOT NULL,
	"reasons" jsonb NOT NULL,
	CONSTRAINT "volunteer_suggestions_run_id_request_id_profile_id_pk" PRIMARY KEY("run_id","request_id","profile_id")
);
--> statement-breakpoint
ALTER TABLE "volunteer_suggestion_runs" ADD CONSTRAINT "volunteer_suggestion_runs_started_by_user_id_users_id_fk" FOREIGN KEY ("started_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_suggestions" ADD CONSTRAINT "volunteer_suggestions_run_id_volunteer_suggestion_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."volunteer_suggestion_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_suggestions" ADD CONSTRAINT "volunteer_suggestions_request_id_volunteer_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."volunteer_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_suggestions" ADD CONSTRAINT "volunteer_suggestions_profile_id_volunteer_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."volunteer_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "volunteer_suggestion_pool_skill_idx" ON "volunteer_suggestion_pool" USING btree ("skill","level","profile_id");--> statement-breakpoint
CREATE INDEX "volunteer_suggestion_pool_place_idx" ON "volunteer_suggestion_pool" USING btree ("skill","place_fips","level","profile_id");--> statement-breakpoint
CREATE INDEX "volunteer_suggestion_runs_finished_idx" ON "volunteer_suggestion_runs" USING btree ("status","finished_at");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_suggestion_runs_one_live" ON "volunteer_suggestion_runs" USING btree (("status" IN ('queued', 'running'))) WHERE "volunteer_suggestion_runs"."status" IN ('queued', 'running');--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_suggestions_one_per_volunteer" ON "volunteer_suggestions" USING btree ("run_id","profile_id");--> statement-breakpoint
-- Hand-written: the batch refills this table at every run; it need not survive a crash.
ALTER TABLE "volunteer_suggestion_pool" SET UNLOGGED;
