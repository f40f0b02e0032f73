import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { DraftBackupForm } from '#app/components/draft-backup-form.tsx'
import { SuggestedVolunteers } from '#app/components/suggested-volunteers.tsx'
import { VolunteerRequestFields } from '#app/components/volunteer-request-fields.tsx'
import {
  CLOSABLE_REQUEST_STATUSES,
  EDITABLE_REQUEST_STATUSES,
  REQUEST_STATUS_KEYS,
} from '#app/domain/volunteers/request-status.ts'
import type { VolunteerSkill } from '#app/domain/skills.ts'
import type { ProjectType } from '#app/domain/volunteers/project-types.ts'
import { draftKeys } from '#app/lib/draft-backup.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { VolunteerRequestSchema } from '#app/schemas/volunteers/request.ts'
import { getPlaces } from '#app/services/places.server.ts'
import { batchSuggestionsForRequest } from '#app/services/volunteers/batch-suggestions.server.ts'
import { rankedVolunteersForRequest } from '#app/services/volunteers/matching.server.ts'
import {
  closeRequest,
  findGroupRequest,
  grantOfApplication,
  grantsOf,
  hoursOfRequest,
  pointPeopleOf,
  updateRequest,
} from '#app/services/volunteers/requests.server.ts'
import { formFailure, parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin, throwNotFound } from '#app/utils/http.server.ts'
import { requestLanguage } from '#app/utils/i18n.server.ts'
import { readForm } from '#app/utils/request-body.server.ts'
import { refuse } from '#app/utils/results.server.ts'
import {
  BLANK_HOURS,
  blankHours,
  requestValues,
  requireRequestPoster,
} from '#app/utils/volunteer-request-route.server.ts'
import { timeOf } from '#app/domain/volunteers/availability.ts'
import { rowCount } from '#app/lib/nested-values.ts'

// The skills' and work modes' names and the county picker are the applications' words.
export const handle: I18nHandle = { i18n: ['organizations', 'volunteers', 'applications'] }

async function requireGroupRequest(request: Request, params: Record<string, string | undefined>) {
  const access = await requireRequestPoster(request, params.slug)
  const found = await findGroupRequest(access.organization.id, params.requestId ?? '')
  if (!found) throwNotFound('volunteers:refusals.noSuchRequest')
  return { ...access, found }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, found: r } = await requireGroupRequest(request, params)
  // Volunteers are suggested only while the request is open: that is when its group may see them.
  const reader = await requestLanguage(request)
  const [places, suggested, batchSuggested, hours, grants] = await Promise.all([
    getPlaces(r.placeFips ? [r.placeFips] : []),
    r.status === 'open' ? rankedVolunteersForRequest(r.id, reader) : null,
    r.status === 'open' ? batchSuggestionsForRequest(r.id, reader) : [],
    hoursOfRequest(r.id),
    grantsOf(organization.id),
  ])
  // A catalogue request always has its project type; one made from an application has none.
  const fromApplication = r.projectType === null
  const grant = await grantOfApplication(r.applicationId)
  return {
    suggested,
    batchSuggested,
    base: `/orgs/${organization.slug}/volunteer-requests`,
    status: r.status,
    editable: EDITABLE_REQUEST_STATUSES.includes(r.status),
    closable: CLOSABLE_REQUEST_STATUSES.includes(r.status),
    fromApplication,
    // A request made from an application stays with it: the grant is not chosen there.
    grants: fromApplication ? [] : grants,
    title: r.title,
    people: await pointPeopleOf(organization.id),
    place: places.map((p) => ({ fips: p.fips, label: p.label, svi: p.svi })),
    values: {
      // Stored from the form's own choices (or an application's named skills) only.
      projectType: (r.projectType ?? '') as ProjectType | '',
      skill: r.skill as VolunteerSkill,
      minLevel: r.minLevel,
      title: r.title,
      goal: r.goal,
      deliverable: r.deliverable,
      outOfScope: r.outOfScope,
      hours: String(r.hours),
      pointPerson: r.pointPersonUserId ?? '',
      deadline: r.deadline ?? '',
      languages: r.languages,
      preferredLanguages: r.preferredLanguages,
      timeZone: r.timeZone,
      groupHours: [
        ...hours.map((w) => ({
          weekday: String(w.weekday),
          start: timeOf(w.startMinute),
          end: timeOf(w.endMinute),
        })),
        ...blankHours(BLANK_HOURS),
      ],
      grant: grant ?? '',
      workMode: r.workMode,
      touchesPersonalData: r.touchesPersonalData ? 'on' : '',
      vulnerableInPerson: r.vulnerableInPerson ? 'on' : '',
      backgroundCheckRequired: r.backgroundCheckRequired ? 'on' : '',
    },
    draft: { key: draftKeys.volunteerRequest(r.id), version: r.updatedAt.getTime() },
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, organization, found } = await requireGroupRequest(request, params)
  const actor = { id: user.id, ip: requestOrigin(request, context).ip }
  const list = `/orgs/${organization.slug}/volunteer-requests`
  const formData = await readForm(request)
  if (formData.get('intent') === 'close') {
    const closed = await closeRequest(actor, found)
    if (!closed.ok) return refuse(closed, formData)
    return redirectWithFlash(list, { kind: 'success', message: 'volunteers:flash.requestClosed' })
  }
  const form = await parseForm(formData, VolunteerRequestSchema)
  if (!form.ok) return form.response
  const resolved = await requestValues(form.data)
  if (!resolved.ok) return formFailure({ placeFips: resolved.error }, formData)
  const result = await updateRequest(actor, found, resolved.values)
  if (!result.ok) return refuse(result, formData)
  return redirectWithFlash(list, {
    kind: 'success',
    message: result.opened ? 'volunteers:flash.requestOpened' : 'volunteers:flash.requestSaved',
    draft: draftKeys.volunteerRequest(found.id),
  })
}

