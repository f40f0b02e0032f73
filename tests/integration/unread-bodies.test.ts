import { readFileSync, readdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import net from 'node:net'
import { createReadableStreamFromReadable } from '@remix-run/node'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UPLOAD_PATHS, takesUpload } from '#app/domain/request-limits.ts'
import { bodyLimits, finishUnreadBodies, type Lingering } from '#app/utils/body-limits.server.ts'
import { readForm, readUpload } from '#app/utils/request-body.server.ts'
import { stripeWebhookEndpoint } from '#app/utils/stripe-webhook-endpoint.server.ts'
import { withTestDatabase } from '#tests/support/database.ts'

/**
 * A refusal written while the client is still sending its body must reach the client: the server
 * throws the rest away instead of closing under it (which resets the connection). Each client
 * here sends part of a body, waits for the refusal, then sends the rest on the same connection
 * and asks for another page there.
 */
withTestDatabase()

const MB = 1024 * 1024
const BOUNDARY = '----commons-unread-boundary'

/** The server as server/index.ts orders these, with a page that reads its body as routes do. */
function appWith(lingering?: Lingering) {
  const app = express()
  app.use(finishUnreadBodies(lingering))
  app.use(stripeWebhookEndpoint)
  app.use(bodyLimits)
  app.get('/ping', (_req, res) => res.type('text/plain').send('pong'))
  app.post('*', (req, res) => {
    // What @remix-run/express hands a route: the Node request as a web stream.
    const request = new Request(`http://localhost${req.originalUrl}`, {
      method: 'POST',
      headers: req.headers as Record<string, string>,
      body: createReadableStreamFromReadable(req),
      duplex: 'half',
    } as RequestInit)
    const read = takesUpload(req.path) ? readUpload(request) : readForm(request)
    read.then(
      () => res.type('text/plain').send('read'),
      (refusal: { init?: { status?: number } | null }) =>
        res
          .status(refusal.init?.status ?? 500)
          .type('text/plain')
          .send('refused'),
    )
  })
  return app
}

