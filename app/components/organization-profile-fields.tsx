import type { Message } from '#app/lib/i18n/message.ts'
import type { UseFormRegisterReturn } from 'react-hook-form'
import { SelectField, TextareaField, TextField } from './field.tsx'
import { BUDGET_BANDS, BUDGET_BAND_LABELS } from '#app/domain/organizations.ts'

type ProfileField =
  'name' | 'mission' | 'location' | 'leadership' | 'communitiesServed' | 'budgetBand' | 'website'

/** The profile fields shared by "create organisation" and "edit profile". */
export function OrganizationProfileFields({
  field,
  errorOf,
}: {
  field: (name: ProfileField) => UseFormRegisterReturn & { defaultValue?: string }
  errorOf: (name: string) => Message | undefined
}) {
  return (
    <>
      <TextField label="Name" required error={errorOf('name')} {...field('name')} />
      <TextareaField
        label="Mission"
        hint="One or two sentences on what you do and why."
        error={errorOf('mission')}
        {...field('mission')}
      />
      <TextField
        label="Where you work"
        hint="City, county or region."
        error={errorOf('location')}
        {...field('location')}
      />
      <TextareaField
        label="Who leads the organisation"
        hint="For example: founded and run by residents with lived experience of the issue."
        error={errorOf('leadership')}
        {...field('leadership')}
      />
      <TextareaField
        label="Whom you serve"
        error={errorOf('communitiesServed')}
        {...field('communitiesServed')}
      />
      <SelectField
        label="Annual budget"
        placeholder="Prefer not to say"
        options={BUDGET_BANDS.map((b) => ({ value: b, label: BUDGET_BAND_LABELS[b] }))}
        error={errorOf('budgetBand')}
        {...field('budgetBand')}
      />
      <TextField
        label="Website"
        type="url"
        inputMode="url"
        hint="Starting with https://"
        error={errorOf('website')}
        {...field('website')}
      />
    </>
  )
}