export default function VolunteerRequestPage() {
  const data = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('volunteers')
  const form = useValidatedForm(VolunteerRequestSchema, { failure, defaultValues: data.values })
  const typed = failure?.values.placeFipsText
  const status = t(REQUEST_STATUS_KEYS[data.status])
  return (
    <>
      <Card
        title={t('volunteers:requestPage.editTitle')}
        actions={<Link to={data.base}>{t('volunteers:requests.title')}</Link>}
      >
        <p>
          <span className="badge">{t('volunteers:requestPage.status', { status })}</span>
        </p>
        {data.fromApplication ? (
          <p className="hint">
            {t('volunteers:requestForm.fromApplication', { title: data.title })}
          </p>
        ) : null}
        {data.editable ? (
          <DraftBackupForm draft={data.draft} form={form}>
            <input type="hidden" name="projectType" value={data.values.projectType} />
            <VolunteerRequestFields
              field={form.field as never}
              choice={form.choice as never}
              errorOf={form.errorOf}
              people={data.people}
              place={data.place}
              placeText={typeof typed === 'string' ? typed : undefined}
              timeZone={data.values.timeZone}
              hourRows={rowCount('groupHours', data.values.groupHours.length, failure?.values)}
              grants={data.grants}
            />
            <div className="actions">
              {data.status === 'draft' ? (
                <>
                  <Button name="intent" value="open" busy={navigation.state === 'submitting'}>
                    {t('volunteers:requestForm.open')}
                  </Button>
                  <Button name="intent" value="draft" variant="secondary">
                    {t('volunteers:requestForm.saveDraft')}
                  </Button>
                </>
              ) : (
                <Button name="intent" value="open" busy={navigation.state === 'submitting'}>
                  {t('volunteers:requestForm.save')}
                </Button>
              )}
            </div>
          </DraftBackupForm>
        ) : (
          <p>{t('volunteers:requestPage.notEditable', { status })}</p>
        )}
      </Card>
      {data.suggested ? (
        <SuggestedVolunteers volunteers={data.suggested} batch={data.batchSuggested} />
      ) : null}
      {data.closable ? (
        <Card title={t('volunteers:requestPage.closeTitle')}>
          <Form method="post" className="stack">
            <p className="hint">{t('volunteers:requestPage.closeHint')}</p>
            <div>
              <Button name="intent" value="close" variant="secondary">
                {t('volunteers:requestPage.close')}
              </Button>
            </div>
          </Form>
        </Card>
      ) : null}
    </>
  )
}
