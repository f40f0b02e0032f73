import type { PageCacheMark } from './utils/anonymous-page-cache.server.ts'

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** The client's address as the server sees it (behind TRUST_PROXY, the forwarded one). */
    ip: string
    /** The per-response nonce the Content-Security-Policy allows scripts with. */
    cspNonce: string
    /** Set when the anonymous page cache may keep this response (entry.server.tsx marks it). */
    pageCache?: PageCacheMark
  }
}

export {}
