CREATE TABLE "donor_access" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donor_access_kind_known" CHECK ("donor_access"."kind" IN ('link', 'session')),
	CONSTRAINT "donor_access_email_lower_case" CHECK ("donor_access"."email" = lower("donor_access"."email"))
);
--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "cancel_requested_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "donor_access_token_hash_key" ON "donor_access" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "donor_access_expires_idx" ON "donor_access" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "ledger_transactions_refund_donation_idx" ON "ledger_transactions" USING btree (("refs"->>'donationId')) WHERE "ledger_transactions"."movement" = 'refund';--> statement-breakpoint
CREATE INDEX "ledger_transactions_unfunded_refund_idx" ON "ledger_transactions" USING btree (("refs"->>'refund')) WHERE "ledger_transactions"."movement" = 'allocation';