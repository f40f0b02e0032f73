import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { english } from '#tests/support/english.ts'
import { db } from '#db/client.server.ts'
import { auditLog, invitations, memberships, sessions } from '#db/schema/index.ts'
import * as invitationPage from '#app/routes/invitations.$token.tsx'
import * as orgMembers from '#app/routes/orgs.$slug.members.tsx'
import * as dashboard from '#app/routes/_index.tsx'
import { acceptInvitation, inviteMember } from '#app/services/organizations/invitations.server.ts'
import {
  addUserToOrg,
  cookieFor,
  createOrgWithOwner,
  createUser,
  inviteToOrg,
} from '#tests/support/factories.ts'
import { raceTest, withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

let n = 0
const newEmail = () => `invitee-${Date.now()}-${++n}@example.test`

const auditActions = async (organizationId: string) =>
  (
    await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(
        and(eq(auditLog.organizationId, organizationId), eq(auditLog.entityType, 'invitation')),
      )
      .orderBy(auditLog.id)
  ).map((r) => r.action)

const membershipOf = async (organizationId: string, userId: string) =>
  (
    await db()
      .select()
      .from(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
  )[0]

/** Posts the members page's add form and returns the invitation link's token. */
async function inviteThroughPage(cookie: string, slug: string, email: string, role = 'reviewer') {
  const out = await call(
    orgMembers.action,
    makeRequest(`/orgs/${slug}/members`, { cookie, form: { intent: 'add', email, role } }),
    { slug },
  )
  expect(out.status).toBe(200)
  const link = (out.data as { invited: { link: string } }).invited.link
  expect(link).toMatch(/^http:\/\/localhost\/invitations\/[\w-]{43}$/)
  return link.split('/').pop() ?? ''
}

const openInvitation = (token: string, cookie?: string) =>
  call(invitationPage.loader, makeRequest(`/invitations/${token}`, { cookie }), { token })

const join = (token: string, cookie: string) =>
  call(invitationPage.action, makeRequest(`/invitations/${token}`, { cookie, form: {} }), {
    token,
  })

describe('invitations by link', () => {
  it('invite someone without an account, who signs up and joins', async () => {
    const { owner, org } = await createOrgWithOwner()
    const email = newEmail()
    const token = await inviteThroughPage(await cookieFor(owner.id), org.slug, email.toUpperCase())

    const signedOut = await openInvitation(token)
    expect(signedOut.status).toBe(200)
    expect(signedOut.data).toMatchObject({
      organization: { name: org.name },
      role: 'reviewer',
      email,
      viewer: null,
      refusal: null,
    })
    const anonymousJoin = await call(
      invitationPage.action,
      makeRequest(`/invitations/${token}`, { form: {} }),
      { token },
    )
    expect(anonymousJoin.location).toBe(
      `/login?redirectTo=${encodeURIComponent(`/invitations/${token}`)}`,
    )

    const invitee = await createUser({ email })
    const cookie = await cookieFor(invitee.id)
    expect((await openInvitation(token, cookie)).data).toMatchObject({
      viewer: { email, matches: true, isMember: false },
    })
    const joined = await join(token, cookie)
    expect(joined).toMatchObject({ status: 302, location: `/orgs/${org.slug}` })
    expect((await membershipOf(org.id, invitee.id))?.role).toBe('reviewer')
    const [session] = await db().select().from(sessions).where(eq(sessions.userId, invitee.id))
    expect(session?.currentOrganizationId).toBe(org.id)
    const [row] = await db().select().from(invitations).where(eq(invitations.email, email))
    expect(row).toMatchObject({ acceptedByUserId: invitee.id, revokedAt: null })
    expect(row?.acceptedAt).toBeInstanceOf(Date)
    expect(await auditActions(org.id)).toEqual(['membership.invited', 'membership.accepted'])
  })

  it('stores only a hash of the token', async () => {
    const setup = await createOrgWithOwner()
    const token = await inviteToOrg(setup, newEmail())
    const rows = await db()
      .select()
      .from(invitations)
      .where(eq(invitations.organizationId, setup.org.id))
    expect(rows).toHaveLength(1)
    expect(JSON.stringify(rows)).not.toContain(token)
    expect(rows[0]?.tokenHash).toMatch(/^[\w-]{43}$/)
    const audit = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.organizationId, setup.org.id))
    expect(JSON.stringify(audit)).not.toContain(token)
  })

  it('refuses someone signed in with another email', async () => {
    const setup = await createOrgWithOwner()
    const token = await inviteToOrg(setup, newEmail())
    const other = await createUser()
    const cookie = await cookieFor(other.id)
    expect((await openInvitation(token, cookie)).data).toMatchObject({
      viewer: { matches: false },
    })
    const out = await join(token, cookie)
    expect(out.status).toBe(403)
    expect(await membershipOf(setup.org.id, other.id)).toBeUndefined()
  })

  it('accepts the invited email whatever its case, and only once', async () => {
    const setup = await createOrgWithOwner()
    const email = newEmail()
    const token = await inviteToOrg(setup, email, 'admin')
    const invitee = await createUser({ email })
    const result = await acceptInvitation({ id: invitee.id, email: email.toUpperCase() }, token)
    expect(result).toMatchObject({ ok: true, role: 'admin', alreadyMember: false })
    const again = await join(token, await cookieFor(invitee.id))
    expect(again.status).toBe(410)
    expect(english((again.data as { error: string }).error)).toMatch(/already been used/)
    const page = await openInvitation(token, await cookieFor(invitee.id))
    expect(page.status).toBe(410)
    expect(page.data).toMatchObject({ viewer: { isMember: true } })
  })

  it('keeps the role of someone who became a member meanwhile', async () => {
    const setup = await createOrgWithOwner()
    const email = newEmail()
    const token = await inviteToOrg(setup, email, 'admin')
    const invitee = await createUser({ email })
    await db()
      .insert(memberships)
      .values({ organizationId: setup.org.id, userId: invitee.id, role: 'member' })
    const result = await acceptInvitation(invitee, token)
    expect(result).toMatchObject({ ok: true, role: 'member', alreadyMember: true })
    expect((await membershipOf(setup.org.id, invitee.id))?.role).toBe('member')
  })

  it('refuses expired and revoked invitations, and answers 404 to unknown links', async () => {
    const setup = await createOrgWithOwner()
    const expiredEmail = newEmail()
    const expired = await inviteToOrg(setup, expiredEmail)
    await db()
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.email, expiredEmail))
    const expiredUser = await createUser({ email: expiredEmail })
    expect(await acceptInvitation(expiredUser, expired)).toEqual({ ok: false, reason: 'expired' })
    const expiredPage = await openInvitation(expired)
    expect(expiredPage.status).toBe(410)
    expect(expiredPage.data).toMatchObject({ refusal: expect.stringMatching(/expired/) })

    const revokedEmail = newEmail()
    const revoked = await inviteToOrg(setup, revokedEmail)
    const [pending] = await db()
      .select()
      .from(invitations)
      .where(eq(invitations.email, revokedEmail))
    const cookie = await cookieFor(setup.owner.id)
    const revoke = await call(
      orgMembers.action,
      makeRequest('/', { cookie, form: { intent: 'revoke', invitationId: pending?.id ?? '' } }),
      { slug: setup.org.slug },
    )
    expect(revoke.status).toBe(302)
    const revokedUser = await createUser({ email: revokedEmail })
    expect(await acceptInvitation(revokedUser, revoked)).toEqual({ ok: false, reason: 'revoked' })
    const revokedPage = (await openInvitation(revoked)).data as { refusal: string }
    expect(english(revokedPage.refusal)).toMatch(/withdrawn/)
    expect(await membershipOf(setup.org.id, revokedUser.id)).toBeUndefined()

    expect((await openInvitation('not-a-real-token')).status).toBe(404)
    expect((await join('not-a-real-token', cookie)).status).toBe(404)
    expect(await auditActions(setup.org.id)).toEqual([
      'membership.invited',
      'membership.invited',
      'invitation.revoked',
    ])
  })

  it('replaces the pending invitation when the same email is invited again', async () => {
    const setup = await createOrgWithOwner()
    const email = newEmail()
    const first = await inviteToOrg(setup, email, 'member')
    const second = await inviteToOrg(setup, email, 'admin')
    const rows = await db().select().from(invitations).where(eq(invitations.email, email))
    expect(rows.filter((r) => r.revokedAt === null)).toEqual([
      expect.objectContaining({ role: 'admin' }),
    ])
    const invitee = await createUser({ email })
    expect(await acceptInvitation(invitee, first)).toEqual({ ok: false, reason: 'revoked' })
    expect(await acceptInvitation(invitee, second)).toMatchObject({ ok: true, role: 'admin' })
    // The index itself refuses a second pending row.
    await expect(
      db()
        .insert(invitations)
        .values(
          [1, 2].map((i) => ({
            organizationId: setup.org.id,
            email: 'twice@example.test',
            role: 'member' as const,
            tokenHash: `hash-${i}`,
            expiresAt: new Date(Date.now() + 86_400_000),
          })),
        ),
    ).rejects.toThrow()
  })

  raceTest(
    'keeps one pending invitation when the same email is invited twice at once',
    async () => {
      const setup = await createOrgWithOwner()
      const email = newEmail()
      await Promise.all([inviteToOrg(setup, email, 'member'), inviteToOrg(setup, email, 'admin')])
      const rows = await db().select().from(invitations).where(eq(invitations.email, email))
      expect(rows).toHaveLength(2)
      expect(rows.filter((r) => r.revokedAt === null)).toHaveLength(1)
    },
  )

  raceTest('lets one link be used once when it is accepted twice at once', async () => {
    const setup = await createOrgWithOwner()
    const email = newEmail()
    const token = await inviteToOrg(setup, email, 'admin')
    const invitee = await createUser({ email })
    const results = await Promise.all([
      acceptInvitation(invitee, token),
      acceptInvitation(invitee, token),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results).toContainEqual({ ok: false, reason: 'accepted' })
    expect(await membershipOf(setup.org.id, invitee.id)).toMatchObject({ role: 'admin' })
  })

  it('lists pending invitations for managers only', async () => {
    const setup = await createOrgWithOwner()
    const email = newEmail()
    await inviteToOrg(setup, email)
    const owner = await call(
      orgMembers.loader,
      makeRequest('/', { cookie: await cookieFor(setup.owner.id) }),
      { slug: setup.org.slug },
    )
    expect(owner.data).toMatchObject({
      invitations: [{ email, role: 'member', invitedBy: setup.owner.name }],
    })
    const member = await call(
      orgMembers.loader,
      makeRequest('/', { cookie: await cookieFor((await addUserToOrg(setup, 'member')).id) }),
      { slug: setup.org.slug },
    )
    expect(member.data).toMatchObject({ invitations: [] })
  })
})

