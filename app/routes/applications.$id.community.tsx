import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { StepForm, useStepVersion } from '#app/components/application-step-form.tsx'
import { Card } from '#app/components/card.tsx'
import { TextareaField } from '#app/components/field.tsx'
import { PlacePicker, SviText } from '#app/components/place-picker.tsx'
import { CommunityStepSchema } from '#app/schemas/applications/application.ts'
import { applicationParts } from '#app/services/applications/application-content.server.ts'
import { resolvePlaceField } from '#app/services/places.server.ts'
import { handleStepSave, requireEditableStep } from '#app/utils/application-route.server.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'

export const handle: I18nHandle = { i18n: ['applications'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { loaded } = await requireEditableStep(request, params.id, 'community')
  const { application: a, program } = loaded
  const { places } = await applicationParts(a.id)
  return {
    id: a.id,
    // Suggestions can be narrowed by state, not by county: with a county list too, the
    // eligible counties may lie in other states, and the save explains any refusal.
    states: program.eligibleCountyFips.length ? [] : program.eligibleStates,
    places,
    vulnerability:
      a.placeVulnerability === null
        ? null
        : { percentile: a.placeVulnerability, year: a.placeVulnerabilityYear },
    values: {
      version: String(a.version),
      communityServed: a.communityServed,
      placesOutsideUs: a.placesOutsideUs,
    },
  }
}

export const action = (args: ActionFunctionArgs) =>
  handleStepSave(args, 'community', CommunityStepSchema, async (data, loaded) => {
    const { places, unmatched } = await resolvePlaceField(
      { fips: data.placeFips, text: data.placeFipsText },
      { limits: loaded.program },
    )
    if (unmatched.length) return { errors: { placeFips: unmatched } }
    return {
      step: 'community' as const,
      data: {
        communityServed: data.communityServed,
        placesOutsideUs: data.placesOutsideUs,
        fips: places.map((p) => p.fips),
      },
    }
  })

export default function CommunityStep() {
  const { values } = useLoaderData<typeof loader>()
  return <Editor key={useStepVersion(values.version)} />
}

function Editor() {
  const { id, values, places, states, vulnerability } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const form = useValidatedForm(CommunityStepSchema, { failure, defaultValues: values })
  const typed = failure?.values.placeFipsText
  const { t } = useTranslation('applications')
  return (
    <Card title={t('applications:community.title')}>
      <StepForm
        form={form}
        failure={failure}
        applicationId={id}
        step="community"
        version={Number(values.version)}
      >
        <TextareaField
          label={t('applications:community.served')}
          hint={t('applications:community.servedHint')}
          rows={5}
          required
          error={form.errorOf('communityServed')}
          {...form.field('communityServed')}
        />
        <PlacePicker
          name="placeFips"
          label={t('applications:community.counties')}
          hint={t('applications:community.countiesHint')}
          error={form.errorOf('placeFips')}
          defaultValue={places.map((p) => ({ fips: p.fips, label: p.label, svi: p.svi }))}
          defaultText={typeof typed === 'string' ? typed : undefined}
          states={states.length ? states : undefined}
        />
        {vulnerability ? (
          <p className="hint">
            {t('applications:community.vulnerability')}{' '}
            <strong>
              <SviText percentile={vulnerability.percentile} year={vulnerability.year} />
            </strong>{' '}
            {t('applications:community.vulnerabilitySource', { year: vulnerability.year })}
          </p>
        ) : null}
        <TextareaField
          label={t('applications:community.outsideUs')}
          hint={t('applications:community.outsideUsHint')}
          rows={2}
          error={form.errorOf('placesOutsideUs')}
          {...form.field('placesOutsideUs')}
        />
      </StepForm>
    </Card>
  )
}
