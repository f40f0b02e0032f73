import { z } from 'zod'
import { RANKING_SORTS, type RankingSort } from '#app/domain/review/ranking.ts'

const Sort = z.enum(RANKING_SORTS)

/** The ranking board's query string: `?sort=raw|normalised`; anything else is the raw order. */
export function parseRankingSort(search: URLSearchParams): RankingSort {
  const sort = Sort.safeParse(search.get('sort'))
  return sort.success ? sort.data : 'raw'
}
