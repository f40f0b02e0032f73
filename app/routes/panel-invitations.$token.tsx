import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { ContentText } from '#app/components/content-text.tsx'
import { FormError } from '#app/components/field.tsx'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { keepingRedirect } from '#app/lib/search-params.ts'
import { showProgram } from '#app/services/programs/program-content.server.ts'
import { acceptPanelInvitation, findPanelInvitation } from '#app/services/review/panel.server.ts'
import { redirectWithFlash, requestOrigin, throwNotFound } from '#app/utils/http.server.ts'
import { requestLanguage, requestT } from '#app/utils/i18n.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { getSessionUser } from '#app/utils/session.server.ts'

export const handle: I18nHandle = { i18n: ['review'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

const REFUSALS = {
  'wrong-email': 'review:invitation.wrongEmail',
  unverified: 'review:invitation.unverified',
  accepted: 'review:invitation.used',
  revoked: 'review:invitation.revoked',
  expired: 'review:invitation.expired',
} as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await findPanelInvitation(params.token ?? '')
  if (!found) throwNotFound('review:invitation.unknown')
  const user = await getSessionUser(request)
  const [t, reader] = await Promise.all([requestT(request), requestLanguage(request)])
  return data(
    {
      title: t('review:invitation.title'),
      program: showProgram(found.program, reader).title,
      funder: found.funderName,
      email: found.invitation.email,
      refusal: found.state === 'pending' ? null : REFUSALS[found.state],
      viewer: user ? { email: user.email, matches: user.email === found.invitation.email } : null,
      back: `/panel-invitations/${params.token ?? ''}`,
    },
    { status: found.state === 'pending' ? 200 : 410 },
  )
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const ip = requestOrigin(request, context).ip
  const result = await acceptPanelInvitation({ ...user, ip }, params.token ?? '')
  if (result.ok) {
    return redirectWithFlash('/reviews', { kind: 'success', message: 'review:invitation.joined' })
  }
  if (result.reason === 'unknown') throwNotFound('review:invitation.unknown')
  return data({ error: REFUSALS[result.reason] }, { status: result.status ?? 400 })
}

export default function PanelInvitation() {
  const invite = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const { t } = useTranslation('review')
  return (
    <>
      <h1>{t('review:invitation.title')}</h1>
      <Card>
        <p>
          {t('review:invitation.text', { funder: invite.funder, email: invite.email })}{' '}
          <ContentText shown={invite.program} />
        </p>
        {invite.refusal ? (
          <p role="alert">{t(invite.refusal)}</p>
        ) : !invite.viewer ? (
          <p className="actions">
            <Link to={keepingRedirect('/signup', invite.back)}>
              {t('review:invitation.createAccount')}
            </Link>
            <Link to={keepingRedirect('/login', invite.back)}>{t('review:invitation.logIn')}</Link>
          </p>
        ) : !invite.viewer.matches ? (
          <p role="alert">{t('review:invitation.wrongEmail')}</p>
        ) : (
          <Form method="post" className="stack">
            <FormError message={failure?.error} />
            <p className="hint">{t('review:invitation.onlyThisProgram')}</p>
            <div className="actions">
              <Button>{t('review:invitation.join')}</Button>
            </div>
          </Form>
        )}
      </Card>
    </>
  )
}
