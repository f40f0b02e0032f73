/**
 * Currencies a fund may hold (ISO 4217); each has two decimals, as app/lib/money.ts assumes.
 * The database refuses any other code (funds_currency_known), so adding one here needs a migration.
 */
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
export type FundVisibility = (typeof FUND_VISIBILITIES)[number]

export const VISIBILITY_LABELS: Record<FundVisibility, string> = {
  public: 'Public: listed on the site, with what it raised and granted',
  private: 'Private: only your organisation sees it',
}