describe('who may invite and revoke', () => {
  it('lets only owners invite owners', async () => {
    const setup = await createOrgWithOwner()
    const admin = await addUserToOrg(setup, 'admin')
    const result = await inviteMember({ id: admin.id, role: 'admin' }, setup.org, {
      email: newEmail(),
      role: 'owner',
    })
    expect(result).toMatchObject({ ok: false, fieldErrors: { role: expect.any(String) } })
    // An admin may still invite anyone below owner (the helper checks the link it answers).
    await inviteThroughPage(await cookieFor(admin.id), setup.org.slug, newEmail())
  })

  it('refuses members and reviewers (403) and non-members (404)', async () => {
    const setup = await createOrgWithOwner()
    const email = newEmail()
    await inviteToOrg(setup, email)
    const [pending] = await db().select().from(invitations).where(eq(invitations.email, email))
    const params = { slug: setup.org.slug }
    const forms: Record<string, string>[] = [
      { intent: 'add', email: newEmail(), role: 'member' },
      { intent: 'revoke', invitationId: pending?.id ?? '' },
    ]
    const cookies: [string, number][] = [
      [await cookieFor((await addUserToOrg(setup, 'member')).id), 403],
      [await cookieFor((await addUserToOrg(setup, 'reviewer')).id), 403],
      [await cookieFor((await createUser()).id), 404],
    ]
    for (const [cookie, status] of cookies) {
      for (const form of forms) {
        const out = await call(orgMembers.action, makeRequest('/', { cookie, form }), params)
        expect(out.status).toBe(status)
      }
    }
    const rows = await db()
      .select()
      .from(invitations)
      .where(eq(invitations.organizationId, setup.org.id))
    expect(rows).toEqual([expect.objectContaining({ email, revokedAt: null })])
  })
})

