import { z } from 'zod'

const EnvSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  /** PostgreSQL server; when absent the app runs on embedded PGlite in DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('.data'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Comma-separated; the first signs new cookies, the rest still verify (rotation). */
  SESSION_SECRET: z.string().min(32).optional(),
  /** "1" forces demo data on an empty database, "0" forbids it. */
  SEED_DEMO: z.enum(['0', '1']).optional(),
  /** Set to "false" to serve session cookies without Secure in production (plain-HTTP intranets). */
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  /** Unset: payments run in the sandbox (docs/decisions/026-stripe-sandbox.md). */
  STRIPE_SECRET_KEY: z.string().optional(),
  /**
   * Verifies Stripe's webhooks (whsec_…). Required with STRIPE_SECRET_KEY; in the sandbox it signs
   * them, so outside tools can sign events too (else a generated secret kept in DATA_DIR).
   */
  STRIPE_WEBHOOK_SECRET: z.string().min(16).optional(),
  /**
   * Sandbox only: the address (http://127.0.0.1:port, loopback only) of a stand-in that another
   * process runs, for the Stripe API calls of several app processes that must agree on what was
   * paid (bench/stripe-webhooks-http.ts). Unset, each process starts its own.
   */
  STRIPE_SANDBOX_URL: z.string().url().optional(),
  /** Sign-ups allowed per address per hour; the e2e suite, which signs up from one, raises it. */
  SIGNUP_LIMIT_PER_HOUR: z.coerce.number().int().min(1).optional(),
  /**
   * The anonymous page cache (docs/decisions/018): how long a public page is kept for signed-out
   * visitors (0 turns it off; 5 s in production, 0 in development), and at most how many pages
   * (500) and megabytes (32) each process keeps.
   */
  PAGE_CACHE_SECONDS: z.coerce.number().min(0).max(300).optional(),
  PAGE_CACHE_ENTRIES: z.coerce.number().int().min(1).optional(),
  PAGE_CACHE_MB: z.coerce.number().min(0.01).optional(),
  /**
   * The address people reach the app at, for the links in mails (no trailing slash); default
   * http://localhost:PORT. Set it wherever the app is reached by another name (a proxy, a domain).
   */
  APP_ORIGIN: z.string().url().optional(),
  /**
   * smtp://user:pass@host:587 or smtps://…:465: mail is delivered through it. Unset, every mail is
   * kept in the development outbox (/admin/outbox) instead.
   */
  SMTP_URL: z.string().url().optional(),
  /** The sender of every mail; default "Commons Fund <no-reply@localhost>". */
  MAIL_FROM: z.string().min(3).optional(),
})

export type Env = z.infer<typeof EnvSchema>

let cached: Env | undefined

export function env(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env)
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
      throw new Error(`Invalid environment:\n  ${problems.join('\n  ')}`)
    }
    cached = parsed.data
  }
  return cached
}

/** Where links in mails point: APP_ORIGIN, else this process on localhost. */
export function appOrigin(): string {
  const e = env()
  return new URL(e.APP_ORIGIN ?? `http://localhost:${e.PORT}`).origin
}

export const mailFrom = () => env().MAIL_FROM ?? 'Commons Fund <no-reply@localhost>'

/** Tests that change the environment (SMTP_URL) have it read again on the next call. */
export function forgetEnv() {
  cached = undefined
}

/** Whether mail goes out through SMTP (else the development outbox keeps it). */
export const smtpConfigured = () => env().SMTP_URL !== undefined

export const isProduction = () => env().NODE_ENV === 'production'
