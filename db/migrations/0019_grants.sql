CREATE TYPE "public"."disbursement_status" AS ENUM('scheduled', 'held', 'paid', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."grant_status" AS ENUM('active', 'completed', 'cancelled');--> statement-breakpoint
CREATE TABLE "grant_disbursements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grant_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"amount_minor" bigint NOT NULL,
	"status" "disbursement_status" DEFAULT 'scheduled' NOT NULL,
	"hold_reason" text,
	"paid_at" timestamp with time zone,
	"paid_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_disbursements_amount_positive" CHECK ("grant_disbursements"."amount_minor" > 0),
	CONSTRAINT "grant_disbursements_paid_at_matches" CHECK (("grant_disbursements"."status" = 'paid') = ("grant_disbursements"."paid_at" IS NOT NULL)),
	CONSTRAINT "grant_disbursements_held_has_reason" CHECK (("grant_disbursements"."status" = 'held') = ("grant_disbursements"."hold_reason" IS NOT NULL AND "grant_disbursements"."hold_reason" <> ''))
);
--> statement-breakpoint
CREATE TABLE "grant_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grant_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"title" text NOT NULL,
	"ask" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_milestones_title_not_empty" CHECK ("grant_milestones"."title" <> '')
);
--> statement-breakpoint
CREATE TABLE "grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"fund_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" "grant_status" DEFAULT 'active' NOT NULL,
	"cancel_reason" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grants_amount_positive" CHECK ("grants"."amount_minor" > 0),
	CONSTRAINT "grants_starts_before_ends" CHECK ("grants"."starts_on" <= "grants"."ends_on"),
	CONSTRAINT "grants_cancelled_has_reason" CHECK (("grants"."status" = 'cancelled') = ("grants"."cancel_reason" IS NOT NULL AND "grants"."cancel_reason" <> ''))
);
--> statement-breakpoint
ALTER TABLE "grant_disbursements" ADD CONSTRAINT "grant_disbursements_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_disbursements" ADD CONSTRAINT "grant_disbursements_paid_by_user_id_users_id_fk" FOREIGN KEY ("paid_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_milestones" ADD CONSTRAINT "grant_milestones_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grant_disbursements_grant_idx" ON "grant_disbursements" USING btree ("grant_id","due_on");--> statement-breakpoint
CREATE INDEX "grant_disbursements_due_idx" ON "grant_disbursements" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "grant_milestones_grant_idx" ON "grant_milestones" USING btree ("grant_id","due_on");--> statement-breakpoint
CREATE INDEX "grant_milestones_due_idx" ON "grant_milestones" USING btree ("due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "grants_application_key" ON "grants" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "grants_organization_idx" ON "grants" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "grants_program_idx" ON "grants" USING btree ("program_id","status");--> statement-breakpoint
CREATE INDEX "grants_fund_idx" ON "grants" USING btree ("fund_id","status");--> statement-breakpoint
-- A grant that is not cancelled is paid exactly its amount: its disbursements sum to it. Checked
-- at commit (deferred), for each grant a statement touched, so a schedule may be rewritten in one
-- transaction (delete, insert, update the award) and is judged only as it is left.
CREATE FUNCTION grant_schedule_check(checked_grant uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  awarded bigint;
  scheduled bigint;
BEGIN
  SELECT amount_minor INTO awarded FROM grants WHERE id = checked_grant AND status <> 'cancelled';
  IF NOT FOUND THEN
    RETURN; -- cancelled, or deleted with its schedule
  END IF;
  SELECT coalesce(sum(amount_minor), 0) INTO scheduled
    FROM grant_disbursements WHERE grant_id = checked_grant;
  IF scheduled <> awarded THEN
    RAISE EXCEPTION 'grant % disbursements sum to % but the award is %', checked_grant, scheduled, awarded
      USING ERRCODE = 'check_violation', CONSTRAINT = 'grant_disbursements_sum_to_award';
  END IF;
END
$$;
--> statement-breakpoint
CREATE FUNCTION grant_disbursements_sum_to_award() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM grant_schedule_check(OLD.grant_id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM grant_schedule_check(NEW.grant_id);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION grants_sum_to_award() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM grant_schedule_check(NEW.id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER grant_disbursements_sum_to_award
  AFTER INSERT OR UPDATE OR DELETE ON grant_disbursements
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION grant_disbursements_sum_to_award();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER grants_sum_to_award
  AFTER INSERT OR UPDATE OF amount_minor, status ON grants
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION grants_sum_to_award();
