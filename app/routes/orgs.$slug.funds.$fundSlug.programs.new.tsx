import { type I18nHandle } from '#app/lib/i18n/config.ts'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { DraftBackupForm } from '#app/components/draft-backup-form.tsx'
import { ProgramDetailsFields, typedCounties } from '#app/components/program-details-fields.tsx'
import { ProgramDetailsSchema, programFormValues } from '#app/schemas/programs/program.ts'
import { FUND_MANAGER_ROLES } from '#app/services/programs/funds.server.ts'
import { createProgram, listStates } from '#app/services/programs/programs.server.ts'
import { draftKeys } from '#app/lib/draft-backup.ts'
import { programActor, requireFund } from '#app/utils/funder-access.server.ts'
import { refuse } from '#app/utils/results.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { parseProgramForm } from '#app/utils/program-form.server.ts'
import { requireOrgRole } from '#app/utils/permissions.server.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { requestLanguage, requestT } from '#app/utils/i18n.server.ts'

// The shared fields' words (organisation profile, county picker) are in `applications`.
export const handle: I18nHandle = { i18n: ['funder', 'applications'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgRole(request, params.slug, FUND_MANAGER_ROLES)
  const fund = await requireFund(organization, params.fundSlug)
  const t = await requestT(request)
  return {
    title: t('funder:programNew.pageTitle'),
    orgSlug: organization.slug,
    fund: { name: fund.name, slug: fund.slug, currency: fund.currency },
    states: await listStates(),
    draft: { key: draftKeys.newProgram(fund.id), version: 0 },
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const access = await requireOrgRole(request, params.slug, FUND_MANAGER_ROLES)
  const fund = await requireFund(access.organization, params.fundSlug)
  const form = await parseProgramForm(request)
  if (!form.ok) return form.response
  const result = await createProgram(
    programActor(access, requestOrigin(request, context).ip),
    fund,
    form.data,
    // The rubric template is written in the language the funder works in.
    await requestLanguage(request),
  )
  if (!result.ok) return refuse(result, form.formData)
  return redirectWithFlash(`/orgs/${access.organization.slug}/programs/${result.program.slug}`, {
    kind: 'success',
    message: 'common:flash.programCreated',
    draft: draftKeys.newProgram(fund.id),
  })
}

export default function NewProgram() {
  const { orgSlug, fund, states, draft } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('funder')
  const form = useValidatedForm(ProgramDetailsSchema, {
    failure,
    defaultValues: programFormValues(null),
  })
  return (
    <Card
      title={t('funder:programNew.title', { fund: fund.name })}
      actions={
        <Link to={`/orgs/${orgSlug}/funds/${fund.slug}`}>{t('funder:programNew.backToFund')}</Link>
      }
    >
      <p className="hint">{t('funder:programNew.draftHint')}</p>
      <DraftBackupForm draft={draft} form={form}>
        <ProgramDetailsFields
          field={form.field}
          choice={form.choice}
          errorOf={form.errorOf}
          states={states}
          counties={[]}
          countiesText={typedCounties(failure)}
          currency={fund.currency}
        />
        <Button busy={navigation.state === 'submitting'}>{t('funder:programNew.submit')}</Button>
      </DraftBackupForm>
    </Card>
  )
}
