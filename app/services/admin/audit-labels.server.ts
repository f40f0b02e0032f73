import { sql, type SQL } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import {
  applications,
  funds,
  invitations,
  organizations,
  programs,
  users,
} from '#db/schema/index.ts'
import { isUuid } from '#app/lib/uuid.ts'

/** What an audit row's entity is, in words, with the admin page about it where there is one. */
export interface EntityLabel {
  label: string
  /** A second line: the email beside a name, the organisation a membership is in. */
  detail?: string
  href?: string
}

export interface EntityRef {
  entityType: string
  entityId: string
}

/** The key a label is found under: one entity may appear on many rows of a page. */
export const entityKey = (ref: EntityRef) => `${ref.entityType}:${ref.entityId}`

type Kind = 'user' | 'organization' | 'program' | 'fund' | 'application' | 'invitation'
type Found = {
  kind: Kind
  id: string
  label: string
  detail: string | null
}

/** Membership ids are "<organisation id>:<user id>". */
function membershipParts(entityId: string) {
  const [organizationId = '', userId = ''] = entityId.split(':')
  return isUuid(organizationId) && isUuid(userId) ? { organizationId, userId } : null
}

function wantedIds(refs: EntityRef[]) {
  const wanted: Record<Kind, Set<string>> = {
    user: new Set(),
    organization: new Set(),
    program: new Set(),
    fund: new Set(),
    application: new Set(),
    invitation: new Set(),
  }
  for (const ref of refs) {
    if (ref.entityType === 'membership') {
      const parts = membershipParts(ref.entityId)
      if (parts) {
        wanted.user.add(parts.userId)
        wanted.organization.add(parts.organizationId)
      }
    } else if (ref.entityType in wanted && isUuid(ref.entityId)) {
      wanted[ref.entityType as Kind].add(ref.entityId.toLowerCase())
    }
  }
  return wanted
}

const idList = (ids: Set<string>) =>
  sql.join(
    [...ids].map((id) => sql`${id}::uuid`),
    sql`, `,
  )

/**
 * One SELECT per kind that has ids on the page, each giving (kind, id, label, detail), each naming
 * its columns (whichever comes first names the union's).
 */
function lookups(wanted: Record<Kind, Set<string>>): SQL[] {
  const parts: SQL[] = []
  const add = (kind: Kind, query: (ids: SQL) => SQL) => {
    if (wanted[kind].size) parts.push(query(idList(wanted[kind])))
  }
  add(
    'user',
    (ids) =>
      sql`SELECT 'user' AS kind, ${users.id}::text AS id, ${users.name} AS label, ${users.email} AS detail FROM ${users} WHERE ${users.id} IN (${ids})`,
  )
  add(
    'organization',
    (ids) =>
      sql`SELECT 'organization' AS kind, ${organizations.id}::text AS id, ${organizations.name} AS label, NULL AS detail FROM ${organizations} WHERE ${organizations.id} IN (${ids})`,
  )
  add(
    'program',
    (ids) =>
      sql`SELECT 'program' AS kind, ${programs.id}::text AS id, ${programs.title} AS label, NULL AS detail FROM ${programs} WHERE ${programs.id} IN (${ids})`,
  )
  add(
    'fund',
    (ids) =>
      sql`SELECT 'fund' AS kind, ${funds.id}::text AS id, ${funds.name} AS label, NULL AS detail FROM ${funds} WHERE ${funds.id} IN (${ids})`,
  )
  // An application without a title yet is known by the group that applies.
  add(
    'application',
    (ids) =>
      sql`SELECT 'application' AS kind, a.id::text AS id, coalesce(nullif(a.title, ''), o.name) AS label, o.name AS detail
          FROM ${applications} a JOIN ${organizations} o ON o.id = a.organization_id
          WHERE a.id IN (${ids})`,
  )
  add(
    'invitation',
    (ids) =>
      sql`SELECT 'invitation' AS kind, ${invitations.id}::text AS id, ${invitations.email} AS label, NULL AS detail FROM ${invitations} WHERE ${invitations.id} IN (${ids})`,
  )
  return parts
}

function labelOf(
  ref: EntityRef,
  found: Map<string, Found>,
  organizationName: (id: string) => string | undefined,
): EntityLabel | undefined {
  const get = (kind: Kind, id: string) => found.get(`${kind}:${id.toLowerCase()}`)
  if (ref.entityType === 'membership') {
    const parts = membershipParts(ref.entityId)
    const user = parts && get('user', parts.userId)
    if (!parts || !user) return undefined
    const organization = organizationName(parts.organizationId)
    return {
      label: user.label,
      detail: organization ? `${user.detail ?? ''} · ${organization}` : (user.detail ?? undefined),
      href: `/admin/users/${user.id}`,
    }
  }
  const row = found.get(`${ref.entityType}:${ref.entityId.toLowerCase()}`)
  if (!row) return undefined
  const href =
    row.kind === 'user'
      ? `/admin/users/${row.id}`
      : row.kind === 'organization'
        ? `/admin/organizations/${row.id}`
        : undefined
  return { label: row.label, detail: row.detail ?? undefined, href }
}

/**
 * Labels for the entities of a page of audit rows, read in one statement however many rows the
 * page has (a UNION ALL of one lookup per kind of entity on it). Ids that are not UUIDs (an
 * address, "unknown") and entities since deleted get no label; the caller shows the raw id.
 */
export async function labelEntities(refs: EntityRef[]): Promise<Map<string, EntityLabel>> {
  const parts = lookups(wantedIds(refs))
  const labels = new Map<string, EntityLabel>()
  if (!parts.length) return labels
  const result = await db().execute<Found>(sql.join(parts, sql` UNION ALL `))
  // Both drivers answer { rows }; the Db type does not say so.
  const { rows } = result as unknown as { rows: Found[] }
  const found = new Map(rows.map((r) => [`${r.kind}:${r.id}`, r]))
  const organizationName = (id: string) => found.get(`organization:${id.toLowerCase()}`)?.label
  for (const ref of refs) {
    const label = labelOf(ref, found, organizationName)
    if (label) labels.set(entityKey(ref), label)
  }
  return labels
}
