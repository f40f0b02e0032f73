import { Writable } from 'node:stream'
import type { AppLoadContext, EntryContext, HandleErrorFunction } from '@remix-run/node'
import { RemixServer, isRouteErrorResponse } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { isLanguage } from './lib/i18n/config.ts'
import './lib/i18n/zod-error-map.ts'
import { chooseLanguage, serverI18n } from './utils/i18n.server.ts'
import { logger } from './config/logger.server.ts'
import { NonceProvider } from './lib/nonce.tsx'
import { cachePartialManifests } from './utils/partial-manifest-cache.server.ts'
import { cacheRouteMatches } from './utils/route-match-cache.server.ts'
import { cacheRenderRoutes } from './utils/render-routes-cache.server.ts'
import { markAnonymousCacheable } from './utils/anonymous-page-cache.server.ts'

// The HTTP server (server/index.ts) reaches these through the build's entry module, so that the
// database is opened by the same module instance the routes use (and the server, compiled as
// one file, needs no modules of its own).
export { prepareDatabase, startApp, stopApp } from './startup.server.ts'
export { rootLogger } from './config/logger.server.ts'
export { answerUnhandledError, requestLogging } from './utils/request-log.server.ts'
export { anonymousPageCache } from './utils/anonymous-page-cache.server.ts'
export { sameOriginMutations } from './utils/same-origin.server.ts'
export { stripeWebhookEndpoint } from './utils/stripe-webhook-endpoint.server.ts'
export { bodyLimits, finishUnreadBodies } from './utils/body-limits.server.ts'

cachePartialManifests()
cacheRouteMatches()
cacheRenderRoutes()

export const streamTimeout = 5_000

/** Errors in loaders, actions and rendering: logged with the request's id, never shown. */
export const handleError: HandleErrorFunction = (error, { request }) => {
  // A browser that went away mid-request is not an error of ours.
  if (request.signal.aborted) return
  // An answer such as "no page here" (404) is the app working: the access log has its line,
  // without the query string and secret path segments that Remix's message would repeat.
  if (isRouteErrorResponse(error) && error.status < 500) return
  logger().error({ err: error }, 'request error')
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? ''
  // Pages whose routes opt in may be kept for signed-out visitors (the cache decides the rest).
  markAnonymousCacheable(remixContext, loadContext.pageCache)
  // The root loader chose the language (it knows the account's preference); when it failed, the
  // request alone decides.
  const rootData = remixContext.staticHandlerContext.loaderData.root as
    { language?: unknown } | undefined
  const language = isLanguage(rootData?.language) ? rootData.language : chooseLanguage(request)
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    // A render that has not finished in time is abandoned. The timer goes once the page is
    // written: left to run, its closure kept every finished render's state reachable for six
    // more seconds (at 20 connections, hundreds at once for the garbage collector to trace).
    const giveUp = setTimeout(() => abort(), streamTimeout + 1_000)
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={serverI18n(language)}>
        <NonceProvider value={nonce}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </NonceProvider>
      </I18nextProvider>,
      {
        nonce,
        // The whole page, then one write. No loader of ours defers data, so streaming the shell
        // first sent nothing sooner, only the same page in three writes (each a system call that
        // wakes the reader) as chunks (docs/decisions/013-throughput.md, round nine).
        onAllReady() {
          pipe(
            collect((page) => {
              clearTimeout(giveUp)
              responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
              responseHeaders.set('Content-Length', String(page.byteLength))
              resolve(new Response(page, { headers: responseHeaders, status: responseStatusCode }))
            }),
          )
        },
        onShellReady() {
          shellRendered = true
        },
        onShellError(error: unknown) {
          clearTimeout(giveUp)
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) logger().error({ err: error }, 'rendering failed')
        },
      },
    )
  })
}

/** A stream React writes the page into, handing over the whole page once React ends it. */
function collect(done: (page: Uint8Array<ArrayBuffer>) => void) {
  const chunks: Buffer[] = []
  return new Writable({
    write(chunk: Buffer, _encoding, next) {
      chunks.push(chunk)
      next()
    },
    final(next) {
      // A fresh buffer of its own (never a shared one).
      done(Buffer.concat(chunks) as Uint8Array<ArrayBuffer>)
      next()
    },
  })
}
