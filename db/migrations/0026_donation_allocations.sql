CREATE TABLE "donation_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"donation_id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"ledger_transaction_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donation_allocations_amount_positive" CHECK ("donation_allocations"."amount_minor" > 0)
);
--> statement-breakpoint
ALTER TABLE "donation_allocations" ADD CONSTRAINT "donation_allocations_donation_id_donations_id_fk" FOREIGN KEY ("donation_id") REFERENCES "public"."donations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donation_allocations" ADD CONSTRAINT "donation_allocations_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donation_allocations" ADD CONSTRAINT "donation_allocations_ledger_transaction_id_ledger_transactions_id_fk" FOREIGN KEY ("ledger_transaction_id") REFERENCES "public"."ledger_transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "donation_allocations_donation_idx" ON "donation_allocations" USING btree ("donation_id","created_at");--> statement-breakpoint
CREATE INDEX "donation_allocations_grant_idx" ON "donation_allocations" USING btree ("grant_id","created_at");--> statement-breakpoint
CREATE INDEX "donation_allocations_transaction_idx" ON "donation_allocations" USING btree ("ledger_transaction_id");