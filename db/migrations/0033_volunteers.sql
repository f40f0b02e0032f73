CREATE TYPE "public"."skill_level" AS ENUM('some', 'experienced', 'expert');--> statement-breakpoint
CREATE TYPE "public"."volunteer_request_status" AS ENUM('draft', 'open', 'matched', 'closed', 'expired');--> statement-breakpoint
CREATE TABLE "volunteer_availability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"profile_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"start_minute" smallint NOT NULL,
	"end_minute" smallint NOT NULL,
	CONSTRAINT "volunteer_availability_weekday" CHECK ("volunteer_availability"."weekday" BETWEEN 0 AND 6),
	CONSTRAINT "volunteer_availability_window" CHECK ("volunteer_availability"."start_minute" >= 0 AND "volunteer_availability"."start_minute" < "volunteer_availability"."end_minute" AND "volunteer_availability"."end_minute" <= 1440)
);
--> statement-breakpoint
CREATE TABLE "volunteer_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"headline" text NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"time_zone" text NOT NULL,
	"place_fips" text,
	"work_mode" "work_mode" DEFAULT 'either' NOT NULL,
	"hours_per_month" integer NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_profiles_hours_range" CHECK ("volunteer_profiles"."hours_per_month" BETWEEN 1 AND 200),
	CONSTRAINT "volunteer_profiles_language_codes" CHECK (array_to_string("volunteer_profiles"."languages", ',') ~ '^([a-z]{2}(,|$))*$')
);
--> statement-breakpoint
CREATE TABLE "volunteer_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"application_id" uuid,
	"skill_request_id" uuid,
	"project_type" text,
	"skill" text NOT NULL,
	"min_level" "skill_level" DEFAULT 'some' NOT NULL,
	"title" text NOT NULL,
	"goal" text DEFAULT '' NOT NULL,
	"deliverable" text DEFAULT '' NOT NULL,
	"out_of_scope" text DEFAULT '' NOT NULL,
	"hours" integer NOT NULL,
	"point_person_user_id" uuid,
	"deadline" date,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"work_mode" "work_mode" DEFAULT 'either' NOT NULL,
	"place_fips" text,
	"touches_personal_data" boolean DEFAULT false NOT NULL,
	"vulnerable_in_person" boolean DEFAULT false NOT NULL,
	"background_check_required" boolean DEFAULT false NOT NULL,
	"status" "volunteer_request_status" DEFAULT 'draft' NOT NULL,
	"opened_at" timestamp with time zone,
	"revise_prompted_at" timestamp with time zone,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_requests_hours_range" CHECK ("volunteer_requests"."hours" BETWEEN 1 AND 2000),
	CONSTRAINT "volunteer_requests_not_other_from_catalogue" CHECK ("volunteer_requests"."project_type" IS NULL OR "volunteer_requests"."skill" <> 'other'),
	CONSTRAINT "volunteer_requests_language_codes" CHECK (array_to_string("volunteer_requests"."languages", ',') ~ '^([a-z]{2}(,|$))*$'),
	CONSTRAINT "volunteer_requests_opened_matches_status" CHECK (("volunteer_requests"."status" <> 'draft' OR "volunteer_requests"."opened_at" IS NULL) AND ("volunteer_requests"."status" NOT IN ('open', 'matched', 'expired') OR "volunteer_requests"."opened_at" IS NOT NULL)),
	CONSTRAINT "volunteer_requests_background_check_in_person" CHECK (NOT "volunteer_requests"."background_check_required" OR "volunteer_requests"."vulnerable_in_person")
);
--> statement-breakpoint
CREATE TABLE "volunteer_skills" (
	"profile_id" uuid NOT NULL,
	"skill" text NOT NULL,
	"level" "skill_level" NOT NULL,
	CONSTRAINT "volunteer_skills_profile_id_skill_pk" PRIMARY KEY("profile_id","skill"),
	CONSTRAINT "volunteer_skills_named" CHECK ("volunteer_skills"."skill" <> 'other')
);
--> statement-breakpoint
ALTER TABLE "volunteer_availability" ADD CONSTRAINT "volunteer_availability_profile_id_volunteer_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."volunteer_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_profiles" ADD CONSTRAINT "volunteer_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_profiles" ADD CONSTRAINT "volunteer_profiles_place_fips_places_fips_fk" FOREIGN KEY ("place_fips") REFERENCES "public"."places"("fips") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_requests" ADD CONSTRAINT "volunteer_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_requests" ADD CONSTRAINT "volunteer_requests_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_requests" ADD CONSTRAINT "volunteer_requests_skill_request_id_skill_requests_id_fk" FOREIGN KEY ("skill_request_id") REFERENCES "public"."skill_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_requests" ADD CONSTRAINT "volunteer_requests_point_person_user_id_users_id_fk" FOREIGN KEY ("point_person_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_requests" ADD CONSTRAINT "volunteer_requests_place_fips_places_fips_fk" FOREIGN KEY ("place_fips") REFERENCES "public"."places"("fips") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_requests" ADD CONSTRAINT "volunteer_requests_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_skills" ADD CONSTRAINT "volunteer_skills_profile_id_volunteer_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."volunteer_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "volunteer_availability_profile_idx" ON "volunteer_availability" USING btree ("profile_id","weekday");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_profiles_user_key" ON "volunteer_profiles" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "volunteer_profiles_languages_idx" ON "volunteer_profiles" USING gin ("languages");--> statement-breakpoint
CREATE INDEX "volunteer_profiles_place_idx" ON "volunteer_profiles" USING btree ("place_fips");--> statement-breakpoint
CREATE INDEX "volunteer_requests_org_idx" ON "volunteer_requests" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "volunteer_requests_status_skill_idx" ON "volunteer_requests" USING btree ("status","skill");--> statement-breakpoint
CREATE INDEX "volunteer_requests_status_opened_idx" ON "volunteer_requests" USING btree ("status","opened_at");--> statement-breakpoint
CREATE INDEX "volunteer_requests_languages_idx" ON "volunteer_requests" USING gin ("languages");--> statement-breakpoint
CREATE INDEX "volunteer_requests_place_idx" ON "volunteer_requests" USING btree ("place_fips");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_requests_skill_request_key" ON "volunteer_requests" USING btree ("skill_request_id") WHERE "volunteer_requests"."skill_request_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "volunteer_skills_skill_level_idx" ON "volunteer_skills" USING btree ("skill","level");