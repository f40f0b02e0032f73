import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { memberships, notifications, organizations, panelMembers } from '#db/schema/index.ts'
import * as root from '#app/root.tsx'
import {
  addUserToOrg,
  cookieFor,
  createOpenProgram,
  createOrgWithOwner,
  createUser,
} from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

/** What the root loader gives the header for this cookie (none: signed out). */
async function header(cookie?: string) {
  const out = await call(root.loader, makeRequest('/', { cookie }))
  expect(out.status).toBe(200)
  const { unread, reviewer } = out.data as { unread: number; reviewer: boolean }
  return { unread, reviewer }
}

async function notify(userId: string, eventKey: string, readAt: Date | null = null) {
  await db()
    .insert(notifications)
    .values({ userId, kind: 'application.submitted', link: '/', eventKey, readAt })
}

describe('the page header’s figures (one query for the bell and the Reviews link)', () => {
  it('count only the person’s own unread notifications and say whether they sit on a panel', async () => {
    const person = await createUser()
    const someoneElse = await createUser()
    const cookie = await cookieFor(person.id)
    expect(await header(cookie)).toEqual({ unread: 0, reviewer: false })

    await notify(person.id, 'a')
    await notify(person.id, 'b')
    await notify(person.id, 'c', new Date())
    await notify(someoneElse.id, 'd')
    expect(await header(cookie)).toEqual({ unread: 2, reviewer: false })

    // A seat on another person's panel is not theirs.
    const { program } = await createOpenProgram({}, await createOrgWithOwner('funder'))
    await db()
      .insert(panelMembers)
      .values({ programId: program.id, userId: someoneElse.id, kind: 'staff' })
    expect(await header(cookie)).toEqual({ unread: 2, reviewer: false })

    await db()
      .insert(panelMembers)
      .values({ programId: program.id, userId: person.id, kind: 'community' })
    expect(await header(cookie)).toEqual({ unread: 2, reviewer: true })
    expect(await header(await cookieFor(someoneElse.id))).toEqual({ unread: 1, reviewer: true })
  })

  it('are nothing for a signed-out visitor', async () => {
    expect(await header()).toEqual({ unread: 0, reviewer: false })
    const out = await call(root.loader, makeRequest('/'))
    expect((out.data as { organizations: unknown[] }).organizations).toEqual([])
  })

  it('come with the person’s organisations, by name, with their role in each', async () => {
    const first = await createOrgWithOwner('funder')
    const second = await createOrgWithOwner()
    await db()
      .update(organizations)
      .set({ name: 'Zeta Mutual Aid' })
      .where(eq(organizations.id, first.org.id))
    await db()
      .update(organizations)
      .set({ name: 'Alder Street Pantry' })
      .where(eq(organizations.id, second.org.id))
    const person = await addUserToOrg(first, 'reviewer')
    await db()
      .insert(memberships)
      .values({ organizationId: second.org.id, userId: person.id, role: 'admin' })
    await addUserToOrg(await createOrgWithOwner(), 'member') // someone else's
    const out = await call(root.loader, makeRequest('/', { cookie: await cookieFor(person.id) }))
    expect((out.data as { organizations: unknown[] }).organizations).toEqual([
      {
        id: second.org.id,
        name: 'Alder Street Pantry',
        slug: second.org.slug,
        kind: 'community_group',
        role: 'admin',
      },
      {
        id: first.org.id,
        name: 'Zeta Mutual Aid',
        slug: first.org.slug,
        kind: 'funder',
        role: 'reviewer',
      },
    ])
  })
})
