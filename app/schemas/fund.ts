import { z } from 'zod'
import { optionalText } from './fields.ts'

/** Currencies a fund may hold; each has two decimals, as app/utils/money.ts assumes. */
export const CURRENCIES = ['USD', 'CAD', 'EUR', 'GBP', 'MXN'] as const
export type Currency = (typeof CURRENCIES)[number]

export const CURRENCY_LABELS: Record<Currency, string> = {
  USD: 'USD — US dollar',
  CAD: 'CAD — Canadian dollar',
  EUR: 'EUR — Euro',
  GBP: 'GBP — Pound sterling',
  MXN: 'MXN — Mexican peso',
}

export const FUND_VISIBILITIES = ['public', 'private'] as const

export const VISIBILITY_LABELS: Record<(typeof FUND_VISIBILITIES)[number], string> = {
  public: 'Public: listed on the site, with what it raised and granted',
  private: 'Private: only your organisation sees it',
}

export const FundSchema = z.object({
  name: z
    .string({ required_error: 'Enter the fund’s name' })
    .trim()
    .min(3, 'Enter the fund’s name (at least 3 characters)')
    .max(120, 'Names are at most 120 characters'),
  currency: z.enum(CURRENCIES, { errorMap: () => ({ message: 'Choose a currency' }) }),
  description: optionalText(3000, 'The description'),
  visibility: z.enum(FUND_VISIBILITIES, {
    errorMap: () => ({ message: 'Choose whether the fund is public or private' }),
  }),
})
export type FundInput = z.infer<typeof FundSchema>
