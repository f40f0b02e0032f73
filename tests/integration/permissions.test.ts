import { describe, expect, it } from 'vitest'
import * as account from '#app/routes/account.tsx'
import * as adminAudit from '#app/routes/admin.audit.tsx'
import * as adminOrgs from '#app/routes/admin.organizations.tsx'
import * as adminUsers from '#app/routes/admin.users.tsx'
import * as login from '#app/routes/login.tsx'
import * as orgIndex from '#app/routes/orgs.$slug._index.tsx'
import * as orgMembers from '#app/routes/orgs.$slug.members.tsx'
import * as orgSettings from '#app/routes/orgs.$slug.settings.tsx'
import * as orgNew from '#app/routes/orgs.new.tsx'
import * as orgSwitch from '#app/routes/orgs.switch.tsx'
import {
  addUserToOrg,
  cookieFor,
  createOrgWithOwner,
  createUser,
} from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

// Who gets what from each route (signed out, outsiders, members, admins) is in the route × role
// matrix (permission-matrix.test.ts); these are the cases it does not cover.

describe('signed-out visitors', () => {
  it('with a forged session cookie are treated as signed out', async () => {
    const out = await call(
      account.loader,
      makeRequest('/account', { cookie: 'cf_session=forged.value' }),
    )
    expect(out.location).toMatch(/^\/login/)
  })
})

describe('organisation pages', () => {
  it('answer 404 for an organisation that does not exist', async () => {
    const cookie = await cookieFor((await createUser()).id)
    const out = await call(orgIndex.loader, makeRequest('/orgs/nope', { cookie }), { slug: 'nope' })
    expect(out.status).toBe(404)
  })

  it('let members see the organisation but not edit it (403)', async () => {
    const setup = await createOrgWithOwner()
    const member = await cookieFor((await addUserToOrg(setup, 'member')).id)
    const params = { slug: setup.org.slug }
    expect((await call(orgIndex.loader, makeRequest('/', { cookie: member }), params)).status).toBe(
      200,
    )
    expect(
      (await call(orgSettings.loader, makeRequest('/', { cookie: member }), params)).status,
    ).toBe(403)
    const edit = await call(
      orgSettings.action,
      makeRequest('/', { cookie: member, form: { name: 'Renamed by member' } }),
      params,
    )
    expect(edit.status).toBe(403)
    const add = await call(
      orgMembers.action,
      makeRequest('/', {
        cookie: member,
        form: { intent: 'add', email: 'a@example.test', role: 'admin' },
      }),
      params,
    )
    expect(add.status).toBe(403)
  })

  it('hide member emails from reviewers and members', async () => {
    const setup = await createOrgWithOwner()
    const reviewer = await cookieFor((await addUserToOrg(setup, 'reviewer')).id)
    const out = await call(orgMembers.loader, makeRequest('/', { cookie: reviewer }), {
      slug: setup.org.slug,
    })
    const data = out.data as { members: { email: string }[] }
    expect(data.members.every((m) => m.email === '')).toBe(true)
  })

  it('let owners edit the profile, with field errors and kept input on bad data', async () => {
    const { owner, org } = await createOrgWithOwner()
    const cookie = await cookieFor(owner.id)
    const params = { slug: org.slug }
    const bad = await call(
      orgSettings.action,
      makeRequest('/', {
        cookie,
        form: { name: 'Ok name', website: 'not a url', mission: 'Kept' },
      }),
      params,
    )
    expect(bad.status).toBe(400)
    expect(bad.data).toMatchObject({
      errors: { website: expect.any(String) },
      values: { mission: 'Kept', website: 'not a url' },
    })
    const good = await call(
      orgSettings.action,
      makeRequest('/', { cookie, form: { name: 'New Name', website: 'https://example.org' } }),
      params,
    )
    expect(good.status).toBe(302)
  })

  it('refuse to switch to an organisation the user is not in', async () => {
    const { org } = await createOrgWithOwner()
    const cookie = await cookieFor((await createUser()).id)
    const out = await call(
      orgSwitch.action,
      makeRequest('/orgs/switch', { cookie, form: { organizationId: org.id } }),
    )
    expect(out.status).toBe(404)
  })
})

describe('platform admin pages', () => {
  it('open for platform admins, with filters', async () => {
    const admin = await createUser({ admin: true, name: 'Findable Admin' })
    const cookie = await cookieFor(admin.id)
    const users = await call(adminUsers.loader, makeRequest('/admin/users?q=findable', { cookie }))
    expect(users.data).toMatchObject({ rows: [expect.objectContaining({ id: admin.id })] })
    const { org } = await createOrgWithOwner('funder')
    const orgs = await call(
      adminOrgs.loader,
      makeRequest(`/admin/organizations?kind=funder&q=${encodeURIComponent(org.name)}`, { cookie }),
    )
    expect(orgs.data).toMatchObject({ rows: [expect.objectContaining({ id: org.id })] })
    const audit = await call(
      adminAudit.loader,
      makeRequest(`/admin/audit?action=organization.created&entityId=${org.id}`, { cookie }),
    )
    expect(audit.data).toMatchObject({ rows: [expect.objectContaining({ entityId: org.id })] })
  })
})

describe('signed-in visitors', () => {
  it('are sent home from the login page', async () => {
    const cookie = await cookieFor((await createUser()).id)
    const out = await call(login.loader, makeRequest('/login', { cookie }))
    expect(out).toMatchObject({ status: 302, location: '/' })
  })
})

describe('setting up a group on the way to applying', () => {
  it('goes back where the user came from, but never off this site', async () => {
    const cookie = await cookieFor((await createUser()).id)
    const create = (name: string, redirectTo: string) =>
      call(
        orgNew.action,
        makeRequest('/orgs/new', { cookie, form: { kind: 'community_group', name, redirectTo } }),
      )
    const back = await create('On the Way Collective', '/programs/some-call/apply')
    expect(back).toMatchObject({ status: 302, location: '/programs/some-call/apply' })
    const offsite = await create('Careful Collective', '//evil.example/steal')
    expect(offsite.location).toMatch(/^\/orgs\/careful-collective/)
  })
})
