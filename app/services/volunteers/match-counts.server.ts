/**
 * What the rankings read about engagements (issue 11): pending offers per request and completed
 * engagements per volunteer. Engagements are built on their own branch; until they exist there are
 * none of either, so both answer 0 for everyone. Each is one function so that work fills it in.
 */

/** Pending offers on each of the requests; a request not in the map has none. */
export async function pendingOffersOf(requestIds: readonly string[]): Promise<Map<string, number>> {
  return new Map(requestIds.map((id) => [id, 0]))
}

/** Completed engagements of each volunteer profile; one not in the map has none. */
export async function completedEngagementsOf(
  profileIds: readonly string[],
): Promise<Map<string, number>> {
  return new Map(profileIds.map((id) => [id, 0]))
}
