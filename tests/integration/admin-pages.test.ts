import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { sessions } from '#db/schema/index.ts'
import * as audit from '#app/routes/admin.audit.tsx'
import * as organizationPage from '#app/routes/admin.organizations_.$organizationId.tsx'
import * as organizationList from '#app/routes/admin.organizations.tsx'
import * as userPage from '#app/routes/admin.users_.$userId.tsx'
import * as userList from '#app/routes/admin.users.tsx'
import { logIn, SUSPENDED_LOGIN } from '#app/services/accounts/accounts.server.ts'
import {
  changeMemberRole,
  updateOrganizationProfile,
} from '#app/services/organizations/organizations.server.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import {
  addUserToOrg,
  cookieFor,
  createApplicationRow,
  createOpenProgram,
  createOrgWithOwner,
  createUser,
  TEST_PASSWORD,
} from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

type Loaded<T extends (...args: never[]) => unknown> = Exclude<Awaited<ReturnType<T>>, Response>

async function asAdmin() {
  const admin = await createUser({ admin: true })
  return { admin, cookie: await cookieFor(admin.id) }
}

describe("the admin's user page", () => {
  it('shows the account, its memberships, active sessions and what it did', async () => {
    const { cookie } = await asAdmin()
    const funder = await createOpenProgram()
    const reviewer = await addUserToOrg(funder, 'reviewer')
    await cookieFor(reviewer.id)
    await cookieFor(reviewer.id)
    await changeMemberRole({ id: funder.owner.id, role: 'owner' }, funder.org, reviewer.id, 'admin')
    const out = await call(
      userPage.loader,
      makeRequest(`/admin/users/${funder.owner.id}`, { cookie }),
      {
        userId: funder.owner.id,
      },
    )
    expect(out.status).toBe(200)
    const page = out.data as Loaded<typeof userPage.loader>
    expect(page.user).toMatchObject({
      email: funder.owner.email,
      suspended: false,
      isPlatformAdmin: false,
      memberships: [{ id: funder.org.id, name: funder.org.name, role: 'owner', kind: 'funder' }],
    })
    expect(page.user.lastActiveAt).not.toBeNull()
    const roleChange = page.recentEvents.find((e) => e.action === 'membership.role_changed')
    expect(roleChange?.entity).toMatchObject({
      label: reviewer.name,
      href: `/admin/users/${reviewer.id}`,
    })
    expect(roleChange?.entity?.detail).toContain(funder.org.name)

    const other = await call(
      userPage.loader,
      makeRequest(`/admin/users/${reviewer.id}`, { cookie }),
      {
        userId: reviewer.id,
      },
    )
    expect((other.data as Loaded<typeof userPage.loader>).user.activeSessions).toBe(2)
  })

  it('answers 404 for an unknown or malformed id', async () => {
    const { cookie } = await asAdmin()
    for (const userId of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' OR 1=1"]) {
      const out = await call(userPage.loader, makeRequest('/admin/users/x', { cookie }), { userId })
      expect(out.status).toBe(404)
      const post = await call(
        userPage.action,
        makeRequest('/admin/users/x', { cookie, form: { intent: 'suspend' } }),
        { userId },
      )
      expect(post.status).toBe(userId.startsWith('0000') ? 400 : 404)
    }
  })

  it('suspends (their sessions end, they cannot log in) and restores through plain posts', async () => {
    const { cookie } = await asAdmin()
    const user = await createUser()
    await cookieFor(user.id)
    const path = `/admin/users/${user.id}`
    const suspended = await call(
      userPage.action,
      makeRequest(path, { cookie, form: { intent: 'suspend' } }),
      { userId: user.id },
    )
    expect(suspended).toMatchObject({ status: 302, location: path })
    expect(await db().select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([])
    const refused = await logIn({ email: user.email, password: TEST_PASSWORD }, { ip: '10.6.0.1' })
    expect(refused).toMatchObject({ ok: false, message: SUSPENDED_LOGIN, status: 403 })
    const shown = await call(userPage.loader, makeRequest(path, { cookie }), { userId: user.id })
    expect((shown.data as Loaded<typeof userPage.loader>).user.suspended).toBe(true)

    const list = await call(
      userList.loader,
      makeRequest('/admin/users?status=suspended', { cookie }),
    )
    const rows = (list.data as Loaded<typeof userList.loader>).rows
    expect(rows.map((r) => r.id)).toEqual([user.id])
    expect(rows[0]?.suspended).toBe(true)

    const restored = await call(
      userPage.action,
      makeRequest(path, { cookie, form: { intent: 'restore' } }),
      { userId: user.id },
    )
    expect(restored).toMatchObject({ status: 302, location: path })
    const back = await logIn({ email: user.email, password: TEST_PASSWORD }, { ip: '10.6.0.1' })
    expect(back.ok).toBe(true)
    const after = await call(
      userList.loader,
      makeRequest('/admin/users?status=suspended', { cookie }),
    )
    expect((after.data as Loaded<typeof userList.loader>).rows).toEqual([])
  })

  it('refuses an admin suspending themselves, with a clear message', async () => {
    const { admin, cookie } = await asAdmin()
    const out = await call(
      userPage.action,
      makeRequest(`/admin/users/${admin.id}`, { cookie, form: { intent: 'suspend' } }),
      { userId: admin.id },
    )
    expect(out.status).toBe(400)
    // The one refusal shape of every form (refuse): the message under `form`, what was posted.
    expect(out.data).toEqual({
      errors: { form: 'admin:refusals.suspendSelf' },
      values: { intent: 'suspend' },
    })
    const page = await call(userPage.loader, makeRequest(`/admin/users/${admin.id}`, { cookie }), {
      userId: admin.id,
    })
    expect((page.data as Loaded<typeof userPage.loader>).isSelf).toBe(true)
    // Still able to act: their own session was not ended.
    expect(page.status).toBe(200)
  })
})

describe("the admin's user page refusals", () => {
  it.each([
    ['restore', 'an active account', 400, 'admin:refusals.notSuspended'],
    ['suspend', 'a suspended account', 400, 'admin:refusals.notActive'],
    ['delete', 'any account', 400, 'admin:user.chooseIntent'],
  ])('refuses %s on %s in the form refusal shape', async (intent, _which, status, message) => {
    const { cookie } = await asAdmin()
    const user = await createUser()
    if (intent === 'suspend') {
      await call(
        userPage.action,
        makeRequest(`/admin/users/${user.id}`, { cookie, form: { intent } }),
        { userId: user.id },
      )
    }
    const out = await call(
      userPage.action,
      makeRequest(`/admin/users/${user.id}`, { cookie, form: { intent } }),
      { userId: user.id },
    )
    expect(out.status).toBe(status)
    expect(out.data).toEqual({ errors: { form: message }, values: { intent } })
  })
})

describe("the admin's organisation page", () => {
  it('shows the profile, members with roles, fund and program counts, and recent events', async () => {
    const { cookie } = await asAdmin()
    const funder = await createOpenProgram()
    const reviewer = await addUserToOrg(funder, 'reviewer')
    await updateOrganizationProfile({ id: funder.owner.id }, funder.org, {
      ...funder.org,
      mission: 'Fund neighbours',
    })
    const out = await call(
      organizationPage.loader,
      makeRequest(`/admin/organizations/${funder.org.id}`, { cookie }),
      { organizationId: funder.org.id },
    )
    expect(out.status).toBe(200)
    const { organization, recentEvents } = out.data as Loaded<typeof organizationPage.loader>
    expect(organization).toMatchObject({
      kind: 'funder',
      slug: funder.org.slug,
      funds: 1,
      programs: 1,
    })
    expect(organization.members.map((m) => [m.id, m.role]).sort()).toEqual(
      [
        [funder.owner.id, 'owner'],
        [reviewer.id, 'reviewer'],
      ].sort(),
    )
    expect(recentEvents.map((e) => e.action)).toEqual([
      'organization.updated',
      'organization.created',
    ])
    expect(recentEvents[0]?.entity).toEqual({
      label: funder.org.name,
      href: `/admin/organizations/${funder.org.id}`,
    })
    const missing = await call(
      organizationPage.loader,
      makeRequest('/admin/organizations/x', { cookie }),
      { organizationId: 'x' },
    )
    expect(missing.status).toBe(404)
  })

  it('is linked from the organisations list, which links names to it', async () => {
    const { cookie } = await asAdmin()
    const { org } = await createOrgWithOwner()
    const list = await call(
      organizationList.loader,
      makeRequest('/admin/organizations', { cookie }),
    )
    expect((list.data as Loaded<typeof organizationList.loader>).rows.map((r) => r.id)).toContain(
      org.id,
    )
  })
})

describe('the audit log', () => {
  it('names the entities of every row, linking to admin pages, and keeps the raw id', async () => {
    const { cookie } = await asAdmin()
    const funder = await createOpenProgram()
    const application = await createApplicationRow(funder.program.id, { title: '' })
    // Rows about each kind of entity, written as the services write them.
    await db().transaction(async (tx) => {
      const row = (entityType: string, entityId: string) =>
        recordAudit(tx, {
          actorUserId: funder.owner.id,
          action: 'program.updated',
          entityType,
          entityId,
          organizationId: funder.org.id,
        })
      await row('program', funder.program.id)
      await row('fund', funder.fund.id)
      await row('application', application.id)
      await row('user', funder.owner.id)
      await row('ip', '10.0.0.9')
      await row('user', 'unknown')
      await row('user', '00000000-0000-4000-8000-000000000000')
    })
    const out = await call(
      audit.loader,
      makeRequest(`/admin/audit?organizationId=${funder.org.id}`, { cookie }),
    )
    const rows = (out.data as Loaded<typeof audit.loader>).rows
    const entityOf = (type: string, id: string) =>
      rows.find((r) => r.entityType === type && r.entityId === id)?.entity
    expect(entityOf('program', funder.program.id)).toEqual({ label: funder.program.title })
    expect(entityOf('fund', funder.fund.id)).toEqual({ label: funder.fund.name })
    // An application with no title yet is known by the group that applies.
    const groupName = rows.find((r) => r.entityId === application.id)?.entity?.label
    expect(groupName).toMatch(/^Org /)
    expect(entityOf('user', funder.owner.id)).toEqual({
      label: funder.owner.name,
      detail: funder.owner.email,
      href: `/admin/users/${funder.owner.id}`,
    })
    expect(entityOf('organization', funder.org.id)?.label).toBe(funder.org.name)
    for (const [type, id] of [
      ['ip', '10.0.0.9'],
      ['user', 'unknown'],
      ['user', '00000000-0000-4000-8000-000000000000'],
    ] as const) {
      expect(rows.find((r) => r.entityType === type && r.entityId === id)?.entity).toBeNull()
    }

    const byActor = await call(
      audit.loader,
      makeRequest(`/admin/audit?actorId=${funder.owner.id}`, { cookie }),
    )
    const actors = (byActor.data as Loaded<typeof audit.loader>).rows.map((r) => r.actorUserId)
    expect(actors.length).toBeGreaterThan(0)
    expect(new Set(actors)).toEqual(new Set([funder.owner.id]))
  })
})
