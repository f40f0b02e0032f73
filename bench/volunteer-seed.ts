/**
 * The volunteer benches' platform (issue 11, "Performance"): PROFILES volunteer profiles with
 * skills, languages, places and availability, 500 community groups and REQUESTS open requests,
 * all inserted by set-based SQL so 100,000 profiles take seconds. Shared by
 * bench/volunteer-ranking.ts and bench/volunteer-batch.ts.
 */
import type { Database } from '#db/client.server.ts'

const SKILLS = `ARRAY['legal','marketing','data_analysis','grant_writing','strategic_planning','it',
  'finance','translation','evaluation','design','hr','public_health','fundraising','facilitation']`
const LEVELS = `ARRAY['some','experienced','expert']`
const MODES = `ARRAY['remote','on_site','either']`
const BANDS = `ARRAY['under_50k','50k_250k','250k_1m','1m_5m','over_5m']`
/** Fifty counties the profiles and requests share, so on-site work finds people nearby. */
const COUNTIES = `(SELECT array_agg(fips) FROM (SELECT fips FROM places ORDER BY fips LIMIT 50) c)`

/**
 * Deterministic variety from the row number: most speak English, a third Spanish, a few
 * Vietnamese; one in ten paused; one to three skills each at varied levels.
 */
export async function seedVolunteers(database: Database, profiles: number, requests: number) {
  const run = (text: string) => database.sql.executeSql(text)
  await run(`INSERT INTO users (email, name, password_hash)
    SELECT 'bench-volunteer-' || i || '@example.test', 'Volunteer ' || i, 'x'
    FROM generate_series(1, ${profiles}) i`)
  await run(`INSERT INTO volunteer_profiles
      (user_id, headline, languages, time_zone, place_fips, travel_area, work_mode, hours_per_month,
       paused)
    SELECT u.id, 'Volunteer headline',
      array_remove(ARRAY[CASE WHEN n % 10 <> 0 THEN 'en' END, CASE WHEN n % 3 = 0 THEN 'es' END,
        CASE WHEN n % 20 = 0 THEN 'vi' END], NULL),
      (ARRAY['America/New_York','America/Chicago','America/Denver','America/Los_Angeles'])[n % 4 + 1],
      CASE WHEN n % 10 = 3 THEN NULL ELSE (${COUNTIES})[n % 50 + 1] END,
      (CASE WHEN n % 4 = 1 THEN 'same_state' ELSE 'same_county' END)::travel_area,
      (${MODES})[n % 3 + 1]::work_mode, 2 + n % 40, n % 10 = 0
    FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM users
          WHERE email LIKE 'bench-volunteer-%') u`)
  await run(`INSERT INTO volunteer_skills (profile_id, skill, level)
    SELECT p.id, (${SKILLS})[(p.n / 3 + k * 5) % 14 + 1], (${LEVELS})[(p.n / 7 + k) % 3 + 1]::skill_level
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM volunteer_profiles) p,
      generate_series(1, 3) k
    WHERE k <= 1 + p.n % 3
    ON CONFLICT DO NOTHING`)
  await run(`INSERT INTO volunteer_availability (profile_id, weekday, start_minute, end_minute)
    SELECT id, (row_number() OVER (ORDER BY id)) % 7, 1080, 1260 FROM volunteer_profiles`)
  await run(`INSERT INTO organizations (kind, name, slug, budget_band)
    SELECT 'community_group', 'Bench group ' || g, 'bench-group-' || g, (${BANDS})[g % 5 + 1]::budget_band
    FROM generate_series(1, 500) g`)
  await run(`INSERT INTO volunteer_requests (organization_id, skill, min_level, title, goal, hours,
      deadline, languages, preferred_languages, time_zone, work_mode, place_fips, status, opened_at)
    SELECT o.id, (${SKILLS})[r % 14 + 1], (${LEVELS})[r % 3 + 1]::skill_level, 'Request ' || r,
      'Goal of request ' || r, 10 + r % 70, current_date + 30 + r % 90,
      CASE WHEN r % 20 = 0 THEN ARRAY['en','es'] WHEN r % 7 = 0 THEN ARRAY['es'] ELSE '{}' END,
      CASE WHEN r % 5 = 0 THEN ARRAY['vi'] WHEN r % 5 = 1 THEN ARRAY['es','vi'] ELSE '{}' END,
      (ARRAY['America/New_York','America/Chicago'])[r % 2 + 1],
      (${MODES})[r % 3 + 1]::work_mode, (${COUNTIES})[r % 50 + 1], 'open',
      now() - (r % 30) * interval '1 day'
    FROM generate_series(1, ${requests}) r
    JOIN (SELECT id, row_number() OVER (ORDER BY slug) AS g FROM organizations
          WHERE slug LIKE 'bench-group-%') o ON o.g = r % 500 + 1`)
  // The groups' working hours: two weekday afternoons each (the time-zone factor scores them).
  await run(`INSERT INTO volunteer_request_hours (request_id, weekday, start_minute, end_minute)
    SELECT id, d, 780, 1020 FROM volunteer_requests, generate_series(1, 3, 2) d`)
  await run('ANALYZE')
}
