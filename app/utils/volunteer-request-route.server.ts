import type { Organization } from '#db/schema/index.ts'
import type { VolunteerRequestInput } from '#app/schemas/volunteers/request.ts'
import { REQUEST_ROLES, type RequestValues } from '#app/services/volunteers/requests.server.ts'
import { resolveOnePlace } from '#app/services/volunteers/one-place.server.ts'
import type { Message } from '#app/lib/i18n/message.ts'
import { throwNotFound } from './http.server.ts'
import { requireOrgRole } from './permissions.server.ts'

/**
 * A member of a community group who may post and edit its volunteer requests (owners, admins,
 * members). A funder's organisation posts none: it is told there is no such page.
 */
export async function requireRequestPoster(request: Request, slug: string | undefined) {
  const access = await requireOrgRole(request, slug, REQUEST_ROLES)
  if (access.organization.kind !== 'community_group') {
    throwNotFound('volunteers:refusals.onlyGroups')
  }
  return access as typeof access & { organization: Organization }
}

/** The form's values as the services save them, the county resolved; or the error beside it. */
export async function requestValues(
  input: VolunteerRequestInput,
): Promise<{ ok: true; values: RequestValues } | { ok: false; error: Message }> {
  const place = await resolveOnePlace(input.placeFips, input.placeFipsText)
  if (!place.ok) return place
  const { placeFips: _fips, placeFipsText: _text, ...rest } = input
  return { ok: true, values: { ...rest, placeFips: place.fips } }
}

/** Blank working-hours rows the request form offers below the saved ones. */
export const BLANK_HOURS = 3

/** A new request's zone until the group picks its own (the seeded groups' and programs' zone). */
export const DEFAULT_GROUP_ZONE = 'America/New_York'

/** `count` empty working-hours rows, as the form's default values. */
export const blankHours = (count: number) =>
  Array.from({ length: count }, () => ({ weekday: '', start: '', end: '' }))
