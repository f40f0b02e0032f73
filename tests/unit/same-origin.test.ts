import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sameOriginMutations } from '#app/utils/same-origin.server.ts'

/* The server's cross-origin check, in a real Express app: mutations from another site are
   refused, Stripe's signed webhook endpoint (and only it) is let through. */

let base = ''
let close: () => void
beforeAll(async () => {
  const app = express()
  app.use(sameOriginMutations)
  app.all('*', (_req, res) => void res.status(200).send('reached'))
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

const post = (path: string, headers: Record<string, string>) =>
  fetch(`${base}${path}`, { method: 'POST', headers, body: '{}' }).then((r) => r.status)

describe('the same-origin check', () => {
  it('refuses a post from another site, lets a same-site one through', async () => {
    expect(await post('/account', { Origin: 'https://evil.example' })).toBe(403)
    expect(await post('/account', { 'Sec-Fetch-Site': 'cross-site' })).toBe(403)
    expect(await post('/account', { Origin: base })).toBe(200)
  })

  it('lets Stripe webhooks through whatever their origin: their signature is the check', async () => {
    expect(await post('/webhooks/stripe', { Origin: 'https://stripe.example' })).toBe(200)
    expect(await post('/webhooks/stripe', { 'Sec-Fetch-Site': 'cross-site' })).toBe(200)
    // Only that path: its neighbours are checked as usual.
    expect(await post('/webhooks/stripe/x', { Origin: 'https://stripe.example' })).toBe(403)
    expect(await post('/webhooks/other', { Origin: 'https://stripe.example' })).toBe(403)
  })
})
