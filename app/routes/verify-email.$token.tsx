import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { LINK_REFUSAL_STATUS, LinkRefusal } from '#app/components/link-refusal.tsx'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { inspectLink, applyEmailLink } from '#app/services/accounts/account-links.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { requestT } from '#app/utils/i18n.server.ts'
import { getSessionUser } from '#app/utils/session.server.ts'

export const handle: I18nHandle = { i18n: ['auth'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

/**
 * A verification or new-address link from a mail. Opening it shows what it will do; the button
 * does it (a post, so a mail scanner fetching the link uses nothing up).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getSessionUser(request)
  const t = await requestT(request)
  const title = t('auth:verify.pageTitle')
  const link = await inspectLink(
    params.token ?? '',
    ['verify-email', 'change-email'],
    user?.id ?? null,
  )
  if (!link.ok) {
    return data(
      { title, refusal: link.reason, change: null },
      { status: LINK_REFUSAL_STATUS[link.reason] },
    )
  }
  return { title, refusal: null, change: link.purpose === 'change-email' ? link.email : null }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await getSessionUser(request)
  const result = await applyEmailLink(
    params.token ?? '',
    user?.id ?? null,
    requestOrigin(request, context).ip,
  )
  if (!result.ok) {
    return data({ refusal: result.reason }, { status: LINK_REFUSAL_STATUS[result.reason] })
  }
  const flash = result.changed
    ? ({ kind: 'success', message: 'common:flash.emailChangedShort' } as const)
    : ({ kind: 'success', message: 'common:flash.emailVerified' } as const)
  return redirectWithFlash(user ? '/' : '/login', flash)
}

export default function VerifyEmail() {
  const { refusal, change } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const { t } = useTranslation('auth')
  const reason = failure?.refusal ?? refusal
  if (reason) return <LinkRefusal reason={reason} again="/" />
  return (
    <>
      <h1>{change ? t('auth:verify.changeTitle') : t('auth:verify.title')}</h1>
      <p>{change ? t('auth:verify.changeText', { email: change }) : t('auth:verify.text')}</p>
      <Form method="post">
        <Button>{change ? t('auth:verify.changeSubmit') : t('auth:verify.submit')}</Button>
      </Form>
    </>
  )
}
