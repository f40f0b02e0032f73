CREATE TYPE "public"."check_in_progress" AS ENUM('on_track', 'at_risk', 'off_track');--> statement-breakpoint
ALTER TABLE "engagement_checkins" ALTER COLUMN "checked_on" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "engagement_checkins" ALTER COLUMN "on_track" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "engagement_checkins" ADD COLUMN "due_on" date;--> statement-breakpoint
ALTER TABLE "engagement_checkins" ADD COLUMN "progress" "check_in_progress";--> statement-breakpoint
ALTER TABLE "engagement_checkins" ADD COLUMN "due_reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "engagement_checkins" ADD COLUMN "overdue_reminded_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "engagement_checkins_due_idx" ON "engagement_checkins" USING btree ("due_on") WHERE "engagement_checkins"."checked_on" IS NULL;--> statement-breakpoint
ALTER TABLE "engagement_checkins" ADD CONSTRAINT "engagement_checkins_due_or_recorded" CHECK ("engagement_checkins"."due_on" IS NOT NULL OR "engagement_checkins"."checked_on" IS NOT NULL);--> statement-breakpoint
-- Check-ins recorded before progress had three steps: on track, or off track.
UPDATE "engagement_checkins" SET "progress" = CASE WHEN "on_track" THEN 'on_track'::"check_in_progress" ELSE 'off_track'::"check_in_progress" END WHERE "checked_on" IS NOT NULL AND "progress" IS NULL;
