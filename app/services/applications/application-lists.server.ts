import {
  and,
  arrayContains,
  asc,
  desc,
  eq,
  inArray,
  ne,
  sql,
  type Placeholder,
  type SQL,
} from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { preparedShapes } from '#db/prepared.server.ts'
import { applications, funds, memberships, organizations, programs } from '#db/schema/index.ts'
import type { ApplicationSort } from '#app/domain/applications/application-sorts.ts'
import type { ProgramApplicationFilter } from '#app/schemas/applications/application-list.ts'
import type { ApplicationStatus } from '#app/domain/applications/application-status.ts'
import type { SdohDomain } from '#app/domain/places/sdoh.ts'
import { APPLICANT_ROLES } from './applications.server.ts'

export type { ApplicationSort, ProgramApplicationFilter }

export const LIST_PAGE_SIZE = 25

const ORDER: Record<ApplicationSort, SQL[]> = {
  newest: [sql`${applications.submittedAt} DESC NULLS LAST`, desc(applications.id)],
  oldest: [sql`${applications.submittedAt} ASC NULLS LAST`, asc(applications.id)],
  amount: [sql`${applications.amountRequestedMinor} DESC NULLS LAST`, desc(applications.id)],
  vulnerability: [sql`${applications.placeVulnerability} DESC NULLS LAST`, desc(applications.id)],
}

/** A value in a condition: given, or a prepared statement's placeholder filled in at each call. */
type Param<T> = T | Placeholder

/**
 * A program's applications as its funder sees them: never drafts (those belong to the group
 * until submitted), narrowed by the filters. The list and its figures share it, so they agree.
 */
export function programApplicationsWhere(
  programId: Param<string>,
  filter: { status?: Param<ApplicationStatus>; sdoh?: Param<SdohDomain> },
) {
  const conditions = [eq(applications.programId, programId), ne(applications.status, 'draft')]
  if (filter.status) conditions.push(eq(applications.status, filter.status))
  if (filter.sdoh)
    conditions.push(arrayContains(applications.sdohDomains, sql`ARRAY[${filter.sdoh}]::text[]`))
  return and(...conditions)
}

/** What a funder sees of each application in a list (and the export builds on). */
export const FUNDER_LIST_COLUMNS = {
  id: applications.id,
  title: applications.title,
  organizationName: organizations.name,
  status: applications.status,
  amountRequestedMinor: applications.amountRequestedMinor,
  placeVulnerability: applications.placeVulnerability,
  placeVulnerabilityYear: applications.placeVulnerabilityYear,
  sdohDomains: applications.sdohDomains,
  submittedAt: applications.submittedAt,
}

interface ListShape {
  sort: ApplicationSort
  status: boolean
  sdoh: boolean
}

/**
 * One page of the list, prepared per shape (order, and which filters are set: 16 at most), since
 * funders open it all day: built once instead of per view, and planned by PostgreSQL once per
 * connection instead of per view (docs/decisions/013-throughput.md, round nine).
 */
const listPage = preparedShapes(
  'program_applications',
  (shape: ListShape) => `${shape.sort}${shape.status ? '_status' : ''}${shape.sdoh ? '_sdoh' : ''}`,
  (db, name, shape) =>
    db
      .select(FUNDER_LIST_COLUMNS)
      .from(applications)
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .where(
        programApplicationsWhere(sql.placeholder('programId'), {
          status: shape.status ? sql.placeholder('status') : undefined,
          sdoh: shape.sdoh ? sql.placeholder('sdoh') : undefined,
        }),
      )
      .orderBy(...ORDER[shape.sort])
      .limit(LIST_PAGE_SIZE + 1)
      .offset(sql.placeholder('offset'))
      .prepare(name),
)

/** The program's applications, filtered and sorted in the database, one page at a time. */
export async function listProgramApplications(
  programId: string,
  opts: ProgramApplicationFilter & { sort: ApplicationSort; page: number },
) {
  const page = Math.max(1, opts.page)
  const { status, sdoh, sort } = opts
  const rows = await listPage({ sort, status: Boolean(status), sdoh: Boolean(sdoh) }).execute({
    programId,
    status,
    sdoh,
    offset: (page - 1) * LIST_PAGE_SIZE,
  })
  return { rows: rows.slice(0, LIST_PAGE_SIZE), page, hasNext: rows.length > LIST_PAGE_SIZE }
}

/** A group's applications, most recently touched first. */
export async function listOrganizationApplications(organizationId: string) {
  return db()
    .select({
      id: applications.id,
      title: applications.title,
      status: applications.status,
      amountRequestedMinor: applications.amountRequestedMinor,
      updatedAt: applications.updatedAt,
      submittedAt: applications.submittedAt,
      programTitle: programs.title,
      programSlug: programs.slug,
      closesAt: programs.closesAt,
      timeZone: programs.timeZone,
      currency: funds.currency,
    })
    .from(applications)
    .innerJoin(programs, eq(programs.id, applications.programId))
    .innerJoin(funds, eq(funds.id, programs.fundId))
    .where(eq(applications.organizationId, organizationId))
    .orderBy(desc(applications.updatedAt))
    .limit(200)
}

/** Every application of every group the user writes for, for the dashboard. */
export async function listUserApplications(userId: string) {
  return db()
    .select({
      id: applications.id,
      title: applications.title,
      status: applications.status,
      updatedAt: applications.updatedAt,
      organizationName: organizations.name,
      programTitle: programs.title,
      closesAt: programs.closesAt,
      timeZone: programs.timeZone,
    })
    .from(applications)
    .innerJoin(
      memberships,
      and(
        eq(memberships.organizationId, applications.organizationId),
        eq(memberships.userId, userId),
        inArray(memberships.role, APPLICANT_ROLES),
      ),
    )
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(programs, eq(programs.id, applications.programId))
    .orderBy(desc(applications.updatedAt))
    .limit(20)
}