let server: ReturnType<ReturnType<typeof appWith>['listen']>
let port = 0
beforeAll(async () => {
  server = appWith().listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

interface Exchange {
  /** Everything the server wrote, in order. */
  received: () => string
  /** Resolves once the server has written `text`. */
  heard: (text: string) => Promise<void>
  write: (bytes: Buffer | string) => Promise<void>
  closed: Promise<string>
  socket: net.Socket
}

/** A raw connection, so a test decides exactly when each byte goes. */
async function connect(to = port): Promise<Exchange> {
  const socket = net.connect(to, '127.0.0.1')
  await new Promise((resolve) => socket.once('connect', resolve))
  let text = ''
  const waiting: { text: string; resolve: () => void }[] = []
  socket.on('data', (chunk: Buffer) => {
    text += chunk.toString('latin1')
    for (const w of waiting.filter((w) => text.includes(w.text))) w.resolve()
  })
  const closed = new Promise<string>((resolve) => {
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
    socket.once('close', () => resolve('closed'))
  })
  return {
    socket,
    closed,
    received: () => text,
    heard: (wanted) =>
      text.includes(wanted)
        ? Promise.resolve()
        : new Promise((resolve) => waiting.push({ text: wanted, resolve })),
    write: (bytes) =>
      new Promise((resolve, reject) =>
        socket.write(bytes, (error) => (error ? reject(error) : resolve())),
      ),
  }
}

const head = (path: string, headers: Record<string, string | number>) =>
  `POST ${path} HTTP/1.1\r\nHost: localhost\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`

const chunk = (bytes: Buffer) =>
  Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')])

/** The last words of each kind of refusal: the page's, a route's, the webhook endpoint's. */
const PAGE = '</html>'
const ROUTE = 'refused'

/** Sends `before`, waits for the refusal's `end`, sends `after`, then asks for another page. */
async function refusedWhileSending(
  path: string,
  headers: Record<string, string | number>,
  [before, end, after]: [Buffer, string, Buffer],
) {
  const exchange = await connect()
  await exchange.write(head(path, headers))
  await exchange.write(before)
  await exchange.heard(end)
  const refusal = exchange.received()
  await exchange.write(after)
  await exchange.write('GET /ping HTTP/1.1\r\nHost: localhost\r\n\r\n')
  await exchange.heard('pong')
  exchange.socket.destroy()
  return { status: Number(refusal.split(' ')[1]), refusal }
}

const form = (bytes: number) => Buffer.from(`email=${'a'.repeat(bytes)}`)
const multipartHead = (fileName: string) =>
  Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
  )
const multipart = { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` }
const urlencoded = { 'Content-Type': 'application/x-www-form-urlencoded' }

describe('a body refused while it is still arriving', () => {
  it('by its declared length: the client finishes sending, reads the 413 and keeps its connection', async () => {
    const body = form(2 * MB)
    const out = await refusedWhileSending(
      '/login',
      { ...urlencoded, 'Content-Length': body.length },
      [body.subarray(0, MB), PAGE, body.subarray(MB)],
    )
    expect(out.status).toBe(413)
  })

  it('by its length as it streams (no length declared): the same', async () => {
    const out = await refusedWhileSending(
      '/login',
      { ...urlencoded, 'Transfer-Encoding': 'chunked' },
      [
        chunk(form(1.5 * MB)),
        ROUTE,
        Buffer.concat([chunk(Buffer.alloc(MB, 97)), Buffer.from('0\r\n\r\n')]),
      ],
    )
    expect(out.status).toBe(413)
  })

  it('an upload over 10 MB, declared or streamed, on each address that takes one', async () => {
    for (const path of ['/applications/a1/attachments', '/grants/g1/files']) {
      const declared = await refusedWhileSending(
        path,
        { ...multipart, 'Content-Length': 12 * MB },
        [
          Buffer.concat([multipartHead('scan.pdf'), Buffer.alloc(MB, 37)]),
          PAGE,
          Buffer.alloc(12 * MB - MB - multipartHead('scan.pdf').length, 37),
        ],
      )
      expect(declared.status, path).toBe(413)
      const streamed = await refusedWhileSending(
        path,
        { ...multipart, 'Transfer-Encoding': 'chunked' },
        [
          chunk(Buffer.concat([multipartHead('scan.pdf'), Buffer.alloc(11 * MB, 37)])),
          ROUTE,
          Buffer.concat([chunk(Buffer.alloc(2 * MB, 37)), Buffer.from('0\r\n\r\n')]),
        ],
      )
      expect(streamed.status, path).toBe(413)
    }
  })

  it('a Stripe delivery over 1 MB', async () => {
    const out = await refusedWhileSending(
      '/webhooks/stripe',
      { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      [
        chunk(Buffer.alloc(1.5 * MB, 32)),
        'Too large',
        Buffer.concat([chunk(Buffer.alloc(MB, 32)), Buffer.from('0\r\n\r\n')]),
      ],
    )
    expect(out.status).toBe(413)
    expect(out.refusal).toContain('Too large')
  })

  it('a 2 MB file is read at each address that takes an upload, and refused at any other', async () => {
    const body = Buffer.concat([
      multipartHead('report.pdf'),
      Buffer.alloc(2 * MB, 37),
      Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
    ])
    for (const [path, answer] of [
      ['/applications/a1/attachments', '200 OK'],
      ['/grants/g1/files', '200 OK'],
      ['/orgs/x/settings', '413 Payload Too Large'],
    ] as const) {
      const exchange = await connect()
      await exchange.write(head(path, { ...multipart, 'Content-Length': body.length }))
      await exchange.write(body)
      await exchange.heard(answer === '200 OK' ? 'read' : PAGE)
      expect(exchange.received().split('\r\n')[0], path).toBe(`HTTP/1.1 ${answer}`)
      exchange.socket.destroy()
    }
  })
})

describe('what is thrown away after a refusal has bounds', () => {
  const bounded = appWith({ bytes: 4 * MB, totalMs: 60_000, idleMs: 400 })
  let small: ReturnType<typeof bounded.listen>
  let smallPort = 0
  beforeAll(async () => {
    small = bounded.listen(0, '127.0.0.1')
    await new Promise((resolve) => small.once('listening', resolve))
    smallPort = (small.address() as AddressInfo).port
  })
  afterAll(() => new Promise((resolve) => small.close(resolve)))

  it('past the byte bound the connection is closed', async () => {
    const exchange = await connect(smallPort)
    await exchange.write(head('/login', { ...urlencoded, 'Content-Length': 300 * MB }))
    await exchange.heard('413')
    const piece = Buffer.alloc(MB, 97)
    let sent = 0
    while (sent < 300 * MB && !exchange.socket.destroyed) {
      await exchange.write(piece).catch(() => {})
      sent += MB
    }
    // Had the server read on, all 300 MB would have gone and the connection stayed open.
    expect(await exchange.closed).toBeTruthy()
    expect(sent).toBeLessThan(300 * MB)
  })

  it('a client that stops sending is closed', async () => {
    const exchange = await connect(smallPort)
    await exchange.write(head('/login', { ...urlencoded, 'Content-Length': 2 * MB }))
    await exchange.heard('413')
    expect(await exchange.closed).toBeTruthy()
  })
})

describe('the addresses that take an upload', () => {
  /** A flat-routes file name as the address it answers (params as "x"). */
  const addressOf = (file: string) =>
    '/' +
    file
      .replace(/\.tsx?$/, '')
      .split('.')
      .filter((segment) => !segment.startsWith('_'))
      .map((segment) => (segment.startsWith('$') ? 'x' : segment.replace(/_$/, '')))
      .join('/')

  it('are exactly the routes that read an upload', () => {
    const routes = readdirSync('app/routes').filter((file) =>
      readFileSync(`app/routes/${file}`, 'utf8').includes('readUpload('),
    )
    expect(routes.length).toBeGreaterThan(0)
    for (const file of routes) expect(takesUpload(addressOf(file)), file).toBe(true)
    for (const upload of UPLOAD_PATHS) {
      expect(
        routes.some((file) => upload.test(addressOf(file))),
        String(upload),
      ).toBe(true)
    }
  })
})
