/** How a funder may order a program's applications. */
export const APPLICATION_SORTS = ['newest', 'oldest', 'amount', 'vulnerability'] as const
export type ApplicationSort = (typeof APPLICATION_SORTS)[number]
