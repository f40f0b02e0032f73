import { redirect } from '@remix-run/node'
import type { MembershipRole } from '#app/domain/organizations.ts'
import type { Organization } from '#db/schema/index.ts'
import type { SessionUser } from '#app/services/accounts/sessions.server.ts'
import { findOrganizationForMember } from '#app/services/organizations/organizations.server.ts'
import { forbidden, throwNotFound } from './http.server.ts'
import { memo } from './request-memo-cache.server.ts'
import { getSessionUser } from './session.server.ts'

/** The signed-in user; anyone else is sent to log in and brought back afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request)
  if (!user) {
    const url = new URL(request.url)
    const back = url.pathname + url.search
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`)
  }
  return user
}

/** Pages for signed-out people only (login, sign-up) send signed-in users home. */
export async function requireAnonymous(request: Request) {
  if (await getSessionUser(request)) throw redirect('/')
}

export async function requirePlatformAdmin(request: Request): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!user.isPlatformAdmin) throw forbidden('common:errors.adminsOnly')
  return user
}

export interface OrgAccess {
  user: SessionUser
  organization: Organization
  role: MembershipRole
}

/**
 * A member of the organisation, optionally with one of `roles`. Non-members get 404, so that
 * private pages do not even confirm the organisation exists; members without the role get 403.
 */
export async function requireOrgRole(
  request: Request,
  slug: string | undefined,
  roles?: readonly MembershipRole[],
): Promise<OrgAccess> {
  const user = await requireUser(request)
  const found = slug
    ? await memo(`organization:${slug}:${user.id}`, () => findOrganizationForMember(slug, user.id))
    : null
  if (!found?.role) throwNotFound('common:errors.noSuchOrganization')
  const { organization, role } = found
  if (roles && !roles.includes(role)) {
    throw forbidden('common:errors.roleNotAllowed')
  }
  return { user, organization, role }
}
