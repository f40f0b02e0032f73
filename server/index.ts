/**
 * The HTTP server: security headers, the cross-origin check on mutations, static files and the
 * Remix request handler. In development it serves through Vite; in production from ./build.
 */
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type NextFunction, type Request, type Response } from 'express'
import helmet from 'helmet'
import type { Logger } from 'pino'

/** What entry.server.tsx exports besides the Remix handler (see its comment). */
interface AppLifecycle {
  startApp(): Promise<void>
  stopApp(): Promise<void>
  rootLogger(): Logger
  requestLogging(log: Logger, trustProxy: boolean): express.RequestHandler[]
  answerUnhandledError: express.ErrorRequestHandler
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

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses state-changing requests sent from another site's page (CSRF). Browsers send Origin on
 * every cross-site POST; requests without one (curl, webhooks) carry no ambient cookies to abuse
 * beyond what SameSite=Lax already blocks.
 */
function sameOriginMutations(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next()
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

const build = await loadBuild()
const { rootLogger, requestLogging, answerUnhandledError } = lifecycle(build)
const log = rootLogger()
const app = express()
app.disable('x-powered-by')
if (process.env.TRUST_PROXY) app.set('trust proxy', process.env.TRUST_PROXY)
app.use(requestLogging(log, Boolean(process.env.TRUST_PROXY)))

app.get('/healthz', (_req, res) => {
  // Which process answered: with WORKERS, a load balancer check (or a test) can tell them apart.
  res.set('X-Process-Id', String(process.pid))
  res.status(200).type('text/plain').send('ok')
})

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
app.use(compression())
app.use(sameOriginMutations)

if (vite) {
  app.use(vite.middlewares)
} else {
  const client = path.join(here, 'client')
  app.use('/assets', express.static(path.join(client, 'assets'), { immutable: true, maxAge: '1y' }))
  app.use(express.static(client, { maxAge: '1h' }))
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
