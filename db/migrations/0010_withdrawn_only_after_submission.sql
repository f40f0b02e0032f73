-- Hand-written: drafts withdrawn before the fix (never submitted, never meant for the funder) go
-- back to being drafts, so that the tightened check below holds.
UPDATE "applications" SET "status" = 'draft' WHERE "status" = 'withdrawn' AND "submitted_at" IS NULL;--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_submitted_at_matches_status";--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_submitted_at_matches_status" CHECK (("applications"."status" = 'draft') = ("applications"."submitted_at" IS NULL));
