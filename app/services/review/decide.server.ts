import { createHash } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { db, type Db } from '#db/client.server.ts'
import {
  applicationDecisions,
  applications,
  programGuardrails,
  proposedAmounts,
  type Program,
} from '#db/schema/index.ts'
import { fail, type Result } from '#app/domain/result.ts'
import { isCommunityLed, isSmallBudget } from '#app/domain/review/applicant-groups.ts'
import { explainProposal } from '#app/domain/review/explanation.ts'
import { topQuartile } from '#app/domain/review/fairness.ts'
import {
  GUARDRAIL_FLAGS,
  SUGGESTED_GUARDRAILS,
  type GuardrailFlag,
  type ScoreBasis,
} from '#app/domain/review/guardrails.ts'
import {
  proposeFundedSet,
  type Candidate,
  type Committed,
  type Guardrail,
} from '#app/domain/review/proposal.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { lockProgram } from '#app/services/programs/programs.server.ts'
import type { OfficerActor } from './panel.server.ts'
import { awardProposal, programBudget } from './decisions.server.ts'
import { programRanking } from './ranking.server.ts'

/**
 * Decision support (issue 9; docs/decisions/020-review-mathematics.md and 023-decision-page.md):
 * the program's guardrails and the officer's partial awards, the proposal over the program's
 * undecided applications within what is left of the budget, and accepting it.
 */

/** Applications still to decide: the proposal funds among these. */
const UNDECIDED = new Set(['submitted', 'in_review'])

type DecidingProgram = Pick<
  Program,
  'id' | 'budgetMinor' | 'minAwardMinor' | 'communityReviewerWeight' | 'reviewersPerApplication'
>

/** What the program has already committed: the amounts awarded so far. */
export async function committedBudget(programId: string): Promise<number> {
  return (await programBudget({ id: programId, budgetMinor: 0 })).awardedMinor
}

/** The amount of each award the program has made, by application. */
async function awardedAmounts(programId: string) {
  return db()
    .select({
      applicationId: applicationDecisions.applicationId,
      amount: applicationDecisions.amountMinor,
    })
    .from(applicationDecisions)
    .where(
      and(eq(applicationDecisions.programId, programId), eq(applicationDecisions.outcome, 'award')),
    )
}

/** The program's guardrails, in the order of GUARDRAIL_FLAGS. */
export async function listGuardrails(programId: string) {
  const rows = await db()
    .select({ flag: programGuardrails.flag, basisPoints: programGuardrails.minBasisPoints })
    .from(programGuardrails)
    .where(eq(programGuardrails.programId, programId))
  return GUARDRAIL_FLAGS.flatMap((flag) => rows.filter((r) => r.flag === flag))
}

/** Replaces the program's guardrails by these (shares in basis points); audited. */
export async function setGuardrails(
  actor: OfficerActor,
  program: Pick<Program, 'id'>,
  shares: readonly { flag: GuardrailFlag; basisPoints: number }[],
): Promise<Result> {
  await db().transaction((tx) => setGuardrailsInTransaction(tx, actor, program, shares))
  return { ok: true }
}

/** `setGuardrails` inside a transaction the caller holds (the demo seed stores its own). */
export async function setGuardrailsInTransaction(
  tx: Db,
  actor: OfficerActor,
  program: Pick<Program, 'id'>,
  shares: readonly { flag: GuardrailFlag; basisPoints: number }[],
) {
  await lockProgram(tx, program.id)
  await tx.delete(programGuardrails).where(eq(programGuardrails.programId, program.id))
  if (shares.length > 0) {
    await tx.insert(programGuardrails).values(
      shares.map((s) => ({
        programId: program.id,
        flag: s.flag,
        minBasisPoints: s.basisPoints,
        updatedByUserId: actor.id,
      })),
    )
  }
  await recordAudit(tx, {
    actorUserId: actor.id,
    action: 'program.guardrails_changed',
    entityType: 'program',
    entityId: program.id,
    organizationId: actor.organizationId,
    ip: actor.ip,
    details: { guardrails: shares.map((s) => ({ flag: s.flag, basisPoints: s.basisPoints })) },
  })
}

