import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Card } from '#app/components/card.tsx'
import { SelectField } from '#app/components/field.tsx'
import { SviText } from '#app/components/place-picker.tsx'
import { zoneName } from '#app/components/program-details-fields.tsx'
import { ProposalForm } from '#app/components/proposal-form.tsx'
import { useLanguageOptions, WeeklyWindowsList } from '#app/components/volunteer-profile-fields.tsx'
import { SKILL_KEYS, SKILL_LEVEL_KEYS, WORK_MODE_KEYS } from '#app/domain/skills.ts'
import { TRAVEL_AREA_PROFILE_KEYS } from '#app/domain/volunteers/travel-area.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { InviteSchema } from '#app/schemas/engagements/engagement.ts'
import { invitableRequests } from '#app/services/engagements/engagement-views.server.ts'
import { invite } from '#app/services/engagements/engagements.server.ts'
import { inKindOfVolunteer } from '#app/services/engagements/in-kind.server.ts'
import { completedEngagementsByVolunteer } from '#app/services/volunteers/match-counts.server.ts'
import { getProfile, maySeeProfile } from '#app/services/volunteers/profiles.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin, throwNotFound } from '#app/utils/http.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { readForm } from '#app/utils/request-body.server.ts'
import { refuse } from '#app/utils/results.server.ts'

// The skills' and work modes' names are the applications' words; the zones' the funder's.
export const handle: I18nHandle = {
  i18n: ['volunteers', 'applications', 'funder', 'engagements'],
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request)
  const profile = params.id && UUID.test(params.id) ? await getProfile(params.id) : null
  // Anyone not allowed to see it learns nothing, not even that the profile exists.
  if (!profile || !(await maySeeProfile(viewer, profile))) {
    throwNotFound('volunteers:refusals.noSuchVolunteer')
  }
  const own = profile.userId === viewer.id
  const [completed, inKind, requests] = await Promise.all([
    completedEngagementsByVolunteer([profile.id]),
    inKindOfVolunteer(profile.id),
    own ? [] : invitableRequests(viewer.id),
  ])
  return {
    title: profile.name,
    own,
    profileId: profile.id,
    completed: completed.get(profile.id) ?? 0,
    inKind: { valueMinor: inKind.valueMinor, currency: inKind.currency },
    requests: requests.map((r) => ({ value: r.id, label: `${r.title} (${r.groupName})` })),
    profile: {
      name: profile.name,
      headline: profile.headline,
      bio: profile.bio,
      skills: profile.skills,
      languages: profile.languages,
      timeZone: profile.timeZone,
      place: profile.place ? { label: profile.place.label, svi: profile.place.svi } : null,
      workMode: profile.workMode,
      travelArea: profile.travelArea,
      hoursPerMonth: profile.hoursPerMonth,
      availability: profile.availability,
      paused: profile.paused,
    },
  }
}

/** A member of a group with an open request invites this volunteer to it. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request)
  const profile = params.id && UUID.test(params.id) ? await getProfile(params.id) : null
  if (!profile || !(await maySeeProfile(viewer, profile))) {
    throwNotFound('volunteers:refusals.noSuchVolunteer')
  }
  const formData = await readForm(request)
  const form = await parseForm(formData, InviteSchema)
  if (!form.ok) return form.response
  if (form.data.profileId !== profile.id) throwNotFound('engagements:refusals.noSuchVolunteer')
  const made = await invite(
    { id: viewer.id, ip: requestOrigin(request, context).ip },
    form.data.requestId,
    form.data.profileId,
    form.data.message,
  )
  if (!made.ok) return refuse(made, formData)
  return redirectWithFlash(`/engagements/${made.id}`, {
    kind: 'success',
    message: 'engagements:flash.invited',
  })
}

export default function VolunteerProfilePage() {
  const { profile, own, profileId, completed, inKind, requests } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const { t } = useTranslation('volunteers')
  const format = useFormatters()
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
          {profile.place && profile.workMode !== 'remote' ? (
            <>
              <dt>{t('volunteers:profile.travelArea')}</dt>
              <dd>{t(TRAVEL_AREA_PROFILE_KEYS[profile.travelArea])}</dd>
            </>
          ) : null}
          <dt>{t('volunteers:profile.timeZone')}</dt>
          <dd>{zoneName(t, profile.timeZone)}</dd>
          <dt>{t('volunteers:profile.hours')}</dt>
          <dd>{t('volunteers:profile.hoursValue', { hours: profile.hoursPerMonth })}</dd>
          <dt>{t('volunteers:profile.availability')}</dt>
          <dd>
            {profile.availability.length === 0 ? (
              t('volunteers:profile.noAvailability')
            ) : (
              <WeeklyWindowsList windows={profile.availability} />
            )}
          </dd>
        </dl>
        <p className="hint">{t('volunteers:profile.noContact')}</p>
        <p>
          {t('engagements:inKind.profileLine', {
            count: completed,
            value: format.money(inKind.valueMinor, inKind.currency),
          })}
        </p>
      </Card>
      {own ? null : (
        <Card title={t('engagements:invite.title')}>
          {requests.length === 0 ? (
            <p>{t('engagements:invite.none')}</p>
          ) : (
            <ProposalForm
              schema={InviteSchema}
              intent="invite"
              failure={failure}
              defaultValues={{ profileId }}
              messageLabel={t('engagements:invite.message')}
              submit={t('engagements:invite.submit')}
              fields={(form) => (
                <>
                  <input type="hidden" {...form.field('profileId')} />
                  <SelectField
                    required
                    label={t('engagements:invite.request')}
                    options={requests}
                    error={form.errorOf('requestId')}
                    {...form.field('requestId')}
                  />
                </>
              )}
            />
          )}
        </Card>
      )}
    </>
  )
}
