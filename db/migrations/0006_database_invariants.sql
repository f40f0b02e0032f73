-- Hand-written (the rest is generated): rows older code could leave behind that the new
-- constraints refuse. A session pointing at a deleted organisation shows none; a skill request
-- saved without hours (stored as 0) asked nothing of a volunteer.
UPDATE "sessions" SET "current_organization_id" = NULL WHERE "current_organization_id" NOT IN (SELECT "id" FROM "organizations");--> statement-breakpoint
DELETE FROM "skill_requests" WHERE "hours" <= 0;--> statement-breakpoint
DROP INDEX "program_questions_program_idx";--> statement-breakpoint
DROP INDEX "rubric_criteria_program_idx";--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_current_organization_id_organizations_id_fk" FOREIGN KEY ("current_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "program_questions_program_position_key" ON "program_questions" USING btree ("program_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "rubric_criteria_program_position_key" ON "rubric_criteria" USING btree ("program_id","position");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_email_lower_case" CHECK ("users"."email" = lower("users"."email"));--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_svi_range" CHECK ("places"."svi" BETWEEN 0 AND 1 AND "places"."svi_socioeconomic" BETWEEN 0 AND 1 AND "places"."svi_household" BETWEEN 0 AND 1 AND "places"."svi_minority_language" BETWEEN 0 AND 1 AND "places"."svi_housing_transport" BETWEEN 0 AND 1);--> statement-breakpoint
ALTER TABLE "funds" ADD CONSTRAINT "funds_currency_known" CHECK ("funds"."currency" IN ('USD', 'CAD', 'EUR', 'GBP', 'MXN'));--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_opens_before_closes" CHECK ("programs"."opens_at" < "programs"."closes_at");--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_amount_nonnegative" CHECK ("applications"."amount_requested_minor" >= 0);--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_vulnerability_range" CHECK ("applications"."place_vulnerability" BETWEEN 0 AND 1);--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_submitted_at_matches_status" CHECK (CASE "applications"."status" WHEN 'draft' THEN "applications"."submitted_at" IS NULL WHEN 'withdrawn' THEN true ELSE "applications"."submitted_at" IS NOT NULL END);--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_amount_nonnegative" CHECK ("budget_lines"."amount_minor" >= 0);--> statement-breakpoint
ALTER TABLE "skill_requests" ADD CONSTRAINT "skill_requests_hours_positive" CHECK ("skill_requests"."hours" > 0);--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_email_lower_case" CHECK ("invitations"."email" = lower("invitations"."email"));