import type { UseFormRegisterReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { grossUp } from '#app/domain/donations/fees.ts'
import { CUSTOM_AMOUNT, GIFT_PRESETS_MINOR } from '#app/domain/donations/giving.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import type { Message } from '#app/lib/i18n/message.ts'
import { parseMoney } from '#app/lib/money.ts'
import { ChoiceFieldset } from './choice-fieldset.tsx'
import { CheckboxField, TextField } from './field.tsx'

type AmountField = 'preset' | 'customAmount' | 'interval'
type Choice = (
  name: AmountField,
  value: string,
) => UseFormRegisterReturn & { value: string; defaultChecked: boolean }
type FieldProps = (name: AmountField) => UseFormRegisterReturn & { defaultValue?: string }

/** The gift as chosen so far, in minor units, or null while it is not a usable amount. */
export function chosenGift(preset: unknown, custom: unknown): number | null {
  if (preset === CUSTOM_AMOUNT) return typeof custom === 'string' ? parseMoney(custom) : null
  const minor = Number(preset)
  return Number.isSafeInteger(minor) && minor > 0 ? minor : null
}

/** How much: the presets, another amount, and how often. */
export function AmountFields({
  currency,
  field,
  choice,
  errorOf,
}: {
  currency: string
  field: FieldProps
  choice: Choice
  errorOf: (name: string) => Message | undefined
}) {
  const { t } = useTranslation('donations')
  const format = useFormatters()
  return (
    <>
      <ChoiceFieldset
        type="radio"
        legend={t('donations:give.amount')}
        name="preset"
        error={errorOf('preset')}
        options={[
          ...GIFT_PRESETS_MINOR.map((m) => ({
            value: String(m),
            label: format.money(m, currency),
          })),
          { value: CUSTOM_AMOUNT, label: t('donations:give.otherAmount') },
        ]}
        choice={(v) => choice('preset', v)}
      />
      <TextField
        label={t('donations:give.customAmount')}
        hint={t('donations:give.customHint')}
        inputMode="decimal"
        error={errorOf('customAmount')}
        {...field('customAmount')}
      />
      <ChoiceFieldset
        type="radio"
        legend={t('donations:give.interval')}
        name="interval"
        error={errorOf('interval')}
        options={[
          { value: 'one_time', label: t('donations:give.oneTime') },
          { value: 'month', label: t('donations:give.monthly') },
        ]}
        choice={(v) => choice('interval', v)}
      />
    </>
  )
}

/** "Cover the processing fee", with the exact amount it adds for the gift chosen so far. */
export function CoverFeeField({
  giftMinor,
  monthly,
  currency,
  props,
}: {
  giftMinor: number | null
  monthly: boolean
  currency: string
  props: UseFormRegisterReturn & { value: string; defaultChecked: boolean }
}) {
  const { t } = useTranslation('donations')
  const format = useFormatters()
  const charge = giftMinor ? grossUp(giftMinor) : null
  return (
    <CheckboxField
      name="coverFee"
      label={t('donations:give.coverFee')}
      live
      hint={
        charge !== null && giftMinor !== null
          ? t(monthly ? 'donations:give.coverFeeMonthly' : 'donations:give.coverFeeOnce', {
              fee: format.money(charge - giftMinor, currency),
              charge: format.money(charge, currency),
              gift: format.money(giftMinor, currency),
            })
          : t('donations:give.coverFeeHint')
      }
      props={props}
    />
  )
}
