CREATE TYPE "public"."donation_interval" AS ENUM('one_time', 'month');--> statement-breakpoint
CREATE TYPE "public"."donation_status" AS ENUM('pending', 'processing', 'succeeded', 'failed', 'expired', 'refunded', 'disputed');--> statement-breakpoint
CREATE TABLE "donations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"program_id" uuid,
	"grant_id" uuid,
	"amount_minor" bigint NOT NULL,
	"fee_covered_minor" bigint DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"interval" "donation_interval" DEFAULT 'one_time' NOT NULL,
	"status" "donation_status" DEFAULT 'pending' NOT NULL,
	"donor_name" text NOT NULL,
	"donor_email" text NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"tribute_kind" text,
	"tribute_name" text,
	"tribute_notify_email" text,
	"stripe_checkout_session_id" text,
	"stripe_payment_intent_id" text,
	"stripe_charge_id" text,
	"stripe_subscription_id" text,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	"processor_fee_minor" bigint,
	"settled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donations_amount_positive" CHECK ("donations"."amount_minor" > 0),
	CONSTRAINT "donations_fee_covered_not_negative" CHECK ("donations"."fee_covered_minor" >= 0),
	CONSTRAINT "donations_refund_within_charge" CHECK ("donations"."refunded_minor" >= 0 AND "donations"."refunded_minor" <= "donations"."amount_minor" + "donations"."fee_covered_minor"),
	CONSTRAINT "donations_currency_code" CHECK ("donations"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "donations_tribute_kind_known" CHECK ("donations"."tribute_kind" IS NULL OR "donations"."tribute_kind" IN ('honour', 'memory')),
	CONSTRAINT "donations_settled_at_matches" CHECK (("donations"."settled_at" IS NOT NULL) = ("donations"."status" IN ('succeeded', 'refunded', 'disputed')))
);
--> statement-breakpoint
CREATE TABLE "stripe_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"donation_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_events" ADD CONSTRAINT "stripe_events_donation_id_donations_id_fk" FOREIGN KEY ("donation_id") REFERENCES "public"."donations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "donations_checkout_session_key" ON "donations" USING btree ("stripe_checkout_session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "donations_payment_intent_key" ON "donations" USING btree ("stripe_payment_intent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "donations_charge_key" ON "donations" USING btree ("stripe_charge_id");--> statement-breakpoint
CREATE INDEX "donations_subscription_idx" ON "donations" USING btree ("stripe_subscription_id");--> statement-breakpoint
CREATE INDEX "donations_fund_idx" ON "donations" USING btree ("fund_id","status","created_at");--> statement-breakpoint
CREATE INDEX "donations_grant_idx" ON "donations" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "donations_donor_email_idx" ON "donations" USING btree (lower("donor_email"),"created_at");--> statement-breakpoint
CREATE INDEX "donations_status_idx" ON "donations" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "stripe_events_donation_idx" ON "stripe_events" USING btree ("donation_id");--> statement-breakpoint
CREATE INDEX "stripe_events_failed_idx" ON "stripe_events" USING btree ("received_at") WHERE "stripe_events"."error" IS NOT NULL;