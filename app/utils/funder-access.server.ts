import type { Organization } from '#db/schema/index.ts'
import { FUND_MANAGER_ROLES, findFund } from '#app/services/programs/funds.server.ts'
import { findProgram } from '#app/services/programs/programs.server.ts'
import { MANAGER_ROLES } from '#app/services/organizations/organizations.server.ts'
import { throwNotFound } from './http.server.ts'
import { memo } from './request-memo-cache.server.ts'
import { requireOrgRole } from './permissions.server.ts'

/** Funds and programs exist only for funders; a community group has no such pages at all. */
export function assertFunder(organization: Organization) {
  if (organization.kind !== 'funder') throwNotFound()
}

/** The organisation's fund with this slug; a fund of another organisation is not found. */
export async function requireFund(organization: Organization, fundSlug: string | undefined) {
  assertFunder(organization)
  const fund = fundSlug ? await findFund(organization.id, fundSlug) : null
  if (!fund) throwNotFound('common:errors.noSuchFund')
  return fund
}

/** The organisation's program with this slug and its fund. */
async function requireProgram(organization: Organization, programSlug: string | undefined) {
  assertFunder(organization)
  const found = programSlug
    ? await memo(`program:${organization.id}:${programSlug}`, () =>
        findProgram(organization.id, programSlug),
      )
    : null
  if (!found) throwNotFound('common:errors.noSuchProgram')
  return found
}

/**
 * A program of the organisation in the URL, for someone who manages its funds (owner, admin or
 * member; reviewers get 403, non-members 404): what every funder program page starts from.
 */
export async function requireManagedProgram(
  request: Request,
  params: { slug?: string; programSlug?: string },
) {
  const access = await requireOrgRole(request, params.slug, FUND_MANAGER_ROLES)
  return { ...access, ...(await requireProgram(access.organization, params.programSlug)) }
}

/**
 * A program of the organisation in the URL, for its program officers (owners and admins): the
 * panel and review pages. Members and reviewers get 403, non-members (community reviewers
 * included) 404.
 */
export async function requireOfficerProgram(
  request: Request,
  params: { slug?: string; programSlug?: string },
) {
  const access = await requireOrgRole(request, params.slug, MANAGER_ROLES)
  return { ...access, ...(await requireProgram(access.organization, params.programSlug)) }
}

/** Who is acting, for the services' audit rows. */
export function programActor(
  access: { user: { id: string }; organization: Organization },
  ip: string,
) {
  return { id: access.user.id, ip, organizationId: access.organization.id }
}