/** The guardrails the issue names (40% most vulnerable places, 30% small budgets, 50% led by lived experience). */
export function setSuggestedGuardrails(actor: OfficerActor, program: Pick<Program, 'id'>) {
  return setGuardrails(
    actor,
    program,
    GUARDRAIL_FLAGS.map((flag) => ({ flag, basisPoints: SUGGESTED_GUARDRAILS[flag] })),
  )
}

/** The program's undecided application, locked, or a refusal. */
async function undecidedApplication(tx: Db, programId: string, applicationId: string) {
  const [found] = await tx
    .select({
      id: applications.id,
      status: applications.status,
      amountRequestedMinor: applications.amountRequestedMinor,
    })
    .from(applications)
    .where(and(eq(applications.id, applicationId), eq(applications.programId, programId)))
    .for('update')
  return found && UNDECIDED.has(found.status) ? found : null
}

/**
 * The officer's partial award for an application: at most its request, at least the program's
 * minimum award; the proposal then funds it with this amount. Audited.
 */
export async function setProposedAmount(
  actor: OfficerActor,
  program: Pick<Program, 'id' | 'minAwardMinor'>,
  applicationId: string,
  amountMinor: number,
): Promise<Result> {
  return db().transaction(async (tx) => {
    const found = await undecidedApplication(tx, program.id, applicationId)
    if (!found) {
      return fail({ fieldErrors: { applicationId: 'review:decide.amounts.notUndecided' } })
    }
    const requested = found.amountRequestedMinor ?? 0
    if (amountMinor > requested) {
      return fail({
        fieldErrors: { amount: 'review:decide.amounts.aboveRequest' },
      })
    }
    if (amountMinor <= 0 || amountMinor < program.minAwardMinor) {
      return fail({ fieldErrors: { amount: 'review:decide.amounts.belowMinimum' } })
    }
    await tx
      .insert(proposedAmounts)
      .values({
        applicationId,
        programId: program.id,
        proposedAmountMinor: amountMinor,
        setByUserId: actor.id,
      })
      .onConflictDoUpdate({
        target: proposedAmounts.applicationId,
        set: { proposedAmountMinor: amountMinor, setByUserId: actor.id, updatedAt: new Date() },
      })
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'application.amount_proposed',
      entityType: 'application',
      entityId: applicationId,
      organizationId: actor.organizationId,
      ip: actor.ip,
      details: { programId: program.id, amountMinor, requestedMinor: requested },
    })
    return { ok: true as const }
  })
}

/** Back to funding the request in full. Audited. */
export async function clearProposedAmount(
  actor: OfficerActor,
  program: Pick<Program, 'id'>,
  applicationId: string,
): Promise<Result> {
  return db().transaction(async (tx) => {
    const [removed] = await tx
      .delete(proposedAmounts)
      .where(
        and(
          eq(proposedAmounts.applicationId, applicationId),
          eq(proposedAmounts.programId, program.id),
        ),
      )
      .returning()
    if (!removed) return fail({ status: 404, message: 'common:errors.notFoundText' })
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'application.proposed_amount_cleared',
      entityType: 'application',
      entityId: applicationId,
      organizationId: actor.organizationId,
      ip: actor.ip,
      details: { programId: program.id, amountMinor: removed.proposedAmountMinor },
    })
    return { ok: true as const }
  })
}

export interface Award {
  applicationId: string
  amountMinor: number
}

/**
 * A digest of what a proposal awards and what it was computed from (basis, budget, guardrails):
 * the page posts it with the awards, and accepting refuses when the proposal has changed since.
 */
export function proposalFingerprint(parts: {
  basis: ScoreBasis
  remaining: number
  guardrails: readonly Guardrail[]
  awards: readonly Award[]
}) {
  const awards = [...parts.awards]
    .sort((a, b) => (a.applicationId < b.applicationId ? -1 : 1))
    .map((a) => `${a.applicationId}:${a.amountMinor}`)
  const guardrails = parts.guardrails.map((g) => `${g.flag}:${g.minPercent}`)
  return createHash('sha256')
    .update(JSON.stringify([parts.basis, parts.remaining, guardrails, awards]))
    .digest('hex')
}

/**
 * The decision page's data: the budget (program budget, committed, remaining), the guardrails,
 * each undecided application as the proposal sees it, the proposal with its explanation, and the
 * fingerprint of the awards it proposes.
 */
