import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { DraftBackupForm } from '#app/components/draft-backup-form.tsx'
import { FundFields } from '#app/components/fund-fields.tsx'
import { FundSchema } from '#app/schemas/programs/fund.ts'
import { createFund, FUND_MANAGER_ROLES } from '#app/services/programs/funds.server.ts'
import { draftKeys } from '#app/lib/draft-backup.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { assertFunder } from '#app/utils/funder-access.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { requestT } from '#app/utils/i18n.server.ts'
import { requireOrgRole } from '#app/utils/permissions.server.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'

// The language fields of funder-written content (docs/decisions/015-bilingual-content.md).
export const handle: I18nHandle = { i18n: ['funder'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgRole(request, params.slug, FUND_MANAGER_ROLES)
  assertFunder(organization)
  const t = await requestT(request)
  return {
    title: t('funder:fundNew.title'),
    draft: { key: draftKeys.newFund(organization.id), version: 0 },
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, organization } = await requireOrgRole(request, params.slug, FUND_MANAGER_ROLES)
  assertFunder(organization)
  const form = await parseForm(request, FundSchema)
  if (!form.ok) return form.response
  const fund = await createFund(
    { id: user.id, ip: requestOrigin(request, context).ip },
    organization.id,
    form.data,
  )
  return redirectWithFlash(`/orgs/${organization.slug}/funds/${fund.slug}`, {
    kind: 'success',
    message: { key: 'common:flash.fundCreated', values: { name: fund.name } },
    draft: draftKeys.newFund(organization.id),
  })
}

export default function NewFund() {
  const { draft } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('funder')
  const form = useValidatedForm(FundSchema, {
    failure,
    defaultValues: { currency: 'USD', visibility: 'public' },
  })
  return (
    <Card title={t('funder:fundNew.title')}>
      <DraftBackupForm draft={draft} form={form}>
        <FundFields field={form.field} choice={form.choice} errorOf={form.errorOf} />
        <Button busy={navigation.state === 'submitting'}>{t('funder:fundNew.submit')}</Button>
      </DraftBackupForm>
    </Card>
  )
}
