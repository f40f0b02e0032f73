DROP INDEX "in_kind_rates_skill_year_key";--> statement-breakpoint
ALTER TABLE "in_kind_rates" ADD COLUMN "created_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "in_kind_rates" ADD CONSTRAINT "in_kind_rates_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "in_kind_rates_skill_year_idx" ON "in_kind_rates" USING btree (coalesce("skill", ''),"year","created_at");