export async function decisionProposal(program: DecidingProgram, basis: ScoreBasis) {
  const [ranking, awarded, guardrailRows, partials] = await Promise.all([
    programRanking(program),
    awardedAmounts(program.id),
    listGuardrails(program.id),
    db()
      .select({
        applicationId: proposedAmounts.applicationId,
        amount: proposedAmounts.proposedAmountMinor,
      })
      .from(proposedAmounts)
      .where(eq(proposedAmounts.programId, program.id)),
  ])
  const committed = awarded.reduce((total, a) => total + (a.amount ?? 0), 0)
  const remaining = Math.max(0, program.budgetMinor - committed)
  const partial = new Map(partials.map((p) => [p.applicationId, p.amount]))
  // The top quartile of the place index among all the program's applications on the board.
  const mostVulnerable = topQuartile(ranking.lines.map((l) => l.placeVulnerability))
  const allLines = ranking.lines.map((line, i) => {
    const flags: GuardrailFlag[] = []
    if (mostVulnerable[i]) flags.push('most_vulnerable_place')
    // The same groups the fairness page compares (applicant-groups.ts).
    if (isSmallBudget(line.budgetBand)) flags.push('small_budget')
    if (isCommunityLed(line.ledByLivedExperience)) flags.push('community_led')
    const requested = line.amountRequestedMinor ?? 0
    const proposed = partial.get(line.id)
    return {
      id: line.id,
      title: line.title,
      organization: line.organization,
      status: line.status,
      requested,
      // A partial amount above a request lowered since is capped at the request.
      proposedAmount: proposed === undefined ? null : Math.min(proposed, requested),
      amount: proposed === undefined ? requested : Math.min(proposed, requested),
      raw: line.mean,
      normalised: line.normalised,
      flags,
    }
  })
  const lines = allLines.filter((line) => UNDECIDED.has(line.status))
  // The awards already made count in every guardrail's share, with their applications' flags.
  const flagsOf = new Map(allLines.map((l) => [l.id, l.flags]))
  const committedAwards: Committed[] = awarded.map((a) => ({
    amount: a.amount ?? 0,
    flags: flagsOf.get(a.applicationId) ?? [],
  }))
  const guardrails: Guardrail[] = guardrailRows.map((g) => ({
    flag: g.flag,
    minPercent: g.basisPoints / 100,
  }))
  const candidates: Candidate[] = lines.map((l) => ({
    applicationId: l.id,
    amount: l.amount,
    raw: l.raw,
    normalised: l.normalised,
    flags: l.flags,
  }))
  const proposal = await proposeFundedSet({
    candidates,
    budget: remaining,
    guardrails,
    basis,
    committed: committedAwards,
  })
  const byId = new Map(lines.map((l) => [l.id, l]))
  const awards: Award[] = (proposal.proposal?.applicationIds ?? []).map((id) => ({
    applicationId: id,
    amountMinor: byId.get(id)!.amount,
  }))
  return {
    basis,
    budget: program.budgetMinor,
    committed,
    remaining,
    guardrails: guardrailRows,
    lines,
    proposal,
    explanation: explainProposal(proposal),
    awards,
    fingerprint: proposalFingerprint({ basis, remaining, guardrails, awards }),
  }
}

/**
 * Accepts the proposal the officer saw: computed again here, refused when it differs from what
 * was posted (its fingerprint or its awards), else awarded as a whole (`awardProposal`: all or none).
 */
export async function acceptProposal(
  actor: OfficerActor,
  program: DecidingProgram,
  posted: { basis: ScoreBasis; fingerprint: string; awards: readonly Award[] },
): Promise<Result<{ awarded: number }>> {
  const current = await decisionProposal(program, posted.basis)
  const same =
    current.proposal.proposal !== null &&
    current.fingerprint === posted.fingerprint &&
    proposalFingerprint({
      basis: posted.basis,
      remaining: current.remaining,
      guardrails: current.proposal.ranking.shares.map((s) => ({
        flag: s.flag,
        minPercent: s.minPercent,
      })),
      awards: posted.awards,
    }) === current.fingerprint
  if (!same) {
    return fail({
      status: 409,
      reason: 'proposal_changed',
      message: 'review:decide.accept.changed',
    })
  }
  // No dates are asked here: each grant takes the program's default term (from the award day
  // in the program's zone, DEFAULT_TERM_MONTHS), which the officer reshapes on the grant page.
  return awardProposal(actor, program, current.awards)
}
