import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { LINK_REFUSAL_STATUS, LinkRefusal } from '#app/components/link-refusal.tsx'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { inspectGiftLink, openGiftLink } from '#app/services/donations/donor-access.server.ts'
import { commitDonorCookie } from '#app/utils/donor-viewer.server.ts'
import { requestT } from '#app/utils/i18n.server.ts'

export const handle: I18nHandle = { i18n: ['gifts', 'auth'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

/**
 * A donor's link from the mail. Opening it shows whose gifts it opens; the button uses it (a
 * post, so a mail scanner fetching the link uses nothing up). The link itself is the credential.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = await requestT(request)
  const title = t('gifts:open.title')
  const link = await inspectGiftLink(params.token ?? '')
  if (!link.ok) {
    return data(
      { title, refusal: link.reason, email: null },
      { status: LINK_REFUSAL_STATUS[link.reason] },
    )
  }
  return { title, refusal: null, email: link.email }
}

export async function action({ params }: ActionFunctionArgs) {
  const opened = await openGiftLink(params.token ?? '')
  if (!opened.ok) {
    return data({ refusal: opened.reason }, { status: LINK_REFUSAL_STATUS[opened.reason] })
  }
  return redirect('/gifts', {
    headers: { 'Set-Cookie': await commitDonorCookie(opened.token, opened.expiresAt) },
  })
}

export default function OpenGiftLink() {
  const { refusal, email } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const { t } = useTranslation('gifts')
  const reason = failure?.refusal ?? refusal
  if (reason) return <LinkRefusal reason={reason} again="/gifts/lookup" />
  return (
    <>
      <h1>{t('gifts:open.title')}</h1>
      <p>{t('gifts:open.text', { email })}</p>
      <Form method="post">
        <Button>{t('gifts:open.submit')}</Button>
      </Form>
    </>
  )
}
