CREATE TYPE "public"."grant_report_status" AS ENUM('submitted', 'accepted', 'changes_requested');--> statement-breakpoint
CREATE TABLE "grant_report_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"milestone_id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"body" text NOT NULL,
	"figures" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "grant_report_status" DEFAULT 'submitted' NOT NULL,
	"submitted_by_user_id" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by_user_id" uuid,
	"reviewed_at" timestamp with time zone,
	"review_message" text,
	CONSTRAINT "grant_reports_body_not_empty" CHECK ("grant_reports"."body" <> ''),
	CONSTRAINT "grant_reports_reviewed_matches" CHECK (("grant_reports"."status" = 'submitted') = ("grant_reports"."reviewed_at" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "grant_milestones" ADD COLUMN "due_soon_reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "grant_milestones" ADD COLUMN "overdue_reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "grant_report_files" ADD CONSTRAINT "grant_report_files_report_id_grant_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."grant_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_report_files" ADD CONSTRAINT "grant_report_files_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_reports" ADD CONSTRAINT "grant_reports_milestone_id_grant_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."grant_milestones"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_reports" ADD CONSTRAINT "grant_reports_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_reports" ADD CONSTRAINT "grant_reports_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_reports" ADD CONSTRAINT "grant_reports_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grant_report_files_report_idx" ON "grant_report_files" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "grant_reports_milestone_idx" ON "grant_reports" USING btree ("milestone_id","submitted_at");--> statement-breakpoint
CREATE INDEX "grant_reports_grant_idx" ON "grant_reports" USING btree ("grant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_reports_one_pending" ON "grant_reports" USING btree ("milestone_id") WHERE status = 'submitted';