import type { ApplicationStatus } from './application-status.ts'
import type { SdohDomain } from '#app/domain/places/sdoh.ts'
import type { VulnerabilityBand } from '#app/domain/places/vulnerability.ts'

/** How many applications, and how much they ask for in total (integer minor units). */
export interface Tally {
  count: number
  requestedMinor: number
}

export type SubmittedStatus = Exclude<ApplicationStatus, 'draft'>

/** A program's submitted applications summed up, every category present (zero when empty). */
export interface ProgramApplicationStats {
  total: Tally
  byStatus: Record<SubmittedStatus, Tally>
  /** An application counts once under each domain it addresses, so these overlap. */
  bySdoh: Record<SdohDomain, Tally>
  byVulnerability: Record<VulnerabilityBand, Tally>
}

/** What is still asked of the budget: everything but withdrawn and declined applications. */
export function requestedInTheRunning(stats: ProgramApplicationStats): number {
  const { withdrawn, declined } = stats.byStatus
  return stats.total.requestedMinor - withdrawn.requestedMinor - declined.requestedMinor
}
