import type { NextFunction, Request, Response } from 'express'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Paths whose posts prove themselves otherwise and come from no browser: Stripe's webhooks are
 * signed over their raw body (the route refuses a bad signature), carry no cookies, and must never
 * be turned away for an Origin header a proxy or tool might add.
 */
const SIGNED_ENDPOINTS = new Set(['/webhooks/stripe'])

/**
 * Refuses state-changing requests sent from another site's page (CSRF). Browsers send Origin on
 * every cross-site POST; requests without one (curl, webhooks) carry no ambient cookies to abuse
 * beyond what SameSite=Lax already blocks.
 */
export function sameOriginMutations(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method) || SIGNED_ENDPOINTS.has(req.path)) return next()
  const origin = req.get('origin')
  const site = req.get('sec-fetch-site')
  let sameOrigin = true
  if (origin) {
    try {
      sameOrigin = new URL(origin).host === req.get('host')
    } catch {
      sameOrigin = false
    }
  } else if (site === 'cross-site') {
    sameOrigin = false
  }
  if (sameOrigin) return next()
  res.status(403).type('text/plain').send('Cross-origin request refused.')
}
