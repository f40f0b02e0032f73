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
  /** Lower-cased email and name, matched against applicants' exclusions. */
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
  if (application.excluded.has(reviewer.email)) return false
  return !application.excluded.has(normalisePerson(reviewer.name))
}

const byLoadThenId = (load: Map<string, number>) => (a: PlanReviewer, b: PlanReviewer) =>
  (load.get(a.userId) ?? 0) - (load.get(b.userId) ?? 0) ||
  (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0)

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
    const chosen = [...(eligible.get(application.id) ?? [])]
      .sort(byLoadThenId(load))
      .slice(0, needed)
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
