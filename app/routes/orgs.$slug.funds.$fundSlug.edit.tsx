import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { DraftBackupForm } from '#app/components/draft-backup-form.tsx'
import { FundFields } from '#app/components/fund-fields.tsx'
import type { Currency } from '#app/domain/programs/funds.ts'
import { FundSchema } from '#app/schemas/programs/fund.ts'
import { FUND_MANAGER_ROLES, updateFund } from '#app/services/programs/funds.server.ts'
import { listPrograms } from '#app/services/programs/programs.server.ts'
import { draftKeys } from '#app/lib/draft-backup.ts'
import { moneyInputValue } from '#app/lib/money.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { requireFund } from '#app/utils/funder-access.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { refuse } from '#app/utils/results.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { requestT } from '#app/utils/i18n.server.ts'
import { requireOrgRole } from '#app/utils/permissions.server.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'

// The language fields of funder-written content (docs/decisions/015-bilingual-content.md).
export const handle: I18nHandle = { i18n: ['funder'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgRole(request, params.slug, FUND_MANAGER_ROLES)
  const fund = await requireFund(organization, params.fundSlug)
  const programs = await listPrograms(fund.id)
  const { name, currency, description, visibility, slug } = fund
  const t = await requestT(request)
  const { contentLanguage } = fund
  const descriptionTranslation = fund.descriptionTranslation ?? ''
  return {
    title: t('funder:fundEdit.title', { name }),
    orgSlug: organization.slug,
    fund: {
      name,
      currency: currency as Currency,
      description,
      contentLanguage,
      descriptionTranslation,
      visibility,
      slug,
      goalMinor: moneyInputValue(fund.goalMinor),
      givingClosed: fund.givingClosed ? 'on' : '',
    },
    currencyLocked: programs.length > 0,
    draft: { key: draftKeys.fund(fund.id), version: fund.updatedAt.getTime() },
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, organization } = await requireOrgRole(request, params.slug, FUND_MANAGER_ROLES)
  const fund = await requireFund(organization, params.fundSlug)
  const form = await parseForm(request, FundSchema)
  if (!form.ok) return form.response
  const result = await updateFund(
    { id: user.id, ip: requestOrigin(request, context).ip },
    fund,
    form.data,
  )
  if (!result.ok) return refuse(result, form.formData)
  return redirectWithFlash(`/orgs/${organization.slug}/funds/${fund.slug}`, {
    kind: 'success',
    message: 'common:flash.fundSaved',
    draft: draftKeys.fund(fund.id),
  })
}

export default function EditFund() {
  const { orgSlug, fund, currencyLocked, draft } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('funder')
  const form = useValidatedForm(FundSchema, { failure, defaultValues: fund })
  return (
    <Card
      title={t('funder:fundEdit.title', { name: fund.name })}
      actions={
        <Link to={`/orgs/${orgSlug}/funds/${fund.slug}`}>{t('funder:fundEdit.backToFund')}</Link>
      }
    >
      <DraftBackupForm draft={draft} form={form}>
        <FundFields
          field={form.field}
          choice={form.choice}
          errorOf={form.errorOf}
          currencyLocked={currencyLocked}
        />
        <Button busy={navigation.state === 'submitting'}>{t('funder:fundEdit.submit')}</Button>
      </DraftBackupForm>
    </Card>
  )
}
