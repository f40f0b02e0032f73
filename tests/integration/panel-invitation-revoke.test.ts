import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { auditLog, panelInvitations, panelMembers } from '#db/schema/index.ts'
import * as panelRoute from '#app/routes/orgs.$slug.programs.$programSlug.panel.tsx'
import * as invitationRoute from '#app/routes/panel-invitations.$token.tsx'
import { invitePanelMember } from '#app/services/review/panel.server.ts'
import { addUserToOrg, cookieFor, createOpenProgram, createUser } from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

describe('revoking a panel invitation', () => {
  it('the officer revokes a pending one from the panel page; its link then says it is no longer valid', async () => {
    const s = await createOpenProgram({ status: 'in_review' })
    const invitee = await createUser()
    const invited = await invitePanelMember(
      { id: s.owner.id, ip: null, organizationId: s.org.id },
      s.program,
      s.org,
      invitee.email,
    )
    if (!invited.ok) throw new Error('invite failed')
    const [invitation] = await db()
      .select()
      .from(panelInvitations)
      .where(eq(panelInvitations.programId, s.program.id))
    const params = { slug: s.org.slug, programSlug: s.program.slug }
    const path = `/orgs/${s.org.slug}/programs/${s.program.slug}/panel`
    const revoke = async (userId: string, invitationId = invitation!.id) =>
      call(
        panelRoute.action,
        makeRequest(path, {
          cookie: await cookieFor(userId),
          form: { intent: 'revoke', invitationId },
        }),
        params,
      )

    // The page offers it; a funder member who is not an officer may not revoke.
    const page = await call(
      panelRoute.loader,
      makeRequest(path, { cookie: await cookieFor(s.owner.id) }),
      params,
    )
    expect(JSON.stringify(page.data)).toContain(invitation!.id)
    const member = await addUserToOrg(s, 'member')
    expect((await revoke(member.id)).status).toBe(403)
    expect(
      (
        await db().select().from(panelInvitations).where(eq(panelInvitations.id, invitation!.id))
      )[0]!.revokedAt,
    ).toBeNull()

    expect((await revoke(s.owner.id)).status).toBe(302)
    // Gone from the pending list; revoking twice is refused.
    const after = await call(
      panelRoute.loader,
      makeRequest(path, { cookie: await cookieFor(s.owner.id) }),
      params,
    )
    expect(JSON.stringify(after.data)).not.toContain(invitation!.id)
    expect((await revoke(s.owner.id)).status).toBe(404)
    // Another program's officer cannot reach it through theirs.
    const other = await createOpenProgram({ status: 'in_review' })
    const foreign = await call(
      panelRoute.action,
      makeRequest(`/orgs/${other.org.slug}/programs/${other.program.slug}/panel`, {
        cookie: await cookieFor(other.owner.id),
        form: { intent: 'revoke', invitationId: invitation!.id },
      }),
      { slug: other.org.slug, programSlug: other.program.slug },
    )
    expect(foreign.status).toBe(404)

    // The link: the page says so, and accepting it is refused; nobody joins.
    const cookie = await cookieFor(invitee.id)
    const link = await call(
      invitationRoute.loader,
      makeRequest(`/panel-invitations/${invited.token}`, { cookie }),
      { token: invited.token },
    )
    expect(link.status).toBe(410)
    expect((link.data as { refusal: string }).refusal).toBe('review:invitation.revoked')
    const accepted = await call(
      invitationRoute.action,
      makeRequest(`/panel-invitations/${invited.token}`, { cookie, form: {} }),
      { token: invited.token },
    )
    expect(accepted.status).toBe(410)
    expect(
      await db().select().from(panelMembers).where(eq(panelMembers.programId, s.program.id)),
    ).toHaveLength(0)
    const audited = await db().select().from(auditLog).where(eq(auditLog.entityId, invitation!.id))
    expect(audited.map((a) => a.action)).toContain('panel_invitation.revoked')
  })
})
