import type { NextFunction, Request, Response } from 'express'
import { FORM_BODY_LIMIT } from '#app/domain/request-limits.ts'
import { answerDelivery } from '#app/services/donations/stripe-events.server.ts'

/** Where Stripe posts (the Remix route app/routes/webhooks.stripe.ts answers the same path in development). */
export const STRIPE_WEBHOOK_PATH = '/webhooks/stripe'

/**
 * Stripe's webhook endpoint, answered by the HTTP server before Remix: a delivery needs no
 * session, page, nonce or compression, and skipping Remix's request handling is most of what one
 * costs the app (issue 10's ingest rate, bench/stripe-webhooks-http.ts). The raw body is read up
 * to the form limit (413 past it, 400 when it breaks off), then verified and recorded by the same
 * service as the route.
 */
export function stripeWebhookEndpoint(req: Request, res: Response, next: NextFunction) {
  if (req.path !== STRIPE_WEBHOOK_PATH) return next()
  if (req.method !== 'POST') return res.status(405).set('Allow', 'POST').end()
  readBody(req, FORM_BODY_LIMIT)
    .then(
      async (raw) => {
        if (raw === null) return refuse(res, 413, 'Too large')
        const { status, body } = await answerDelivery(raw, req.get('Stripe-Signature') ?? null)
        res
          .status(status)
          .type(status === 200 ? 'application/json' : 'text/plain')
          .send(body)
      },
      () => refuse(res, 400, 'The body broke off'),
    )
    .catch(next)
}

function refuse(res: Response, status: number, message: string) {
  if (!res.headersSent) res.status(status).type('text/plain').send(message)
}

/**
 * The body as text; null once it passes `limit` bytes (the rest is thrown away once answered, by
 * body-limits.server.ts's finishUnreadBodies).
 */
function readBody(req: Request, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.pause()
        return resolve(null)
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('aborted', () => reject(new Error('aborted')))
    req.on('error', reject)
  })
}