const dashboardOf = async (cookie: string) =>
  (await call(dashboard.loader, makeRequest('/', { cookie }))).data as {
    invitations: { id: string; organizationName: string; role: string }[]
  }

const answer = (cookie: string | undefined, invitationId: string, reply: 'accept' | 'decline') =>
  call(dashboard.action, makeRequest('/?index', { cookie, form: { invitationId, answer: reply } }))

async function pendingIdFor(organizationId: string, email: string) {
  const [row] = await db()
    .select()
    .from(invitations)
    .where(and(eq(invitations.organizationId, organizationId), eq(invitations.email, email)))
  if (!row) throw new Error('no invitation')
  return row.id
}

describe('membership needs consent', () => {
  it('invites someone who has an account; they join only when they accept on their dashboard', async () => {
    const { owner, org } = await createOrgWithOwner()
    const user = await createUser()
    const token = await inviteThroughPage(await cookieFor(owner.id), org.slug, user.email, 'member')
    expect(token).toBeTruthy()
    expect(await membershipOf(org.id, user.id)).toBeUndefined()

    const cookie = await cookieFor(user.id)
    const listed = await dashboardOf(cookie)
    expect(listed.invitations).toEqual([
      expect.objectContaining({ organizationName: org.name, role: 'member' }),
    ])
    const accepted = await answer(cookie, listed.invitations[0]!.id, 'accept')
    expect(accepted).toMatchObject({ status: 302, location: `/orgs/${org.slug}` })
    expect((await membershipOf(org.id, user.id))?.role).toBe('member')
    expect((await dashboardOf(cookie)).invitations).toEqual([])
    expect(await auditActions(org.id)).toEqual(['membership.invited', 'membership.accepted'])
  })

  it('lets the invited person decline, which uses the invitation up and is audited', async () => {
    const setup = await createOrgWithOwner()
    const user = await createUser()
    await inviteToOrg(setup, user.email, 'admin')
    const id = await pendingIdFor(setup.org.id, user.email)
    const cookie = await cookieFor(user.id)
    expect(await answer(cookie, id, 'decline')).toMatchObject({ status: 302, location: '/' })
    expect(await membershipOf(setup.org.id, user.id)).toBeUndefined()
    expect((await dashboardOf(cookie)).invitations).toEqual([])
    // A declined invitation cannot be accepted afterwards, by id or by link.
    expect(await answer(cookie, id, 'accept')).toMatchObject({ status: 302, location: '/' })
    expect(await membershipOf(setup.org.id, user.id)).toBeUndefined()
    expect(await auditActions(setup.org.id)).toEqual(['membership.invited', 'membership.declined'])
    // The manager may invite again.
    await inviteToOrg(setup, user.email, 'member')
    expect((await dashboardOf(cookie)).invitations).toHaveLength(1)
  })

  it('lets nobody else accept or decline someone’s invitation', async () => {
    const setup = await createOrgWithOwner()
    const invitee = await createUser()
    await inviteToOrg(setup, invitee.email, 'admin')
    const id = await pendingIdFor(setup.org.id, invitee.email)
    const others = [
      await createUser(),
      setup.owner, // even the organisation's owner, who sent it
      await addUserToOrg(setup, 'admin'),
    ]
    for (const other of others) {
      const cookie = await cookieFor(other.id)
      expect((await dashboardOf(cookie)).invitations).toEqual([])
      for (const reply of ['accept', 'decline'] as const) {
        expect((await answer(cookie, id, reply)).status).toBe(404)
      }
    }
    const anonymous = await answer(undefined, id, 'accept')
    expect(anonymous.status).toBe(302)
    expect(anonymous.location).toMatch(/^\/login/)
    const [row] = await db().select().from(invitations).where(eq(invitations.id, id))
    expect(row).toMatchObject({ acceptedAt: null, declinedAt: null, revokedAt: null })
    expect(await membershipOf(setup.org.id, others[0]!.id)).toBeUndefined()
  })

  it('refuses an expired invitation and no longer lists it', async () => {
    const setup = await createOrgWithOwner()
    const user = await createUser()
    await inviteToOrg(setup, user.email)
    const id = await pendingIdFor(setup.org.id, user.email)
    await db()
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, id))
    const cookie = await cookieFor(user.id)
    expect((await dashboardOf(cookie)).invitations).toEqual([])
    expect(await answer(cookie, id, 'accept')).toMatchObject({ status: 302, location: '/' })
    expect(await membershipOf(setup.org.id, user.id)).toBeUndefined()
  })

  it('refuses to invite someone who is already a member', async () => {
    const setup = await createOrgWithOwner()
    const member = await addUserToOrg(setup, 'member')
    const result = await inviteMember({ id: setup.owner.id, role: 'owner' }, setup.org, {
      email: member.email.toUpperCase(),
      role: 'admin',
    })
    expect(result.ok).toBe(false)
    expect(english(result.ok ? undefined : result.fieldErrors?.email)).toMatch(/already a member/)
  })

  it('answers 400 to a malformed answer', async () => {
    const user = await createUser()
    const out = await call(
      dashboard.action,
      makeRequest('/?index', {
        cookie: await cookieFor(user.id),
        form: { invitationId: 'nope', answer: 'maybe' },
      }),
    )
    expect(out.status).toBe(400)
  })
})
