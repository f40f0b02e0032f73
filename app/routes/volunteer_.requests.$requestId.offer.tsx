import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Card } from '#app/components/card.tsx'
import { ProposalForm } from '#app/components/proposal-form.tsx'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { OfferSchema } from '#app/schemas/engagements/engagement.ts'
import { openRequestSummary } from '#app/services/engagements/engagement-views.server.ts'
import { offer } from '#app/services/engagements/engagements.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin, throwNotFound } from '#app/utils/http.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { readForm } from '#app/utils/request-body.server.ts'
import { refuse } from '#app/utils/results.server.ts'

export const handle: I18nHandle = { i18n: ['engagements'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request)
  const found = await openRequestSummary(params.requestId ?? '')
  if (!found) throwNotFound('engagements:refusals.requestNotOpen')
  return { title: found.title, group: found.group }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await readForm(request)
  const form = await parseForm(formData, OfferSchema)
  if (!form.ok) return form.response
  const made = await offer(
    { id: user.id, ip: requestOrigin(request, context).ip },
    params.requestId ?? '',
    form.data.message,
  )
  if (!made.ok) return refuse(made, formData)
  return redirectWithFlash(`/engagements/${made.id}`, {
    kind: 'success',
    message: 'engagements:flash.offered',
  })
}

export default function OfferPage() {
  const data = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const { t } = useTranslation('engagements')
  return (
    <>
      <h1>{t('engagements:offer.title')}</h1>
      <Card>
        <p>{t('engagements:offer.request', { title: data.title })}</p>
        <p>{t('engagements:offer.group', { name: data.group })}</p>
        <ProposalForm
          schema={OfferSchema}
          intent="offer"
          failure={failure}
          messageLabel={t('engagements:offer.message')}
          submit={t('engagements:offer.submit')}
        />
      </Card>
    </>
  )
}
