import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from '@remix-run/node'

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown

export interface Outcome {
  status: number
  location: string | null
  data: unknown
  headers: Headers
}

const context: AppLoadContext = { ip: '127.0.0.1', cspNonce: '' }

/** Builds a request as a browser on the same origin would send it. */
export function makeRequest(
  path: string,
  options: { cookie?: string; form?: Record<string, string | string[]> } = {},
): Request {
  const headers = new Headers()
  if (options.cookie) headers.set('Cookie', options.cookie)
  if (!options.form) return new Request(`http://localhost${path}`, { headers })
  const body = new URLSearchParams()
  for (const [k, v] of Object.entries(options.form)) {
    for (const item of Array.isArray(v) ? v : [v]) body.append(k, item)
  }
  headers.set('Content-Type', 'application/x-www-form-urlencoded')
  return new Request(`http://localhost${path}`, { method: 'POST', headers, body })
}

function isDataWithInit(v: unknown): v is { data: unknown; init: ResponseInit | null } {
  return (
    typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'DataWithResponseInit'
  )
}

function toOutcome(value: unknown): Outcome {
  if (value instanceof Response) {
    return {
      status: value.status,
      location: value.headers.get('Location'),
      data: null,
      headers: value.headers,
    }
  }
  if (isDataWithInit(value)) {
    return {
      status: value.init?.status ?? 200,
      location: null,
      data: value.data,
      headers: new Headers(value.init?.headers),
    }
  }
  return { status: 200, location: null, data: value, headers: new Headers() }
}

/**
 * Calls a route's loader or action the way Remix would and reports what the browser would get,
 * whether the handler returned or threw (guards throw redirects and 403/404 responses).
 */
export async function call(
  handler: Handler,
  request: Request,
  params: Record<string, string> = {},
): Promise<Outcome> {
  try {
    return toOutcome(await handler({ request, params, context }))
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return toOutcome(thrown)
    throw thrown
  }
}
