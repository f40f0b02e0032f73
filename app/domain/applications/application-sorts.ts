/** How a funder may order a program's applications. */
export const APPLICATION_SORTS = {
  newest: 'Newest submission first',
  oldest: 'Oldest submission first',
  amount: 'Largest request first',
  vulnerability: 'Most vulnerable places first',
} as const
export type ApplicationSort = keyof typeof APPLICATION_SORTS
