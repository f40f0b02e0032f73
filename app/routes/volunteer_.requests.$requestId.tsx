import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { CheckboxField, FormError } from '#app/components/field.tsx'
import { zoneName } from '#app/components/program-details-fields.tsx'
import { useLanguageOptions, WeeklyWindowsList } from '#app/components/volunteer-profile-fields.tsx'
import { SKILL_KEYS, WORK_MODE_KEYS, type Skill } from '#app/domain/skills.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { DataAgreementSchema } from '#app/schemas/volunteers/data-agreement.ts'
import {
  acceptDataAgreement,
  openRequestForVolunteer,
} from '#app/services/volunteers/request-view.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin, throwNotFound } from '#app/utils/http.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'

// The skills' and work modes' names are the applications' words; the zones' the funder's.
export const handle: I18nHandle = { i18n: ['volunteers', 'applications', 'funder'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

async function requireOpenRequest(request: Request, requestId: string | undefined) {
  const user = await requireUser(request)
  const found = await openRequestForVolunteer(user.id, requestId ?? '')
  // Someone without a volunteer profile, or a request not open, learns nothing of it.
  if (!found) throwNotFound('volunteers:refusals.noSuchRequest')
  return { user, found }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { found } = await requireOpenRequest(request, params.requestId)
  const { profileId: _, ...shown } = found
  return shown
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, found } = await requireOpenRequest(request, params.requestId)
  const form = await parseForm(request, DataAgreementSchema)
  if (!form.ok) return form.response
  await acceptDataAgreement(
    { id: user.id, ip: requestOrigin(request, context).ip },
    found.profileId,
    found.id,
  )
  return redirectWithFlash(`/volunteer/requests/${found.id}`, {
    kind: 'success',
    message: 'volunteers:flash.agreementAccepted',
  })
}

export default function VolunteerRequestView() {
  const data = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const { t } = useTranslation('volunteers')
  const format = useFormatters()
  const form = useValidatedForm(DataAgreementSchema, { failure })
  const languageNames = new Map<string, string>(useLanguageOptions().map((o) => [o.value, o.label]))
  const names = (codes: string[]) => codes.map((c) => languageNames.get(c) ?? c).join(', ')
  return (
    <>
      <p className="eyebrow">
        <Link to="/volunteer/requests">{t('volunteers:forYou.title')}</Link>
      </p>
      <h1>{data.title}</h1>
      <Card title={t('volunteers:requestView.aboutTitle')}>
        <dl className="details">
          <dt>{t('volunteers:requestView.group')}</dt>
          <dd>{data.groupName}</dd>
          <dt>{t('volunteers:requestView.skill')}</dt>
          <dd>{t(SKILL_KEYS[data.skill as Skill])}</dd>
          <dt>{t('volunteers:requestView.workMode')}</dt>
          <dd>{t(WORK_MODE_KEYS[data.workMode])}</dd>
          <dt>{t('volunteers:requestView.hours')}</dt>
          <dd>{t('volunteers:requestView.hoursValue', { count: data.hours })}</dd>
          <dt>{t('volunteers:requestView.deadline')}</dt>
          <dd>
            {data.deadline ? (
              <time dateTime={data.deadline}>{format.date(data.deadline)}</time>
            ) : (
              t('volunteers:requestView.noDeadline')
            )}
          </dd>
          {data.languages.length > 0 ? (
            <>
              <dt>{t('volunteers:requestView.languages')}</dt>
              <dd>{names(data.languages)}</dd>
            </>
          ) : null}
          {data.preferredLanguages.length > 0 ? (
            <>
              <dt>{t('volunteers:requestView.preferredLanguages')}</dt>
              <dd>{names(data.preferredLanguages)}</dd>
            </>
          ) : null}
          {data.groupHours.length > 0 ? (
            <>
              <dt>
                {t('volunteers:requestView.groupHours', {
                  zone: zoneName(t, data.timeZone),
                })}
              </dt>
              <dd>
                <WeeklyWindowsList windows={data.groupHours} />
              </dd>
            </>
          ) : null}
        </dl>
      </Card>
      {data.details ? (
        <Card title={t('volunteers:requestView.detailsTitle')}>
          <dl className="details">
            <dt>{t('volunteers:requestView.goal')}</dt>
            <dd className="prewrap">{data.details.goal}</dd>
            <dt>{t('volunteers:requestView.deliverable')}</dt>
            <dd className="prewrap">{data.details.deliverable}</dd>
            <dt>{t('volunteers:requestView.outOfScope')}</dt>
            <dd className="prewrap">{data.details.outOfScope}</dd>
          </dl>
          <p className="actions">
            <Link className="btn btn-primary" to={`/volunteer/requests/${data.id}/offer`}>
              {t('volunteers:requestView.offer')}
            </Link>
          </p>
        </Card>
      ) : (
        <Card title={t('volunteers:requestView.agreementTitle')}>
          <p>{t('volunteers:requestView.agreementText')}</p>
          <Form method="post" className="stack" onSubmit={form.onSubmit} noValidate>
            <CheckboxField
              name="accept"
              label={t('volunteers:requestView.accept')}
              hint={t('volunteers:requestView.acceptHint')}
              props={form.choice('accept', 'on')}
            />
            <FormError message={form.errorOf('accept')} />
            <div>
              <Button>{t('volunteers:requestView.acceptButton')}</Button>
            </div>
          </Form>
        </Card>
      )}
    </>
  )
}
