import { type I18nHandle } from '#app/lib/i18n/config.ts'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { DraftBackupForm } from '#app/components/draft-backup-form.tsx'
import { ProgramDetailsFields, typedCounties } from '#app/components/program-details-fields.tsx'
import { ProgramDetailsSchema, programFormValues } from '#app/schemas/programs/program.ts'
import { getPlaces } from '#app/services/places.server.ts'
import { listStates, updateProgramDetails } from '#app/services/programs/programs.server.ts'
import { draftKeys } from '#app/lib/draft-backup.ts'
import { programActor, requireManagedProgram } from '#app/utils/funder-access.server.ts'
import { refuse } from '#app/utils/results.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { parseProgramForm } from '#app/utils/program-form.server.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'

// The profile fields and the county picker use the applications' words.
export const handle: I18nHandle = { i18n: ['funder', 'applications'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, fund } = await requireManagedProgram(request, params)
  return {
    currency: fund.currency,
    values: programFormValues(program),
    states: await listStates(),
    counties: (await getPlaces(program.eligibleCountyFips)).map(({ fips, label, svi }) => ({
      fips,
      label,
      svi,
    })),
    draft: { key: draftKeys.programDetails(program.id), version: program.updatedAt.getTime() },
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const access = await requireManagedProgram(request, params)
  const { program } = access
  const form = await parseProgramForm(request)
  if (!form.ok) return form.response
  const result = await updateProgramDetails(
    programActor(access, requestOrigin(request, context).ip),
    program.id,
    form.data,
  )
  if (!result.ok) return refuse(result, form.formData)
  return redirectWithFlash(`/orgs/${access.organization.slug}/programs/${program.slug}`, {
    kind: 'success',
    message: 'common:flash.programDetailsSaved',
    draft: draftKeys.programDetails(program.id),
  })
}

export default function ProgramDetails() {
  const { currency, values, states, counties, draft } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('funder')
  const form = useValidatedForm(ProgramDetailsSchema, { failure, defaultValues: values })
  return (
    <Card title={t('funder:details.title')} headingLevel={3}>
      <DraftBackupForm draft={draft} form={form}>
        <ProgramDetailsFields
          field={form.field}
          choice={form.choice}
          errorOf={form.errorOf}
          states={states}
          counties={counties}
          countiesText={typedCounties(failure)}
          currency={currency}
        />
        <Button busy={navigation.state === 'submitting'}>{t('funder:details.submit')}</Button>
      </DraftBackupForm>
    </Card>
  )
}
