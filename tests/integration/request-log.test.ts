import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger, logger, withRequestLogger } from '#app/config/logger.server.ts'
import {
  answerUnhandledError,
  loggablePath,
  requestLogging,
} from '#app/utils/request-log.server.ts'

const EMAIL = 'treasurer@example.test'
const COOKIE_VALUE = 'c2VjcmV0LXNlc3Npb24tdG9rZW4tdmFsdWU'

/** Collects every JSON line the logger writes. */
function capture() {
  const lines: Record<string, unknown>[] = []
  const raw: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        raw.push(line)
        lines.push(JSON.parse(line) as Record<string, unknown>)
      }
      done()
    },
  })
  return { lines, raw, stream }
}

const logged = capture()
let base = ''
let close: () => void = () => {}

beforeAll(async () => {
  process.env.LOG_LEVEL = 'info'
  const log = createLogger(logged.stream)
  delete process.env.LOG_LEVEL
  const app = express()
  app.use(requestLogging(log, false))
  app.use(express.urlencoded({ extended: false }))
  // Stands in for a loader: app code logs through logger(), after an await, with details that
  // include personal data a careless caller might pass.
  app.post('/login', async (req, res) => {
    await new Promise((r) => setTimeout(r, 5))
    logger().info({ email: req.body.email, user: { email: req.body.email } }, 'login attempt')
    res.status(302).setHeader('Location', '/').end()
  })
  app.get('/boom', async (_req, _res, next) => {
    await new Promise((r) => setTimeout(r, 5))
    next(new Error(`exploded for ${EMAIL.length} reasons`))
  })
  app.use(answerUnhandledError)
  const server = app.listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

const linesOf = (id: string) => logged.lines.filter((l) => l.reqId === id)

describe('request logs', () => {
  it('carry one request id on every line, sent back as X-Request-Id, and nothing secret', async () => {
    const response = await fetch(`${base}/login?redirectTo=%2Fsecret-place`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: `__session=${COOKIE_VALUE}`,
        authorization: `Bearer ${COOKIE_VALUE}`,
        'content-type': 'application/x-www-form-urlencoded',
        'x-request-id': 'chosen-by-the-client',
      },
      body: new URLSearchParams({ email: EMAIL, password: 'hunter2hunter2' }),
    })
    expect(response.status).toBe(302)
    const id = response.headers.get('x-request-id')!
    // Without TRUST_PROXY a client does not choose its own id.
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    await new Promise((r) => setTimeout(r, 20))
    const mine = linesOf(id)
    expect(mine.map((l) => l.msg)).toEqual(['login attempt', 'request done'])
    expect(mine.at(-1)).toMatchObject({
      req: { method: 'POST', path: '/login' },
      res: { status: 302 },
      ms: expect.any(Number),
    })
    const text = logged.raw.join('\n')
    expect(text).not.toContain(COOKIE_VALUE)
    expect(text).not.toContain(EMAIL)
    expect(text).not.toContain('hunter2')
    expect(text).not.toContain('secret-place')
  })

  it('log an error with its stack under the request id, and answer without it', async () => {
    const response = await fetch(`${base}/boom`)
    expect(response.status).toBe(500)
    const body = await response.text()
    expect(body).toBe('Something went wrong on our side.')
    const id = response.headers.get('x-request-id')!
    await new Promise((r) => setTimeout(r, 20))
    const error = linesOf(id).find((l) => l.msg === 'unhandled error')
    expect(error).toMatchObject({ level: 50, err: { message: 'exploded for 22 reasons' } })
    expect(String((error!.err as { stack: string }).stack)).toContain('request-log.test.ts')
  })

  it('keep a trusted proxy’s X-Request-Id', async () => {
    const app = express()
    const trusted = capture()
    process.env.LOG_LEVEL = 'info'
    app.use(requestLogging(createLogger(trusted.stream), true))
    delete process.env.LOG_LEVEL
    app.get('/', (_req, res) => res.send('ok'))
    const server = app.listen(0, '127.0.0.1')
    await new Promise((r) => server.once('listening', r))
    const port = (server.address() as AddressInfo).port
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      headers: { 'x-request-id': 'edge-4711' },
    })
    server.close()
    expect(response.headers.get('x-request-id')).toBe('edge-4711')
    const bad = await fetch(`${base}/boom`, { headers: { 'x-request-id': 'a b\tc' } })
    expect(bad.headers.get('x-request-id')).not.toContain(' ')
  })

  it('show paths without query strings or the tokens of invitation links', () => {
    const token = 'Zk3q0v1YxF4b8m2n6p9r0t1w3y5A7C9E1G3I5K7M9O1'
    expect(loggablePath(`/invitations/${token}?x=1`)).toBe('/invitations/:secret')
    expect(loggablePath(`/invitations/short`)).toBe('/invitations/:secret')
    expect(loggablePath(`/reset/${token}`)).toBe('/reset/:secret')
    expect(loggablePath('/programs?q=private+words')).toBe('/programs')
    expect(loggablePath('/applications/0b6a1c8e-2f1d-4a51-9a57-5f3b7b0f7d11/review')).toBe(
      '/applications/0b6a1c8e-2f1d-4a51-9a57-5f3b7b0f7d11/review',
    )
  })
})

describe('errors Remix hands the app', () => {
  it('log a failure with its stack, but neither a 4xx answer nor the address Remix repeats', async () => {
    const { handleError } = await import('#app/entry.server.tsx')
    const errors = capture()
    process.env.LOG_LEVEL = 'info'
    const log = createLogger(errors.stream)
    delete process.env.LOG_LEVEL
    const token = 'Zk3q0v1YxF4b8m2n6p9r0t1w3y5A7C9E1G3I5K7M9O1'
    const request = new Request(`http://localhost/invitations/${token}/x?email=${EMAIL}`)
    const args = { request, params: {}, context: { ip: '127.0.0.1', cspNonce: 'n' } }
    // What Remix throws for an address no route matches (an ErrorResponse).
    const noRoute = {
      status: 404,
      statusText: 'Not Found',
      internal: true,
      data: `Error: No route matches URL "/invitations/${token}/x?email=${EMAIL}"`,
    }
    withRequestLogger(log, () => {
      handleError(noRoute, args)
      handleError({ ...noRoute, status: 405, statusText: 'Method Not Allowed' }, args)
      handleError(new Error('the loader failed'), args)
    })
    await new Promise((r) => setImmediate(r))
    expect(errors.lines.map((l) => l.msg)).toEqual(['request error'])
    expect(errors.raw.join('\n')).toContain('the loader failed')
    expect(errors.raw.join('\n')).not.toContain(token)
  })
})
