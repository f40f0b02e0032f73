CREATE TABLE "match_weight_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"weights" jsonb NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "match_weight_settings_one_row" CHECK ("match_weight_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "volunteer_data_agreements" (
	"profile_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_data_agreements_profile_id_request_id_pk" PRIMARY KEY("profile_id","request_id")
);
--> statement-breakpoint
ALTER TABLE "match_weight_settings" ADD CONSTRAINT "match_weight_settings_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_data_agreements" ADD CONSTRAINT "volunteer_data_agreements_profile_id_volunteer_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."volunteer_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_data_agreements" ADD CONSTRAINT "volunteer_data_agreements_request_id_volunteer_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."volunteer_requests"("id") ON DELETE cascade ON UPDATE no action;