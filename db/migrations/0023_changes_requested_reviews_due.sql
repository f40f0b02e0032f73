-- An application the funder sent back for changes (issue 9). It stays past draft (submitted_at
-- keeps the first submission, so applications_submitted_at_matches_status holds) and counts in
-- application_figures under its own status: the figures' trigger groups by whatever status is not
-- a draft, so it needs no change. The value is not used in this migration (PostgreSQL forbids
-- using an enum value in the transaction that adds it).
ALTER TYPE "public"."application_status" ADD VALUE 'changes_requested' BEFORE 'awarded';--> statement-breakpoint
-- When a program's reviews are due; null: no deadline, and no review is late.
ALTER TABLE "programs" ADD COLUMN "reviews_due_at" timestamp with time zone;
