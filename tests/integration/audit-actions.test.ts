import { readFileSync } from 'node:fs'
import { inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { auditLog } from '#db/schema/index.ts'
import { AUDIT_ACTIONS, type AuditAction } from '#app/domain/audit-actions.ts'
import { withTestDatabase } from '#tests/support/database.ts'

withTestDatabase()

/** Past tenses that do not end in -ed. */
const IRREGULAR = new Set(['reset', 'left', 'withdrawn', 'paid', 'held']) // paid, held: past tenses too

describe('audit actions', () => {
  it('all read entity.past_tense_verb, the entity singular', () => {
    for (const action of AUDIT_ACTIONS) {
      expect(action).toMatch(/^[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*$/)
      const [entity = '', verb = ''] = action.split('.')
      expect(entity.endsWith('s'), action).toBe(false)
      // "signed_up", "password_changed", "login_failed": one of the words is the past tense.
      const pastTense = verb.split('_').some((w) => w.endsWith('ed') || IRREGULAR.has(w))
      expect(pastTense, action).toBe(true)
    }
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length)
  })

  it('migration 0005 renames rows written under the old names, despite the append-only guard', async () => {
    const old = {
      'applications.exported': 'application.exported',
      'membership.add': 'membership.added',
      'application.in_review': 'application.moved_into_review',
    }
    await db()
      .insert(auditLog)
      .values(
        Object.keys(old).map((action) => ({
          actorUserId: null,
          action: action as AuditAction,
          entityType: 'test',
          entityId: action,
        })),
      )
    const migration = readFileSync('db/migrations/0005_audit_action_grammar.sql', 'utf8')
    await db().transaction(async (tx) => {
      for (const statement of migration.split('--> statement-breakpoint')) {
        await tx.execute(statement)
      }
    })
    const rows = await db()
      .select({ action: auditLog.action, entityId: auditLog.entityId })
      .from(auditLog)
      .where(inArray(auditLog.entityId, Object.keys(old)))
    expect(Object.fromEntries(rows.map((r) => [r.entityId, r.action]))).toEqual(old)
    // The guard is back: history still cannot be rewritten.
    await expect(db().update(auditLog).set({ entityType: 'changed' })).rejects.toThrow()
  })
})
