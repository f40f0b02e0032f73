/**
 * Currencies a fund may hold (ISO 4217); each has two decimals, as app/lib/money.ts assumes.
 * The database refuses any other code (funds_currency_known), so adding one here needs a migration.
 */
export const CURRENCIES = ['USD', 'CAD', 'EUR', 'GBP', 'MXN'] as const
export type Currency = (typeof CURRENCIES)[number]

export const FUND_VISIBILITIES = ['public', 'private'] as const
export type FundVisibility = (typeof FUND_VISIBILITIES)[number]
