import { forgetEnv } from '#app/config/env.server.ts'
import { StripeStandIn } from '#app/services/payments/stripe-sandbox/stand-in.server.ts'
import { installSandbox } from '#app/services/payments/stripe.server.ts'

/**
 * Puts the app in the sandbox with a stand-in of the test's own: signed with `secret`, no delay
 * for bank debits, each delivery handed to `deliver` (usually the webhook route's action) instead
 * of posted. Answers the stand-in and the way to put everything back.
 */
export async function startTestStandIn(
  secret: string,
  deliver: (payload: string, signature: string) => Promise<void>,
) {
  process.env.STRIPE_WEBHOOK_SECRET = secret
  delete process.env.STRIPE_SECRET_KEY
  forgetEnv()
  const standIn = await new StripeStandIn({
    checkoutPageBase: 'http://localhost/sandbox/checkout',
    webhookSecret: secret,
    delayMs: 0,
    deliver,
  }).start()
  installSandbox(standIn)
  const stop = async () => {
    await standIn.stop()
    installSandbox(undefined)
    delete process.env.STRIPE_WEBHOOK_SECRET
    forgetEnv()
  }
  return { standIn, stop }
}
