import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { MAX_SEARCH_LIMIT, searchPlaces } from '#app/services/places.server.ts'
import { readQuery } from '#app/utils/request-body.server.ts'

const PlaceSearchParams = z.object({
  q: z.string().trim().max(100),
  limit: z.coerce.number().int().min(1).max(MAX_SEARCH_LIMIT).default(10),
  // Repeated (?states=Illinois&states=Indiana) or comma-separated; at most every state.
  states: z.array(z.string().trim().max(40)).max(51),
})

/**
 * County type-ahead for the place picker. Public: the SVI table is public reference data, and
 * the query and result sizes are capped so it cannot be used to pull heavy work from the server.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const search = readQuery(request)
  const parsed = PlaceSearchParams.safeParse({
    q: search.get('q') ?? '',
    limit: search.get('limit') ?? undefined,
    states: search
      .getAll('states')
      .flatMap((s) => s.split(','))
      .filter((s) => s.trim()),
  })
  if (!parsed.success) {
    return Response.json(
      { message: 'Search with at most 100 characters, for at most 25 places.' },
      { status: 400 },
    )
  }
  const { q, limit, states } = parsed.data
  const places = q.length < 2 ? [] : await searchPlaces(q, { limit, states })
  return Response.json(places, {
    // The data changes only with a new release of the index (a migration), so browsers may reuse
    // an answer for a while as someone types and deletes.
    headers: { 'Cache-Control': 'public, max-age=3600' },
  })
}
