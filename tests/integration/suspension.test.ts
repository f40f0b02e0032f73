import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { english } from '#tests/support/english.ts'
import { db } from '#db/client.server.ts'
import { auditLog, sessions } from '#db/schema/index.ts'
import { logIn, SUSPENDED_LOGIN } from '#app/services/accounts/accounts.server.ts'
import { restoreUser, suspendUser } from '#app/services/admin/admin.server.ts'
import { findSessionUser, startSession } from '#app/services/accounts/sessions.server.ts'
import { createUser, TEST_PASSWORD } from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'

withTestDatabase()

describe('suspending an account', () => {
  it('ends its sessions, stops logins until restored, and is audited', async () => {
    const admin = await createUser({ admin: true })
    const user = await createUser()
    const { token } = await startSession(db(), user.id, { ip: '10.5.0.1' })
    expect(await suspendUser(admin, user.id)).toEqual({ ok: true })
    expect(await findSessionUser(token)).toBeNull()
    expect(await db().select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([])
    const refused = await logIn({ email: user.email, password: TEST_PASSWORD }, { ip: '10.5.0.1' })
    expect(refused).toMatchObject({ ok: false, message: SUSPENDED_LOGIN })
    expect(await suspendUser(admin, user.id)).toMatchObject({ ok: false })

    expect(await restoreUser(admin, user.id)).toEqual({ ok: true })
    const back = await logIn({ email: user.email, password: TEST_PASSWORD }, { ip: '10.5.0.1' })
    expect(back.ok).toBe(true)
    const actions = await db()
      .select({ action: auditLog.action, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(eq(auditLog.entityId, user.id))
    expect(actions.filter((a) => a.actor === admin.id).map((a) => a.action)).toEqual([
      'user.suspended',
      'user.restored',
    ])
  })

  it('refuses an admin suspending themselves', async () => {
    const admin = await createUser({ admin: true })
    const refused = await suspendUser(admin, admin.id)
    expect(refused).toMatchObject({ ok: false, reason: 'self' })
    expect(english(refused.ok ? undefined : refused.message)).toMatch(/your own account/)
  })
})
