/**
 * What every answer with a receipt carries (page and PDF): it names the donor and their email,
 * so no cache keeps it and no search engine lists it, whoever holds the link.
 */
export const RECEIPT_HEADERS = {
  'Cache-Control': 'private, no-store',
  'X-Robots-Tag': 'noindex',
} as const
