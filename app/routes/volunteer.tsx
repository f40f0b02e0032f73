import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { DraftBackupForm } from '#app/components/draft-backup-form.tsx'
import { VolunteerProfileFields } from '#app/components/volunteer-profile-fields.tsx'
import { timeOf } from '#app/domain/volunteers/availability.ts'
import { draftKeys } from '#app/lib/draft-backup.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { rowCount } from '#app/lib/nested-values.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { VolunteerProfileSchema } from '#app/schemas/volunteers/profile.ts'
import { resolveOnePlace } from '#app/services/volunteers/one-place.server.ts'
import { getProfileOfUser, saveProfile } from '#app/services/volunteers/profiles.server.ts'
import { formFailure, parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { requestT } from '#app/utils/i18n.server.ts'

// The time zones' names are the funder's words; the place picker's are the applications'.
export const handle: I18nHandle = { i18n: ['volunteers', 'applications', 'funder'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

/** Blank availability rows offered below the saved ones. */
const BLANK_WINDOWS = 2

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const profile = await getProfileOfUser(user.id)
  const windows = profile?.availability ?? []
  const t = await requestT(request)
  return {
    title: t(profile ? 'volunteers:profileForm.editTitle' : 'volunteers:profileForm.newTitle'),
    exists: !!profile,
    place: profile?.place
      ? [{ fips: profile.place.fips, label: profile.place.label, svi: profile.place.svi }]
      : [],
    values: {
      headline: profile?.headline ?? '',
      bio: profile?.bio ?? '',
      skills: Object.fromEntries((profile?.skills ?? []).map((s) => [s.skill, s.level])),
      languages: profile?.languages ?? [],
      timeZone: profile?.timeZone ?? 'America/New_York',
      workMode: profile?.workMode ?? 'either',
      travelArea: profile?.travelArea ?? 'same_county',
      hoursPerMonth: profile ? String(profile.hoursPerMonth) : '',
      availability: [
        ...windows.map((w) => ({
          weekday: String(w.weekday),
          start: timeOf(w.startMinute),
          end: timeOf(w.endMinute),
        })),
        ...Array.from({ length: BLANK_WINDOWS }, () => ({ weekday: '', start: '', end: '' })),
      ],
      paused: profile?.paused ? 'on' : '',
    },
    draft: {
      key: draftKeys.volunteerProfile(user.id),
      version: profile?.updatedAt.getTime() ?? 0,
    },
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = await parseForm(request, VolunteerProfileSchema)
  if (!form.ok) return form.response
  const place = await resolveOnePlace(form.data.placeFips, form.data.placeFipsText)
  if (!place.ok) return formFailure({ placeFips: place.error }, form.formData)
  const existed = !!(await getProfileOfUser(user.id))
  const { placeFips: _fips, placeFipsText: _text, ...values } = form.data
  const saved = await saveProfile(
    { id: user.id, ip: requestOrigin(request, context).ip },
    { ...values, placeFips: place.fips },
  )
  return redirectWithFlash(`/volunteers/${saved.id}`, {
    kind: 'success',
    message: existed ? 'volunteers:flash.profileSaved' : 'volunteers:flash.profileCreated',
    draft: draftKeys.volunteerProfile(user.id),
  })
}

export default function VolunteerProfileForm() {
  const { exists, place, values, draft } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('volunteers')
  const form = useValidatedForm(VolunteerProfileSchema, { failure, defaultValues: values })
  const typed = failure?.values.placeFipsText
  return (
    <>
      <h1>{t(exists ? 'volunteers:profileForm.editTitle' : 'volunteers:profileForm.newTitle')}</h1>
      <Card>
        <p className="hint">{t('volunteers:profileForm.intro')}</p>
        <DraftBackupForm draft={draft} form={form}>
          <VolunteerProfileFields
            field={form.field as never}
            choice={form.choice as never}
            errorOf={form.errorOf}
            place={place}
            placeText={typeof typed === 'string' ? typed : undefined}
            timeZone={values.timeZone}
            windows={rowCount('availability', values.availability.length, failure?.values)}
          />
          <Button busy={navigation.state === 'submitting'}>
            {t(exists ? 'volunteers:profileForm.save' : 'volunteers:profileForm.create')}
          </Button>
        </DraftBackupForm>
      </Card>
    </>
  )
}
