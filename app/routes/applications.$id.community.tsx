import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { StepForm, useStepVersion } from '#app/components/application-step-form.tsx'
import { Card } from '#app/components/card.tsx'
import { TextareaField } from '#app/components/field.tsx'
import { PlacePicker } from '#app/components/place-picker.tsx'
import { formatSvi } from '#app/domain/places/vulnerability.ts'
import { CommunityStepSchema } from '#app/schemas/applications/application.ts'
import { applicationParts } from '#app/services/applications/application-content.server.ts'
import { resolvePlaceField } from '#app/services/places.server.ts'
import { handleStepSave, requireEditableStep } from '#app/utils/application-route.server.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'

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
    if (unmatched.length) return { errors: { placeFips: unmatched.join(' ') } }
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
  return (
    <Card title="Community served">
      <StepForm
        form={form}
        failure={failure}
        applicationId={id}
        step="community"
        version={Number(values.version)}
      >
        <TextareaField
          label="Whom does the project serve?"
          hint="Who they are, in your words, and why this work matters to them."
          rows={5}
          required
          error={form.errorOf('communityServed')}
          {...form.field('communityServed')}
        />
        <PlacePicker
          name="placeFips"
          label="US counties served"
          hint="Type a county name and choose from the list. Add as many as you serve."
          error={form.errorOf('placeFips')}
          defaultValue={places.map((p) => ({ fips: p.fips, label: p.label, svi: p.svi }))}
          defaultText={typeof typed === 'string' ? typed : undefined}
          states={states.length ? states : undefined}
        />
        {vulnerability ? (
          <p className="hint">
            The places you serve have a population-weighted Social Vulnerability Index of{' '}
            <strong>{formatSvi(vulnerability.percentile)}</strong> (CDC/ATSDR SVI{' '}
            {vulnerability.year}). Funders see this figure.
          </p>
        ) : null}
        <TextareaField
          label="Places outside the US"
          hint="If you work outside the US, name the places here."
          rows={2}
          error={form.errorOf('placesOutsideUs')}
          {...form.field('placesOutsideUs')}
        />
      </StepForm>
    </Card>
  )
}
