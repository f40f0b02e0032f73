import type { Message } from '#app/lib/i18n/message.ts'
import type { UseFormRegisterReturn } from 'react-hook-form'
import {
  CURRENCIES,
  CURRENCY_LABELS,
  FUND_VISIBILITIES,
  VISIBILITY_LABELS,
} from '#app/domain/programs/funds.ts'
import { ChoiceFieldset } from './choice-fieldset.tsx'
import { SelectField, TextareaField, TextField } from './field.tsx'
import { ContentLanguageFields } from './content-language-fields.tsx'

type FundField =
  'name' | 'currency' | 'description' | 'contentLanguage' | 'descriptionTranslation' | 'visibility'

/** The fund form's fields, shared by "create fund" and "edit fund". */
export function FundFields({
  field,
  choice,
  errorOf,
  currencyLocked,
}: {
  field: (name: FundField) => UseFormRegisterReturn & { defaultValue?: string }
  choice: (
    name: FundField,
    value: string,
  ) => UseFormRegisterReturn & { value: string; defaultChecked: boolean }
  errorOf: (name: string) => Message | undefined
  currencyLocked?: boolean
}) {
  return (
    <>
      <TextField label="Name" required error={errorOf('name')} {...field('name')} />
      <SelectField
        label="Currency"
        required
        hint={
          currencyLocked
            ? 'Fixed: this fund’s programs already have amounts in it.'
            : 'Every amount in the fund and its programs is in this currency.'
        }
        options={CURRENCIES.map((c) => ({ value: c, label: CURRENCY_LABELS[c] }))}
        error={errorOf('currency')}
        {...field('currency')}
      />
      <TextareaField
        label="Public description"
        hint="What the fund is for, in plain words. Donors and applicants read this."
        error={errorOf('description')}
        {...field('description')}
      />
      <ContentLanguageFields
        field={field}
        errorOf={errorOf}
        fields={[
          {
            name: 'descriptionTranslation',
            labelKey: 'funder:content.fields.fundDescription',
            rows: 4,
          },
        ]}
      />
      <ChoiceFieldset
        type="radio"
        legend="Who can see the fund?"
        name="visibility"
        error={errorOf('visibility')}
        options={FUND_VISIBILITIES.map((v) => ({ value: v, label: VISIBILITY_LABELS[v] }))}
        choice={(v) => choice('visibility', v)}
      />
    </>
  )
}
