import { z } from 'zod'
import { msg } from '#app/lib/i18n/message.ts'
import { SDOH_DOMAINS, type SdohDomain } from '#app/domain/places/sdoh.ts'
import { findState } from '#app/domain/places/us-states.ts'
import { parseMoney } from '#app/lib/money.ts'
import '#app/lib/i18n/zod-error-map.ts'

const optional = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

/** `message`: the key that asks for this amount ("Enter the smallest award as …"). */
const Money = (message: string) =>
  z.preprocess(
    optional,
    z
      .string()
      .max(20, message)
      .transform((v, ctx) => {
        const minor = parseMoney(v)
        if (minor === null) {
          ctx.addIssue({ code: 'custom', message })
          return z.NEVER
        }
        return minor
      })
      .optional(),
  )

function isCalendarDate(v: string) {
  const d = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v)
}

/**
 * The public program list's filters, one schema per field: a GET form's bad value should cost
 * only that filter (with a message), not the whole search.
 */
export const CatalogFilterFields = {
  q: z.preprocess(
    optional,
    z
      .string()
      .trim()
      .max(200, msg('programs:catalog.errors.searchTooLong', { count: 200 }))
      .optional(),
  ),
  state: z.preprocess(
    optional,
    z
      .string()
      .max(40)
      .transform((v, ctx) => {
        const state = findState(v)
        if (!state) {
          ctx.addIssue({ code: 'custom', message: 'programs:catalog.errors.state' })
          return z.NEVER
        }
        return state.name
      })
      .optional(),
  ),
  sdoh: z.preprocess(
    optional,
    z
      .enum(SDOH_DOMAINS, { errorMap: () => ({ message: 'programs:catalog.errors.focus' }) })
      .optional(),
  ),
  minAward: Money('programs:catalog.errors.minAward'),
  maxAward: Money('programs:catalog.errors.maxAward'),
  closesBefore: z.preprocess(
    optional,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'programs:catalog.errors.dateFormat')
      .refine(isCalendarDate, 'programs:catalog.errors.realDate')
      // PostgreSQL has no year 0, and no program closes before the platform existed anyway.
      .refine((v) => v >= '2000-01-01', 'programs:catalog.errors.dateFrom2000')
      .optional(),
  ),
} as const

export type CatalogFilterName = keyof typeof CatalogFilterFields

export interface ParsedCatalogSearch {
  filters: {
    q?: string
    state?: string
    sdoh?: SdohDomain
    minAward?: number
    maxAward?: number
    closesBefore?: string
  }
  errors: Partial<Record<CatalogFilterName, string>>
}

export function parseCatalogSearch(search: URLSearchParams): ParsedCatalogSearch {
  const filters: Record<string, unknown> = {}
  const errors: ParsedCatalogSearch['errors'] = {}
  for (const name of Object.keys(CatalogFilterFields) as CatalogFilterName[]) {
    const result = CatalogFilterFields[name].safeParse(search.get(name) ?? undefined)
    if (result.success) filters[name] = result.data
    else errors[name] = result.error.issues[0]?.message ?? 'programs:catalog.errors.generic'
  }
  const parsed = filters as ParsedCatalogSearch['filters']
  if (
    parsed.minAward !== undefined &&
    parsed.maxAward !== undefined &&
    parsed.minAward > parsed.maxAward
  ) {
    errors.maxAward = 'programs:catalog.errors.maxBelowMin'
    delete parsed.maxAward
  }
  return { filters: parsed, errors }
}
