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
CREATE FUNCTION applications_keep_figures() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    IF OLD.status <> 'draft' THEN
      -- The old group's row exists: it was counted when the application left draft.
      UPDATE application_figures AS f
         SET applications = f.applications - 1,
             requested_minor = f.requested_minor - coalesce(OLD.amount_requested_minor, 0)
       WHERE f.program_id = OLD.program_id
         AND f.status = OLD.status
         AND f.band IS NOT DISTINCT FROM application_figures_band(OLD.place_vulnerability)
         AND f.sdoh_domains = OLD.sdoh_domains;
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF NEW.status <> 'draft' THEN
      INSERT INTO application_figures AS f
        (program_id, status, band, sdoh_domains, applications, requested_minor)
      VALUES (NEW.program_id, NEW.status, application_figures_band(NEW.place_vulnerability),
              NEW.sdoh_domains, 1, coalesce(NEW.amount_requested_minor, 0))
      ON CONFLICT ON CONSTRAINT application_figures_group_key DO UPDATE
        SET applications = f.applications + 1,
            requested_minor = f.requested_minor + excluded.requested_minor;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER applications_keep_figures_insert
  AFTER INSERT ON applications
  FOR EACH ROW WHEN (NEW.status <> 'draft') EXECUTE FUNCTION applications_keep_figures();
--> statement-breakpoint
-- A draft's saves (both sides draft) and edits of anything the figures do not count skip it.
CREATE TRIGGER applications_keep_figures_update
  AFTER UPDATE ON applications
  FOR EACH ROW WHEN (
    (OLD.status <> 'draft' OR NEW.status <> 'draft')
    AND (OLD.program_id, OLD.status, OLD.place_vulnerability, OLD.sdoh_domains, OLD.amount_requested_minor)
        IS DISTINCT FROM
        (NEW.program_id, NEW.status, NEW.place_vulnerability, NEW.sdoh_domains, NEW.amount_requested_minor)
  ) EXECUTE FUNCTION applications_keep_figures();
--> statement-breakpoint
CREATE TRIGGER applications_keep_figures_delete
  AFTER DELETE ON applications
  FOR EACH ROW WHEN (OLD.status <> 'draft') EXECUTE FUNCTION applications_keep_figures();
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
