CREATE TYPE "public"."guardrail_flag" AS ENUM('most_vulnerable_place', 'small_budget', 'community_led');--> statement-breakpoint
CREATE TABLE "program_guardrails" (
	"program_id" uuid NOT NULL,
	"flag" "guardrail_flag" NOT NULL,
	"min_basis_points" integer NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_guardrails_program_id_flag_pk" PRIMARY KEY("program_id","flag"),
	CONSTRAINT "program_guardrails_share_range" CHECK ("program_guardrails"."min_basis_points" BETWEEN 0 AND 10000)
);
--> statement-breakpoint
CREATE TABLE "proposed_amounts" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"program_id" uuid NOT NULL,
	"proposed_amount_minor" bigint NOT NULL,
	"set_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposed_amounts_positive" CHECK ("proposed_amounts"."proposed_amount_minor" > 0)
);
--> statement-breakpoint
ALTER TABLE "program_guardrails" ADD CONSTRAINT "program_guardrails_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_guardrails" ADD CONSTRAINT "program_guardrails_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposed_amounts" ADD CONSTRAINT "proposed_amounts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposed_amounts" ADD CONSTRAINT "proposed_amounts_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposed_amounts" ADD CONSTRAINT "proposed_amounts_set_by_user_id_users_id_fk" FOREIGN KEY ("set_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proposed_amounts_program_idx" ON "proposed_amounts" USING btree ("program_id");