CREATE TYPE "public"."decision_outcome" AS ENUM('award', 'decline');--> statement-breakpoint
CREATE TABLE "application_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"outcome" "decision_outcome" NOT NULL,
	"amount_minor" bigint,
	"feedback" text DEFAULT '' NOT NULL,
	"shared_comments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_decisions_amount_matches_outcome" CHECK (CASE "application_decisions"."outcome" WHEN 'award' THEN "application_decisions"."amount_minor" > 0 ELSE "application_decisions"."amount_minor" IS NULL END),
	CONSTRAINT "application_decisions_decline_has_feedback" CHECK ("application_decisions"."outcome" = 'award' OR "application_decisions"."feedback" <> '')
);
--> statement-breakpoint
CREATE TABLE "consensus_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"original" double precision NOT NULL,
	"override" double precision,
	"reason" text DEFAULT '' NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consensus_scores_override_has_reason" CHECK ("consensus_scores"."override" IS NULL OR "consensus_scores"."reason" <> ''),
	CONSTRAINT "consensus_scores_on_scale" CHECK ("consensus_scores"."original" BETWEEN 0 AND 100 AND ("consensus_scores"."override" IS NULL OR "consensus_scores"."override" BETWEEN 0 AND 100))
);
--> statement-breakpoint
ALTER TABLE "application_decisions" ADD CONSTRAINT "application_decisions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_decisions" ADD CONSTRAINT "application_decisions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_decisions" ADD CONSTRAINT "application_decisions_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consensus_scores" ADD CONSTRAINT "consensus_scores_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consensus_scores" ADD CONSTRAINT "consensus_scores_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "application_decisions_application_key" ON "application_decisions" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "application_decisions_program_idx" ON "application_decisions" USING btree ("program_id","outcome");--> statement-breakpoint
CREATE UNIQUE INDEX "consensus_scores_application_key" ON "consensus_scores" USING btree ("application_id");