CREATE TYPE "public"."travel_area" AS ENUM('same_county', 'same_state');--> statement-breakpoint
CREATE TABLE "volunteer_request_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"start_minute" smallint NOT NULL,
	"end_minute" smallint NOT NULL,
	CONSTRAINT "volunteer_request_hours_weekday" CHECK ("volunteer_request_hours"."weekday" BETWEEN 0 AND 6),
	CONSTRAINT "volunteer_request_hours_window" CHECK ("volunteer_request_hours"."start_minute" >= 0 AND "volunteer_request_hours"."start_minute" < "volunteer_request_hours"."end_minute" AND "volunteer_request_hours"."end_minute" <= 1440)
);
--> statement-breakpoint
ALTER TABLE "volunteer_profiles" ADD COLUMN "travel_area" "travel_area" DEFAULT 'same_county' NOT NULL;--> statement-breakpoint
ALTER TABLE "volunteer_requests" ADD COLUMN "preferred_languages" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "volunteer_requests" ADD COLUMN "time_zone" text DEFAULT 'America/New_York' NOT NULL;--> statement-breakpoint
ALTER TABLE "volunteer_request_hours" ADD CONSTRAINT "volunteer_request_hours_request_id_volunteer_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."volunteer_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "volunteer_request_hours_request_idx" ON "volunteer_request_hours" USING btree ("request_id","weekday");--> statement-breakpoint
CREATE INDEX "volunteer_profiles_travel_place_idx" ON "volunteer_profiles" USING btree ("travel_area","place_fips");--> statement-breakpoint
ALTER TABLE "volunteer_requests" ADD CONSTRAINT "volunteer_requests_preferred_language_codes" CHECK (array_to_string("volunteer_requests"."preferred_languages", ',') ~ '^([a-z]{2}(,|$))*$');