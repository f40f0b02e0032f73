import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { english } from '#tests/support/english.ts'
import { db } from '#db/client.server.ts'
import { auditLog, memberships } from '#db/schema/index.ts'
import {
  answerInvitation,
  inviteMember,
  listInvitationsFor,
} from '#app/services/organizations/invitations.server.ts'
import {
  changeMemberRole,
  createOrganization,
  findOrganizationForMember,
  listUserOrganizations,
  removeMember,
  updateOrganizationProfile,
} from '#app/services/organizations/organizations.server.ts'
import {
  addUserToOrg,
  createOrgWithOwner,
  createUser,
  organizationInput,
} from '#tests/support/factories.ts'
import { raceTest, withTestDatabase } from '#tests/support/database.ts'

withTestDatabase()

const actions = async (organizationId: string) =>
  (
    await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.organizationId, organizationId))
      .orderBy(auditLog.id)
  ).map((r) => r.action)

describe('organisations', () => {
  it('makes the creator the owner and audits the creation', async () => {
    const { owner, org } = await createOrgWithOwner('funder')
    expect(await listUserOrganizations(owner.id)).toEqual([
      expect.objectContaining({ id: org.id, role: 'owner', kind: 'funder' }),
    ])
    expect(await actions(org.id)).toEqual(['organization.created'])
  })

  it('gives two organisations with one name different slugs', async () => {
    const user = await createUser()
    const input = organizationInput('Same Name Collective')
    const first = await createOrganization({ id: user.id }, input)
    const second = await createOrganization({ id: user.id }, input)
    expect(first.slug).toBe('same-name-collective')
    expect(second.slug).toBe('same-name-collective-2')
  })

  raceTest('gives simultaneous organisations with one name different slugs', async () => {
    const user = await createUser()
    const input = organizationInput('Racing Name Collective')
    const made = await Promise.all([
      createOrganization({ id: user.id }, input),
      createOrganization({ id: user.id }, input),
      createOrganization({ id: user.id }, input),
    ])
    expect(new Set(made.map((o) => o.slug)).size).toBe(3)
  })

  it('audits a profile change with the fields that changed', async () => {
    const { owner, org } = await createOrgWithOwner()
    await updateOrganizationProfile({ id: owner.id }, org, { ...org, mission: 'Feed the block' })
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, 'organization.updated')))
    expect(entry?.details).toEqual({ changed: ['mission'] })
  })
})

describe('membership', () => {
  it('makes nobody a member without their acceptance', async () => {
    const { owner, org } = await createOrgWithOwner()
    const user = await createUser()
    const actor = { id: owner.id, role: 'owner' as const }
    expect(await inviteMember(actor, org, { email: user.email, role: 'member' })).toMatchObject({
      ok: true,
    })
    expect(await listUserOrganizations(user.id)).toEqual([])
    const [invitation] = await listInvitationsFor(user.email)
    expect(await answerInvitation(user, invitation!.id, 'accept')).toMatchObject({ ok: true })
    expect(await listUserOrganizations(user.id)).toEqual([
      expect.objectContaining({ id: org.id, role: 'member' }),
    ])
    const again = await inviteMember(actor, org, { email: user.email, role: 'admin' })
    expect(again.ok).toBe(false)
    expect(english(again.ok ? undefined : again.fieldErrors?.email)).toMatch(/already a member/)
    expect(await actions(org.id)).toEqual([
      'organization.created',
      'membership.invited',
      'membership.accepted',
    ])
  })

  it('never leaves an organisation without an owner', async () => {
    const setup = await createOrgWithOwner()
    const { owner, org } = setup
    const actor = { id: owner.id, role: 'owner' as const }
    expect(await removeMember(actor, org, owner.id)).toMatchObject({ ok: false })
    expect(await changeMemberRole(actor, org, owner.id, 'member')).toMatchObject({ ok: false })
    // With a second owner, the first may leave.
    const second = await addUserToOrg(setup, 'owner')
    expect(await removeMember(actor, org, owner.id)).toEqual({ ok: true })
    expect(await actions(org.id)).toContain('membership.left')
    const left = await db()
      .select({ userId: memberships.userId, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.organizationId, org.id))
    expect(left).toEqual([{ userId: second.id, role: 'owner' }])
  })

  raceTest('keeps one owner when two owners demote each other at once', async () => {
    const setup = await createOrgWithOwner()
    const other = await addUserToOrg(setup, 'owner')
    const results = await Promise.all([
      changeMemberRole({ id: setup.owner.id, role: 'owner' }, setup.org, other.id, 'member'),
      changeMemberRole({ id: other.id, role: 'owner' }, setup.org, setup.owner.id, 'member'),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const owners = await db()
      .select()
      .from(memberships)
      .where(and(eq(memberships.organizationId, setup.org.id), eq(memberships.role, 'owner')))
    expect(owners).toHaveLength(1)
  })

  it('lets admins remove members but not owners', async () => {
    const setup = await createOrgWithOwner()
    const admin = await addUserToOrg(setup, 'admin')
    const member = await addUserToOrg(setup, 'member')
    const actor = { id: admin.id, role: 'admin' as const }
    expect(await removeMember(actor, setup.org, setup.owner.id)).toMatchObject({ ok: false })
    expect(await removeMember(actor, setup.org, member.id)).toEqual({ ok: true })
    expect(await actions(setup.org.id)).toContain('membership.removed')
  })

  it('records role changes', async () => {
    const setup = await createOrgWithOwner()
    const member = await addUserToOrg(setup, 'member')
    await changeMemberRole({ id: setup.owner.id, role: 'owner' }, setup.org, member.id, 'reviewer')
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.organizationId, setup.org.id),
          eq(auditLog.action, 'membership.role_changed'),
        ),
      )
    expect(entry?.details).toMatchObject({ from: 'member', to: 'reviewer' })
  })
})

describe('audit log', () => {
  it('refuses updates and deletes', async () => {
    const { org } = await createOrgWithOwner()
    await expect(
      db()
        .update(auditLog)
        .set({ entityType: 'tampered' })
        .where(eq(auditLog.organizationId, org.id)),
    ).rejects.toThrow()
    await expect(db().delete(auditLog).where(eq(auditLog.organizationId, org.id))).rejects.toThrow()
    expect(await actions(org.id)).toEqual(['organization.created'])
  })
})

describe('an organisation and the viewer’s role in it (one lookup for every organisation page)', () => {
  it('gives the role of this user in this organisation only', async () => {
    const funder = await createOrgWithOwner('funder')
    const group = await createOrgWithOwner('community_group')
    const member = await addUserToOrg(funder, 'member')

    expect(await findOrganizationForMember(funder.org.slug, funder.owner.id)).toEqual({
      organization: funder.org,
      role: 'owner',
    })
    expect(await findOrganizationForMember(funder.org.slug, member.id)).toMatchObject({
      organization: { id: funder.org.id },
      role: 'member',
    })
    // Owner elsewhere, nothing here; and another member's role is not theirs.
    expect(await findOrganizationForMember(funder.org.slug, group.owner.id)).toEqual({
      organization: funder.org,
      role: null,
    })
    expect(await findOrganizationForMember(group.org.slug, member.id)).toMatchObject({
      organization: { id: group.org.id },
      role: null,
    })
    expect(await findOrganizationForMember('no-such-organisation', funder.owner.id)).toBeNull()
  })
})
