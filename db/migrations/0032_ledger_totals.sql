CREATE TABLE "ledger_account_totals" (
	"account_id" uuid NOT NULL,
	"movement" "ledger_movement" NOT NULL,
	"slot" smallint NOT NULL,
	"total_minor" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ledger_account_totals_pk" PRIMARY KEY("account_id","movement","slot")
);
--> statement-breakpoint
ALTER TABLE "ledger_account_totals" ADD CONSTRAINT "ledger_account_totals_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The running balance on each account row (migration 0020) made every gift wait on the platform's
-- processor and fees rows; running totals by account, movement and slot replace it.
DROP TRIGGER "ledger_entries_apply" ON "ledger_entries";--> statement-breakpoint
DROP FUNCTION "ledger_entries_apply"();--> statement-breakpoint
ALTER TABLE "ledger_accounts" DROP COLUMN "balance_minor";--> statement-breakpoint
-- Once per INSERT statement on ledger_entries, whatever it holds (one posting or a million-row
-- seed): every entry must be in its account's currency, and each (account, counted movement)
-- adds its sum to one slot picked by the writing transaction. Concurrent transactions mostly pick
-- different slots, so they do not queue on one row; rows are touched in key order, so two that
-- pick the same slot wait for each other instead of deadlocking.
CREATE FUNCTION ledger_entries_total() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  wrong text;
BEGIN
  SELECT e.currency INTO wrong FROM new_entries e
    JOIN ledger_accounts a ON a.id = e.account_id
    WHERE a.currency <> e.currency LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ledger entry in % on an account of another currency', wrong
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_entries_account_currency';
  END IF;
  INSERT INTO ledger_account_totals AS kept (account_id, movement, slot, total_minor)
    SELECT e.account_id, coalesce(o.movement, x.movement), (txid_current() % 16)::smallint,
           sum(e.amount_minor)
      FROM new_entries e
      JOIN ledger_transactions x ON x.id = e.transaction_id
      LEFT JOIN ledger_transactions o ON o.id = x.reverses_id
      GROUP BY 1, 2
      ORDER BY 1, 2
    ON CONFLICT (account_id, movement, slot)
      DO UPDATE SET total_minor = kept.total_minor + excluded.total_minor;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_total AFTER INSERT ON ledger_entries
  REFERENCING NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_total();
--> statement-breakpoint
-- Every (account, counted movement) whose kept total differs from the sum of its entries: none,
-- always. The reconciliation the tests, the benches and an operator run.
CREATE FUNCTION ledger_totals_drift()
RETURNS TABLE (account_id uuid, movement ledger_movement, kept bigint, entries bigint)
LANGUAGE sql STABLE AS $$
  WITH kept AS (
    SELECT t.account_id, t.movement, sum(t.total_minor)::bigint AS total
      FROM ledger_account_totals t GROUP BY 1, 2
  ), summed AS (
    SELECT e.account_id, coalesce(o.movement, x.movement) AS movement,
           sum(e.amount_minor)::bigint AS total
      FROM ledger_entries e
      JOIN ledger_transactions x ON x.id = e.transaction_id
      LEFT JOIN ledger_transactions o ON o.id = x.reverses_id
      GROUP BY 1, 2
  )
  SELECT coalesce(k.account_id, s.account_id), coalesce(k.movement, s.movement),
         coalesce(k.total, 0), coalesce(s.total, 0)
    FROM kept k FULL JOIN summed s ON s.account_id = k.account_id AND s.movement = k.movement
    WHERE coalesce(k.total, 0) <> coalesce(s.total, 0)
$$;
--> statement-breakpoint
-- The history so far, into slot 0.
INSERT INTO ledger_account_totals (account_id, movement, slot, total_minor)
  SELECT e.account_id, coalesce(o.movement, x.movement), 0, sum(e.amount_minor)
    FROM ledger_entries e
    JOIN ledger_transactions x ON x.id = e.transaction_id
    LEFT JOIN ledger_transactions o ON o.id = x.reverses_id
    GROUP BY 1, 2;
