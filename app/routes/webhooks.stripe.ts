import type { ActionFunctionArgs } from '@remix-run/node'
import { answerDelivery } from '#app/services/donations/stripe-events.server.ts'
import { readRawText } from '#app/utils/request-body.server.ts'

/**
 * Stripe's webhook endpoint. Who may post here is whoever holds the signing secret: the signature
 * over the raw body is checked before anything else, and a bad or stale one gets 400 with nothing
 * changed. Exempt from the same-origin check (app/utils/same-origin.server.ts): Stripe sends no cookies.
 * The built server answers this path itself, before Remix (app/utils/stripe-webhook-endpoint.server.ts);
 * this route serves the development server and the tests, with the same service.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return new Response(null, { status: 405 })
  const { status, body } = await answerDelivery(
    await readRawText(request),
    request.headers.get('Stripe-Signature'),
  )
  const type = status === 200 ? 'application/json' : 'text/plain'
  // With its length said, the compression middleware leaves this small answer alone instead of
  // deflating it (7% of an app process's CPU under webhook load, bench/stripe-webhooks-http.ts).
  return new Response(body, {
    status,
    headers: { 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)) },
  })
}
