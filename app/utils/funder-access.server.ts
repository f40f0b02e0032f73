import type { Organization } from '#db/schema/index.ts'
import { findFund } from '#app/services/funds.server.ts'
import { closeExpiredPrograms, findProgram } from '#app/services/programs.server.ts'
import { throwNotFound } from './http.server.ts'

/** Funds and programs exist only for funders; a community group has no such pages at all. */
export function assertFunder(organization: Organization) {
  if (organization.kind !== 'funder') throwNotFound('No such page')
}

/** The organisation's fund with this slug; a fund of another organisation is not found. */
export async function requireFund(organization: Organization, fundSlug: string | undefined) {
  assertFunder(organization)
  const fund = fundSlug ? await findFund(organization.id, fundSlug) : null
  if (!fund) throwNotFound('No such fund')
  return fund
}

/**
 * The organisation's program with this slug and its fund, with any passed deadline applied
 * first, so the status every page shows and acts on is the server clock's.
 */
export async function requireProgram(organization: Organization, programSlug: string | undefined) {
  assertFunder(organization)
  await closeExpiredPrograms()
  const found = programSlug ? await findProgram(organization.id, programSlug) : null
  if (!found) throwNotFound('No such program')
  return found
}

/** Who is acting, for the services' audit rows. */
export function programActor(
  access: { user: { id: string }; organization: Organization },
  ip: string,
) {
  return { id: access.user.id, ip, organizationId: access.organization.id }
}
