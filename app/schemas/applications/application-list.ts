import { z } from 'zod'
import { APPLICATION_SORTS } from '#app/domain/applications/application-sorts.ts'
import {
  SUBMITTED_STATUSES,
  type ApplicationStatus,
} from '#app/domain/applications/application-status.ts'
import { SDOH_DOMAINS, type SdohDomain } from '#app/domain/places/sdoh.ts'
import { pageParam } from '#app/lib/search-params.ts'

/** The funder's filters on a program's applications. */
export interface ProgramApplicationFilter {
  status?: ApplicationStatus
  sdoh?: SdohDomain
}

// Links and bookmarks outlive the lists' options: anything unknown is no filter, not an error.
const Status = z.enum(SUBMITTED_STATUSES as [ApplicationStatus, ...ApplicationStatus[]]).optional()
const Sdoh = z.enum(SDOH_DOMAINS).optional()
const Sort = z.enum(APPLICATION_SORTS)

/** The filters in a program's application list's (or its export's) query string. */
export function parseApplicationFilter(search: URLSearchParams): ProgramApplicationFilter {
  const status = Status.safeParse(search.get('status') ?? undefined)
  const sdoh = Sdoh.safeParse(search.get('sdoh') ?? undefined)
  return {
    status: status.success ? status.data : undefined,
    sdoh: sdoh.success ? sdoh.data : undefined,
  }
}

/** The list's whole query string: filters, order (newest first by default) and page. */
export function parseApplicationListSearch(search: URLSearchParams) {
  const sort = Sort.safeParse(search.get('sort'))
  return {
    filter: parseApplicationFilter(search),
    sort: sort.success ? sort.data : ('newest' as const),
    page: pageParam(search),
  }
}
