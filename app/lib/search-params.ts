/** A positive page number from ?page=, defaulting to 1 for anything else. */
export function pageParam(search: URLSearchParams): number {
  const n = Number(search.get('page') ?? '1')
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1
}

/** A trimmed, length-capped text filter, or undefined when empty. */
export function textParam(search: URLSearchParams, name: string, max = 200): string | undefined {
  const v = search.get(name)?.trim().slice(0, max)
  return v ? v : undefined
}

/** Links to the neighbouring pages for Pagination. */
export function pageLinks(page: number, hasNext: boolean) {
  return {
    prev: page > 1 ? { page: String(page - 1) } : null,
    next: hasNext ? { page: String(page + 1) } : null,
  }
}

/** A link to log in or sign up that keeps where the user was heading (checked on arrival). */
export function keepingRedirect(path: string, redirectTo: string | null): string {
  return redirectTo ? `${path}?${new URLSearchParams({ redirectTo })}` : path
}
