import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { DraftBackupForm } from '#app/components/draft-backup-form.tsx'
import { VolunteerRequestFields } from '#app/components/volunteer-request-fields.tsx'
import { SKILL_KEYS } from '#app/domain/skills.ts'
import {
  isProjectType,
  PROJECT_TYPE_DEFINITIONS,
  PROJECT_TYPE_KEYS,
  PROJECT_TYPES,
} from '#app/domain/volunteers/project-types.ts'
import { draftKeys } from '#app/lib/draft-backup.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { VolunteerRequestSchema } from '#app/schemas/volunteers/request.ts'
import { createRequest, grantsOf, pointPeopleOf } from '#app/services/volunteers/requests.server.ts'
import { formFailure, parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { requestT } from '#app/utils/i18n.server.ts'
import { readQuery } from '#app/utils/request-body.server.ts'
import { refuse } from '#app/utils/results.server.ts'
import {
  BLANK_HOURS,
  blankHours,
  DEFAULT_GROUP_ZONE,
  requestValues,
  requireRequestPoster,
} from '#app/utils/volunteer-request-route.server.ts'
import { rowCount } from '#app/lib/nested-values.ts'

// The skills' and work modes' names and the county picker are the applications' words.
export const handle: I18nHandle = { i18n: ['organizations', 'volunteers', 'applications'] }

/**
 * Step 1 (no `type`): the catalogue. Step 2 (`?type=…`): the request form, pre-filled from that
 * type's scoping template in the reader's language; every part can be changed.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, organization } = await requireRequestPoster(request, params.slug)
  const type = readQuery(request).get('type') ?? ''
  const base = `/orgs/${organization.slug}/volunteer-requests`
  if (!isProjectType(type)) return { step: 'choose' as const, base }
  const t = await requestT(request)
  const definition = PROJECT_TYPE_DEFINITIONS[type]
  const keys = PROJECT_TYPE_KEYS[type]
  return {
    step: 'scope' as const,
    base,
    type,
    people: await pointPeopleOf(organization.id),
    grants: await grantsOf(organization.id),
    values: {
      projectType: type,
      skill: definition.skill,
      minLevel: definition.minLevel,
      title: t(keys.name),
      goal: t(keys.goal),
      deliverable: t(keys.deliverable),
      outOfScope: t(keys.outOfScope),
      hours: String(definition.typicalHours),
      pointPerson: user.id,
      deadline: '',
      languages: [] as string[],
      preferredLanguages: [] as string[],
      timeZone: DEFAULT_GROUP_ZONE,
      groupHours: blankHours(BLANK_HOURS),
      grant: '',
      workMode: 'remote' as const,
      touchesPersonalData: '',
      vulnerableInPerson: '',
      backgroundCheckRequired: '',
    },
    draft: { key: draftKeys.newVolunteerRequest(organization.id, type), version: 0 },
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, organization } = await requireRequestPoster(request, params.slug)
  const form = await parseForm(request, VolunteerRequestSchema)
  if (!form.ok) return form.response
  const resolved = await requestValues(form.data)
  if (!resolved.ok) return formFailure({ placeFips: resolved.error }, form.formData)
  const result = await createRequest(
    { id: user.id, ip: requestOrigin(request, context).ip },
    organization,
    resolved.values,
  )
  if (!result.ok) return refuse(result, form.formData)
  return redirectWithFlash(`/orgs/${organization.slug}/volunteer-requests`, {
    kind: 'success',
    message:
      form.data.intent === 'open'
        ? 'volunteers:flash.requestOpened'
        : 'volunteers:flash.requestDraft',
    draft: draftKeys.newVolunteerRequest(organization.id, form.data.projectType ?? ''),
  })
}

export default function NewVolunteerRequest() {
  const data = useLoaderData<typeof loader>()
  return data.step === 'choose' ? <Catalogue base={data.base} /> : <ScopeForm />
}

function Catalogue({ base }: { base: string }) {
  const { t } = useTranslation('volunteers')
  return (
    <Card title={t('volunteers:newRequest.chooseTitle')}>
      <p className="hint">{t('volunteers:newRequest.chooseIntro')}</p>
      <ul className="grid plain-list">
        {PROJECT_TYPES.map((type) => {
          const keys = PROJECT_TYPE_KEYS[type]
          const definition = PROJECT_TYPE_DEFINITIONS[type]
          return (
            <li key={type} className="card">
              <h3>{t(keys.name)}</h3>
              <p>{t(keys.summary)}</p>
              <p className="hint">
                {t('volunteers:newRequest.typicalHours', { hours: definition.typicalHours })}
                <br />
                {t('volunteers:newRequest.skillNeeded', { skill: t(SKILL_KEYS[definition.skill]) })}
              </p>
              <Link className="btn btn-secondary" to={`${base}/new?type=${type}`}>
                {t('volunteers:newRequest.choose', { name: t(keys.name) })}
              </Link>
            </li>
          )
        })}
      </ul>
    </Card>
  )
}

function ScopeForm() {
  const data = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('volunteers')
  const values = data.step === 'scope' ? data.values : undefined
  const form = useValidatedForm(VolunteerRequestSchema, { failure, defaultValues: values })
  if (data.step !== 'scope') return null
  const typed = failure?.values.placeFipsText
  return (
    <Card
      title={t('volunteers:newRequest.formTitle')}
      actions={<Link to={`${data.base}/new`}>{t('volunteers:newRequest.back')}</Link>}
    >
      <p className="hint">{t('volunteers:newRequest.formIntro')}</p>
      <DraftBackupForm draft={data.draft} form={form}>
        <input type="hidden" name="projectType" value={data.type} />
        <VolunteerRequestFields
          field={form.field as never}
          choice={form.choice as never}
          errorOf={form.errorOf}
          people={data.people}
          place={[]}
          placeText={typeof typed === 'string' ? typed : undefined}
          timeZone={data.values.timeZone}
          hourRows={rowCount('groupHours', data.values.groupHours.length, failure?.values)}
          grants={data.grants}
        />
        <div className="actions">
          <Button name="intent" value="open" busy={navigation.state === 'submitting'}>
            {t('volunteers:requestForm.open')}
          </Button>
          <Button name="intent" value="draft" variant="secondary">
            {t('volunteers:requestForm.saveDraft')}
          </Button>
        </div>
      </DraftBackupForm>
    </Card>
  )
}
