CREATE TABLE "application_figures" (
	"program_id" uuid NOT NULL,
	"status" "application_status" NOT NULL,
	"band" smallint,
	"sdoh_domains" text[] NOT NULL,
	"applications" integer NOT NULL,
	"requested_minor" bigint NOT NULL,
	CONSTRAINT "application_figures_group_key" UNIQUE NULLS NOT DISTINCT("program_id","status","band","sdoh_domains"),
	CONSTRAINT "application_figures_not_draft" CHECK ("application_figures"."status" <> 'draft')
);
--> statement-breakpoint
ALTER TABLE "application_figures" ADD CONSTRAINT "application_figures_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The funder's figures kept by the database (docs/decisions/013-throughput.md, round six): every
-- write to applications that changes what a submitted application counts under adjusts its
-- group's row in the same transaction, whichever code or SQL made it. Drafts never count.
-- The band is the quarter of the SVI percentile, as VULNERABILITY_BANDS has it (4 quarters; the
-- top one takes 1), null when there is no SVI: least() alone would turn a null into 3.
CREATE FUNCTION application_figures_band(vulnerability double precision) RETURNS smallint
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN vulnerability IS NOT NULL THEN least(floor(vulnerability * 4), 3)::smallint END
$$;
--> statement-breakpoint
-- One statement's changes at once (transition tables), netted per group and applied in the
-- groups' key order. An update that moves nothing between groups (a title, a draft's save) takes
-- no lock here; a statement locks groups' rows only after all its applications, and in one order,
-- so one-statement writers (a submission, a withdrawal, a program's move into review, which
-- updates all its submitted applications at once) cannot deadlock on them.
CREATE FUNCTION applications_keep_figures() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  -- One side of the change: the rows a statement took out of their groups (old_rows, counted
  -- negative) or put into them (new_rows). Which transition tables a trigger has depends on
  -- its event, so the query is put together for it.
  side constant text := 'SELECT program_id, status, application_figures_band(place_vulnerability) AS band,
      sdoh_domains, %s AS n, %s coalesce(amount_requested_minor, 0) AS requested
    FROM %I WHERE status <> ''draft''';
  removed constant text := format(side, -1, '-', 'old_rows');
  added constant text := format(side, 1, '', 'new_rows');
BEGIN
  EXECUTE format('
    INSERT INTO application_figures AS f
      (program_id, status, band, sdoh_domains, applications, requested_minor)
    SELECT program_id, status, band, sdoh_domains, sum(n)::int, sum(requested)::bigint
    FROM (%s) AS changes
    GROUP BY program_id, status, band, sdoh_domains
    HAVING sum(n) <> 0 OR sum(requested) <> 0
    ORDER BY program_id, status, band, sdoh_domains
    ON CONFLICT ON CONSTRAINT application_figures_group_key DO UPDATE
      SET applications = f.applications + excluded.applications,
          requested_minor = f.requested_minor + excluded.requested_minor',
    CASE TG_OP
      WHEN 'INSERT' THEN added
      WHEN 'DELETE' THEN removed
      ELSE removed || ' UNION ALL ' || added
    END);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER applications_keep_figures_insert
  AFTER INSERT ON applications REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION applications_keep_figures();
--> statement-breakpoint
CREATE TRIGGER applications_keep_figures_update
  AFTER UPDATE ON applications REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION applications_keep_figures();
--> statement-breakpoint
CREATE TRIGGER applications_keep_figures_delete
  AFTER DELETE ON applications REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION applications_keep_figures();
--> statement-breakpoint
CREATE FUNCTION application_figures_clear() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM application_figures;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER applications_truncate_figures
  AFTER TRUNCATE ON applications
  FOR EACH STATEMENT EXECUTE FUNCTION application_figures_clear();
--> statement-breakpoint
-- The applications already there.
INSERT INTO application_figures (program_id, status, band, sdoh_domains, applications, requested_minor)
SELECT program_id, status, application_figures_band(place_vulnerability), sdoh_domains,
       count(*)::int, coalesce(sum(amount_requested_minor), 0)
FROM applications
WHERE status <> 'draft'
GROUP BY 1, 2, 3, 4;
