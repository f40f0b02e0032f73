ALTER TABLE "funds" ADD COLUMN "goal_minor" bigint;--> statement-breakpoint
ALTER TABLE "funds" ADD CONSTRAINT "funds_goal_positive" CHECK ("funds"."goal_minor" > 0);