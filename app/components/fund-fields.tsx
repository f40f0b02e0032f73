import type { Message } from '#app/lib/i18n/message.ts'
import type { UseFormRegisterReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { CURRENCIES, FUND_VISIBILITIES } from '#app/domain/programs/funds.ts'
import { CURRENCY_KEYS, VISIBILITY_CHOICE_KEYS } from '#app/domain/programs/funder-words.ts'
import { ChoiceFieldset } from './choice-fieldset.tsx'
import { CheckboxField, SelectField, TextareaField, TextField } from './field.tsx'
import { ContentLanguageFields } from './content-language-fields.tsx'

type FundField =
  | 'name'
  | 'currency'
  | 'description'
  | 'contentLanguage'
  | 'descriptionTranslation'
  | 'visibility'
  | 'goalMinor'
  | 'givingClosed'

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
  const { t } = useTranslation('funder')
  return (
    <>
      <TextField
        label={t('funder:fundFields.name')}
        required
        error={errorOf('name')}
        {...field('name')}
      />
      <SelectField
        label={t('funder:fundFields.currency')}
        required
        hint={
          currencyLocked
            ? t('funder:fundFields.currencyLocked')
            : t('funder:fundFields.currencyHint')
        }
        options={CURRENCIES.map((c) => ({ value: c, label: t(CURRENCY_KEYS[c]) }))}
        error={errorOf('currency')}
        {...field('currency')}
      />
      <TextareaField
        label={t('funder:fundFields.description')}
        hint={t('funder:fundFields.descriptionHint')}
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
        legend={t('funder:fundFields.visibility')}
        name="visibility"
        error={errorOf('visibility')}
        options={FUND_VISIBILITIES.map((v) => ({ value: v, label: t(VISIBILITY_CHOICE_KEYS[v]) }))}
        choice={(v) => choice('visibility', v)}
      />
      <TextField
        label={t('funder:fundFields.goal')}
        hint={t('funder:fundFields.goalHint')}
        inputMode="decimal"
        error={errorOf('goalMinor')}
        {...field('goalMinor')}
      />
      <CheckboxField
        name="givingClosed"
        label={t('funder:fundFields.givingClosed')}
        hint={t('funder:fundFields.givingClosedHint')}
        props={choice('givingClosed', 'on')}
      />
    </>
  )
}
