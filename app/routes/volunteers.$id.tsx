import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Card } from '#app/components/card.tsx'
import { SviText } from '#app/components/place-picker.tsx'
import { TIME_ZONE_KEYS } from '#app/components/program-details-fields.tsx'
import { useLanguageOptions } from '#app/components/volunteer-profile-fields.tsx'
import { SKILL_KEYS, SKILL_LEVEL_KEYS, WORK_MODE_KEYS } from '#app/domain/skills.ts'
import { timeOf, WEEKDAY_KEYS } from '#app/domain/volunteers/availability.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { getProfile, maySeeProfile } from '#app/services/volunteers/profiles.server.ts'
import { throwNotFound } from '#app/utils/http.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'

// The skills' and work modes' names are the applications' words; the zones' the funder's.
export const handle: I18nHandle = { i18n: ['volunteers', 'applications', 'funder'] }

/** The zone's name where it is one of the offered ones; any other IANA zone as it is. */
const zoneName = (zone: string) =>
  zone in TIME_ZONE_KEYS ? TIME_ZONE_KEYS[zone as keyof typeof TIME_ZONE_KEYS] : null

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request)
  const profile = params.id && UUID.test(params.id) ? await getProfile(params.id) : null
  // Anyone not allowed to see it learns nothing, not even that the profile exists.
  if (!profile || !(await maySeeProfile(viewer, profile))) {
    throwNotFound('volunteers:refusals.noSuchVolunteer')
  }
  return {
    title: profile.name,
    own: profile.userId === viewer.id,
    profile: {
      name: profile.name,
      headline: profile.headline,
      bio: profile.bio,
      skills: profile.skills,
      languages: profile.languages,
      timeZone: profile.timeZone,
      place: profile.place ? { label: profile.place.label, svi: profile.place.svi } : null,
      workMode: profile.workMode,
      hoursPerMonth: profile.hoursPerMonth,
      availability: profile.availability,
      paused: profile.paused,
    },
  }
}

export default function VolunteerProfilePage() {
  const { profile, own } = useLoaderData<typeof loader>()
  const { t } = useTranslation('volunteers')
  const zoneKey = zoneName(profile.timeZone)
  const languageNames = new Map<string, string>(useLanguageOptions().map((o) => [o.value, o.label]))
  return (
    <>
      <p className="eyebrow">{t('volunteers:profile.title')}</p>
      <h1>{profile.name}</h1>
      <p>{profile.headline}</p>
      {profile.paused ? <p className="badge">{t('volunteers:profile.paused')}</p> : null}
      <Card
        title={t('volunteers:profile.skills')}
        actions={own ? <Link to="/volunteer">{t('volunteers:profile.edit')}</Link> : undefined}
      >
        {profile.bio ? <p className="prewrap">{profile.bio}</p> : null}
        <ul>
          {profile.skills.map((s) => (
            <li key={s.skill}>
              {t(SKILL_KEYS[s.skill])}: {t(SKILL_LEVEL_KEYS[s.level])}
            </li>
          ))}
        </ul>
        <dl className="details">
          <dt>{t('volunteers:profile.languages')}</dt>
          <dd>{profile.languages.map((c) => languageNames.get(c) ?? c).join(', ')}</dd>
          <dt>{t('volunteers:profile.workMode')}</dt>
          <dd>{t(WORK_MODE_KEYS[profile.workMode])}</dd>
          <dt>{t('volunteers:profile.place')}</dt>
          <dd>
            {profile.place ? (
              <>
                {profile.place.label} (<SviText percentile={profile.place.svi} />)
              </>
            ) : (
              t('volunteers:profile.noPlace')
            )}
          </dd>
          <dt>{t('volunteers:profile.timeZone')}</dt>
          <dd>{zoneKey ? t(zoneKey) : profile.timeZone}</dd>
          <dt>{t('volunteers:profile.hours')}</dt>
          <dd>{t('volunteers:profile.hoursValue', { hours: profile.hoursPerMonth })}</dd>
          <dt>{t('volunteers:profile.availability')}</dt>
          <dd>
            {profile.availability.length === 0 ? (
              t('volunteers:profile.noAvailability')
            ) : (
              <ul className="plain-list">
                {profile.availability.map((w) => (
                  <li key={`${w.weekday}-${w.startMinute}`}>
                    {t('volunteers:profile.window', {
                      day: t(WEEKDAY_KEYS[w.weekday]),
                      from: timeOf(w.startMinute),
                      to: timeOf(w.endMinute),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
        <p className="hint">{t('volunteers:profile.noContact')}</p>
      </Card>
    </>
  )
}
