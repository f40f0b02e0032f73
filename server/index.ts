/**
 * The HTTP server: security headers, the cross-origin check on mutations, static files and the
 * Remix request handler. In development it serves through Vite; in production from ./build.
 */
import { randomBytes } from 'node:crypto'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type Response } from 'express'
import helmet from 'helmet'
import type { Logger } from 'pino'

/** app/utils/anonymous-page-cache.server.ts's mark (this file is compiled without the app). */
interface PageCacheMark {
  storable: boolean
}

/** What entry.server.tsx exports besides the Remix handler (see its comment). */
interface AppLifecycle {
  startApp(): Promise<void>
  stopApp(): Promise<void>
  rootLogger(): Logger
  requestLogging(log: Logger, trustProxy: boolean): express.RequestHandler[]
  answerUnhandledError: express.ErrorRequestHandler
  anonymousPageCache(): express.RequestHandler
  sameOriginMutations: express.RequestHandler
  stripeWebhookEndpoint: express.RequestHandler
  bodyLimits: express.RequestHandler
  finishUnreadBodies(): express.RequestHandler
}

const production = process.env.NODE_ENV === 'production'
const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? '0.0.0.0'
const here = path.dirname(fileURLToPath(import.meta.url))

const vite = production
  ? undefined
  : await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }))

async function loadBuild(): Promise<ServerBuild> {
  if (vite) return (await vite.ssrLoadModule('virtual:remix/server-build')) as ServerBuild
  // The compiled server sits at build/server.js, beside build/server/index.js.
  const buildUrl = new URL('./server/index.js', import.meta.url).href
  return (await import(buildUrl)) as ServerBuild
}

const lifecycle = (build: ServerBuild) => build.entry.module as unknown as AppLifecycle

/** The first segment of a path, decoded as the static handler decodes it ('' when it cannot be). */
function firstSegment(urlPath: string) {
  const segment = urlPath.split('/', 2)[1] ?? ''
  try {
    return decodeURIComponent(segment)
  } catch {
    return ''
  }
}

const build = await loadBuild()
const {
  rootLogger,
  requestLogging,
  answerUnhandledError,
  anonymousPageCache,
  sameOriginMutations,
  stripeWebhookEndpoint,
  bodyLimits,
  finishUnreadBodies,
} = lifecycle(build)
const log = rootLogger()
const app = express()
app.disable('x-powered-by')
// Remix reads the query string from the request's URL; nothing here uses req.query, so Express
// need not parse it (qs) for every request.
app.set('query parser', false)
// Express's ETag (a hash of the body) only covers what res.send answers: /healthz and the short
// refusals below. Remix's pages and the static files (which keep their own) never go through it.
app.set('etag', false)
if (process.env.TRUST_PROXY) app.set('trust proxy', process.env.TRUST_PROXY)

// Before the access log, which skipped it anyway: a load balancer's check costs no request id,
// child logger or timer (it lost a third of its throughput to them).
app.get('/healthz', (_req, res) => {
  // Which process answered: with WORKERS, a load balancer check (or a test) can tell them apart.
  res.set('X-Process-Id', String(process.pid))
  res.status(200).type('text/plain').send('ok')
})

app.use(requestLogging(log, Boolean(process.env.TRUST_PROXY)))
// First of all that may answer before reading a body: a refused body is read to its end (within
// bounds) after the answer, so the client still sending it can read why.
app.use(finishUnreadBodies())
// Stripe's deliveries are answered here, logged but before the page machinery (nonce, headers,
// compression, Remix) they do not use. The development server leaves them to the Remix route.
if (!vite) app.use(stripeWebhookEndpoint)

app.use((_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString('base64')
  next()
})
app.use(
  helmet({
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'script-src': [
          "'strict-dynamic'",
          "'self'",
          (_req, res) => `'nonce-${(res as Response).locals.cspNonce as string}'`,
        ],
        // Inline style attributes are harmless enough and charts need them.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'connect-src': vite ? ["'self'", 'ws:'] : ["'self'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        // The embedded default is served over plain http://localhost.
        'upgrade-insecure-requests': null,
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: production,
  }),
)
// Before compression, static files and Remix: an oversized body is refused unread.
app.use(bodyLimits)
app.use(compression())
app.use(sameOriginMutations)
// Public pages for signed-out visitors, kept a few seconds (decision 018). After the access log,
// the request id, the nonce and helmet, so a hit gets its own of each; before static files and
// Remix, which a hit skips.
app.use(anonymousPageCache())

if (vite) {
  app.use(vite.middlewares)
} else {
  const client = path.join(here, 'client')
  app.use('/assets', express.static(path.join(client, 'assets'), { immutable: true, maxAge: '1y' }))
  // The build's other public files are few and fixed: only a path under one of their names is
  // looked for on disk, so a page is not preceded by a stat() on the thread pool each time.
  const publicFiles = express.static(client, { maxAge: '1h' })
  const publicNames = new Set(readdirSync(client).filter((name) => name !== 'assets'))
  app.use((req, res, next) =>
    publicNames.has(firstSegment(req.path)) ? publicFiles(req, res, next) : next(),
  )
}

await lifecycle(build).startApp()

app.all(
  '*',
  createRequestHandler({
    build: vite ? loadBuild : build,
    mode: production ? 'production' : 'development',
    getLoadContext: (req, res) => ({
      ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      cspNonce: res.locals.cspNonce as string,
      pageCache: res.locals.pageCache as PageCacheMark | undefined,
    }),
  }),
)
app.use(answerUnhandledError)

const server = app.listen(port, host, () => {
  log.info({ port }, `Commons Fund is ready on http://localhost:${port}`)
})

let stopping = false
async function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  log.info(`${signal}: finishing requests and jobs, then closing the database…`)
  server.close()
  server.closeIdleConnections()
  await lifecycle(await loadBuild()).stopApp()
  await vite?.close()
  process.exit(0)
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))
