/**
 * Planning who reviews what (pure, so it runs the same in the service and in unit tests). Each
 * application gets up to `perApplication` reviewers; the eligible reviewer with the fewest
 * assignments so far goes first (ties by id, so a rerun plans the same), which keeps the panel's
 * loads within one of each other whenever the rules allow it.
 */

export interface PlanApplication {
  id: string
  organizationId: string
  /** Lower-cased emails and names the applicant asked not to be reviewed by. */
  excluded: ReadonlySet<string>
}

export interface PlanReviewer {
  userId: string
  /** Email and name as `normalisePerson` writes them, matched against applicants' exclusions. */
  email: string
  name: string
  /** Organisations the reviewer is a member of or tied to: never assigned their applications. */
  blockedOrganizations: ReadonlySet<string>
}

export interface PlanInput {
  applications: readonly PlanApplication[]
  reviewers: readonly PlanReviewer[]
  /** Existing rows, by application: reviewers already on it in any state (a conflict included). */
  taken: ReadonlyMap<string, ReadonlySet<string>>
  /** Of those, how many hold a place (not a conflict), by application. */
  kept: ReadonlyMap<string, number>
  /** Each reviewer's current number of places in the program. */
  load: ReadonlyMap<string, number>
  perApplication: number
}

export interface PlannedAssignment {
  applicationId: string
  reviewerUserId: string
}

export interface Shortage {
  applicationId: string
  /** Reviewers still missing after every eligible one was used. */
  missing: number
}

export const normalisePerson = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ')

/** Whether this reviewer may review this application at all (before load is considered). */
export function isEligible(reviewer: PlanReviewer, application: PlanApplication) {
  if (reviewer.blockedOrganizations.has(application.organizationId)) return false
  if (application.excluded.size === 0) return true
  return !application.excluded.has(reviewer.email) && !application.excluded.has(reviewer.name)
}

/** The `needed` candidates with the fewest assignments, ties by id (one pass per pick). */
function pickLeastLoaded(
  candidates: readonly PlanReviewer[],
  load: ReadonlyMap<string, number>,
  needed: number,
) {
  const chosen: PlanReviewer[] = []
  const used = new Set<string>()
  for (let n = 0; n < needed; n++) {
    let best: PlanReviewer | undefined
    let bestLoad = Infinity
    for (const candidate of candidates) {
      if (used.has(candidate.userId)) continue
      const l = load.get(candidate.userId) ?? 0
      if (l < bestLoad || (l === bestLoad && best && candidate.userId < best.userId)) {
        best = candidate
        bestLoad = l
      }
    }
    if (!best) break
    used.add(best.userId)
    chosen.push(best)
  }
  return chosen
}

export function planAssignments(input: PlanInput) {
  const load = new Map(input.load)
  const eligible = new Map(
    input.applications.map((application) => {
      const taken = input.taken.get(application.id)
      return [
        application.id,
        input.reviewers.filter((r) => !taken?.has(r.userId) && isEligible(r, application)),
      ] as const
    }),
  )
  // The hardest to staff first, so a reviewer who is the only choice for one is not used up on
  // applications that had others.
  const order = [...input.applications].sort(
    (a, b) =>
      (eligible.get(a.id)?.length ?? 0) - (eligible.get(b.id)?.length ?? 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
  const planned: PlannedAssignment[] = []
  const shortages: Shortage[] = []
  for (const application of order) {
    const needed = input.perApplication - (input.kept.get(application.id) ?? 0)
    if (needed <= 0) continue
    const chosen = pickLeastLoaded(eligible.get(application.id) ?? [], load, needed)
    for (const reviewer of chosen) {
      planned.push({ applicationId: application.id, reviewerUserId: reviewer.userId })
      load.set(reviewer.userId, (load.get(reviewer.userId) ?? 0) + 1)
    }
    if (chosen.length < needed) {
      shortages.push({ applicationId: application.id, missing: needed - chosen.length })
    }
  }
  return { planned, shortages, load }
}
