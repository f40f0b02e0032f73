ALTER TABLE "donations" ADD COLUMN "parent_donation_id" uuid;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "stripe_invoice_id" text;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "subscription_ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "stripe_dispute_id" text;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "dispute_status" text;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "dispute_fee_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_parent_donation_id_donations_id_fk" FOREIGN KEY ("parent_donation_id") REFERENCES "public"."donations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "donations_invoice_key" ON "donations" USING btree ("stripe_invoice_id");--> statement-breakpoint
CREATE INDEX "donations_parent_idx" ON "donations" USING btree ("parent_donation_id");