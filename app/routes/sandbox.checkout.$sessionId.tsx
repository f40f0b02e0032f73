import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import {
  CHECKOUT_OUTCOMES,
  type CheckoutOutcome,
} from '#app/services/payments/stripe-sandbox/checkout.ts'
import { isSandbox, sandbox } from '#app/services/payments/stripe.server.ts'
import { throwNotFound } from '#app/utils/http.server.ts'
import { requestT } from '#app/utils/i18n.server.ts'
import { readForm } from '#app/utils/request-body.server.ts'

export const handle: I18nHandle = { i18n: ['donations'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

/**
 * The sandbox's stand-in for Stripe's hosted checkout page (only when the app has no Stripe keys;
 * a 404 otherwise). Anyone holding a session's link may pay it, as on Stripe: the link is the
 * session's unguessable id. What they choose is done by the stand-in, which then delivers the
 * signed webhooks to the app and sends them back where the app asked.
 */
async function openSession(sessionId: string | undefined) {
  if (!isSandbox() || !sessionId) throwNotFound('donations:sandbox.notFound')
  const page = (await sandbox()).checkoutPage(sessionId)
  if (!page) throwNotFound('donations:sandbox.notFound')
  return page
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await openSession(params.sessionId)
  const t = await requestT(request)
  return { title: t('donations:sandbox.pageTitle'), ...page }
}

const isOutcome = (value: unknown): value is CheckoutOutcome =>
  (CHECKOUT_OUTCOMES as readonly unknown[]).includes(value)

export async function action({ request, params }: ActionFunctionArgs) {
  const page = await openSession(params.sessionId)
  const outcome = (await readForm(request)).get('outcome')
  if (!isOutcome(outcome)) {
    return data({ message: 'donations:sandbox.unknownOutcome' }, { status: 400 })
  }
  if (!page.open) return data({ message: 'donations:sandbox.closed' }, { status: 409 })
  return redirect(await (await sandbox()).checkout(params.sessionId!, outcome))
}

export default function SandboxCheckout() {
  const page = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const { t } = useTranslation('donations')
  const format = useFormatters()
  return (
    <>
      <p className="badge badge-warning">{t('donations:sandbox.badge')}</p>
      <h1>
        {t('donations:sandbox.heading', { amount: format.money(page.amountMinor, page.currency) })}
      </h1>
      <p>{page.monthly ? t('donations:sandbox.monthly') : t('donations:sandbox.once')}</p>
      <h2>{t('donations:sandbox.lines')}</h2>
      <dl className="facts">
        {page.lines.map((line, i) => (
          <div key={i} style={{ display: 'contents' }}>
            <dt>{line.name}</dt>
            <dd>{format.money(line.amountMinor, page.currency)}</dd>
          </div>
        ))}
      </dl>
      <p>{t('donations:sandbox.explain')}</p>
      {failure ? <p role="alert">{t(failure.message)}</p> : null}
      {page.open ? (
        <Form method="post">
          <p>
            <Button name="outcome" value="pay">
              {t('donations:sandbox.pay')}
            </Button>
          </p>
          <p>
            <Button name="outcome" value="delayed">
              {t('donations:sandbox.delayed')}
            </Button>
          </p>
          <p>
            <Button name="outcome" value="fail">
              {t('donations:sandbox.fail')}
            </Button>
          </p>
          <p>
            <Button name="outcome" value="expire" variant="secondary">
              {t('donations:sandbox.cancel')}
            </Button>
          </p>
        </Form>
      ) : (
        <p>{t('donations:sandbox.closed')}</p>
      )}
    </>
  )
}
