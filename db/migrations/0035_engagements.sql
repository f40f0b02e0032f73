CREATE TYPE "public"."engagement_proposer" AS ENUM('volunteer', 'group');--> statement-breakpoint
CREATE TYPE "public"."engagement_status" AS ENUM('proposed', 'accepted', 'declined', 'expired', 'active', 'completed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."volunteer_hours_status" AS ENUM('logged', 'verified', 'questioned');--> statement-breakpoint
CREATE TABLE "engagement_checkins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"checked_on" date NOT NULL,
	"on_track" boolean NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"side" "engagement_proposer" NOT NULL,
	"stars" smallint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engagement_ratings_stars" CHECK ("engagement_ratings"."stars" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "in_kind_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"skill" text,
	"rate_minor" integer NOT NULL,
	"currency" text DEFAULT 'usd' NOT NULL,
	"year" smallint NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "in_kind_rates_positive" CHECK ("in_kind_rates"."rate_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "volunteer_engagements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"proposed_by" "engagement_proposer" NOT NULL,
	"proposed_by_user_id" uuid,
	"message" text DEFAULT '' NOT NULL,
	"status" "engagement_status" DEFAULT 'proposed' NOT NULL,
	"respond_by" timestamp with time zone DEFAULT now() + interval '5 days' NOT NULL,
	"response_message" text DEFAULT '' NOT NULL,
	"responded_by_user_id" uuid,
	"responded_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"cancel_reason" text,
	"handoff_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_engagements_completed_has_handoff" CHECK ("volunteer_engagements"."status" <> 'completed' OR "volunteer_engagements"."handoff_note" IS NOT NULL),
	CONSTRAINT "volunteer_engagements_cancelled_has_reason" CHECK ("volunteer_engagements"."status" <> 'cancelled' OR "volunteer_engagements"."cancel_reason" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "volunteer_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"worked_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" "volunteer_hours_status" DEFAULT 'logged' NOT NULL,
	"question_note" text,
	"verified_by_user_id" uuid,
	"logged_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_hours_minutes_range" CHECK ("volunteer_hours"."minutes" BETWEEN 1 AND 1440)
);
--> statement-breakpoint
ALTER TABLE "engagement_checkins" ADD CONSTRAINT "engagement_checkins_engagement_id_volunteer_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."volunteer_engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_checkins" ADD CONSTRAINT "engagement_checkins_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_ratings" ADD CONSTRAINT "engagement_ratings_engagement_id_volunteer_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."volunteer_engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_ratings" ADD CONSTRAINT "engagement_ratings_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_engagements" ADD CONSTRAINT "volunteer_engagements_request_id_volunteer_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."volunteer_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_engagements" ADD CONSTRAINT "volunteer_engagements_profile_id_volunteer_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."volunteer_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_engagements" ADD CONSTRAINT "volunteer_engagements_proposed_by_user_id_users_id_fk" FOREIGN KEY ("proposed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_engagements" ADD CONSTRAINT "volunteer_engagements_responded_by_user_id_users_id_fk" FOREIGN KEY ("responded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_engagement_id_volunteer_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."volunteer_engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_verified_by_user_id_users_id_fk" FOREIGN KEY ("verified_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_logged_by_user_id_users_id_fk" FOREIGN KEY ("logged_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "engagement_checkins_engagement_idx" ON "engagement_checkins" USING btree ("engagement_id","checked_on");--> statement-breakpoint
CREATE UNIQUE INDEX "engagement_ratings_side_key" ON "engagement_ratings" USING btree ("engagement_id","side");--> statement-breakpoint
CREATE UNIQUE INDEX "in_kind_rates_skill_year_key" ON "in_kind_rates" USING btree (coalesce("skill", ''),"year","currency");--> statement-breakpoint
CREATE INDEX "volunteer_engagements_request_idx" ON "volunteer_engagements" USING btree ("request_id","status");--> statement-breakpoint
CREATE INDEX "volunteer_engagements_profile_idx" ON "volunteer_engagements" USING btree ("profile_id","status");--> statement-breakpoint
CREATE INDEX "volunteer_engagements_respond_by_idx" ON "volunteer_engagements" USING btree ("respond_by") WHERE "volunteer_engagements"."status" = 'proposed';--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_engagements_open_key" ON "volunteer_engagements" USING btree ("request_id","profile_id") WHERE "volunteer_engagements"."status" IN ('proposed', 'accepted', 'active');--> statement-breakpoint
CREATE INDEX "volunteer_hours_engagement_idx" ON "volunteer_hours" USING btree ("engagement_id","worked_on");--> statement-breakpoint
-- The rates the reference (docs: ../shared/reference/volunteers.md) could check in its sources: the
-- Independent Sector value of a volunteer hour for 2022 data, and Taproot's pro bono hourly value
-- for skilled professional work. Admins add newer years; in-kind value reads the latest year.
INSERT INTO "in_kind_rates" ("skill", "rate_minor", "currency", "year", "source") VALUES
  (NULL, 3180, 'usd', 2022, 'Independent Sector, value of volunteer time, 2022 data (via Giving Compass)'),
  ('legal', 12000, 'usd', 2013, 'Taproot Foundation, pro bono hourly value (Net Impact, 2013)'),
  ('finance', 12000, 'usd', 2013, 'Taproot Foundation, pro bono hourly value (Net Impact, 2013)'),
  ('it', 12000, 'usd', 2013, 'Taproot Foundation, pro bono hourly value (Net Impact, 2013)'),
  ('strategic_planning', 12000, 'usd', 2013, 'Taproot Foundation, pro bono hourly value (Net Impact, 2013)'),
  ('marketing', 12000, 'usd', 2013, 'Taproot Foundation, pro bono hourly value (Net Impact, 2013)');
