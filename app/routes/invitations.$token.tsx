import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { Trans, useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { FormError } from '#app/components/field.tsx'
import { JOINED_FLASH_KEYS, ROLE_IN_SENTENCE_KEYS } from '#app/domain/organizations.ts'
import {
  acceptInvitation,
  findInvitationByToken,
  INVITATION_REFUSALS,
} from '#app/services/organizations/invitations.server.ts'
import { findMembership } from '#app/services/organizations/organizations.server.ts'
import { setCurrentOrganization } from '#app/services/accounts/sessions.server.ts'
import { redirectWithFlash, requestOrigin, throwNotFound } from '#app/utils/http.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { keepingRedirect } from '#app/lib/search-params.ts'
import { getSessionUser } from '#app/utils/session.server.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { type Message, useMessage } from '#app/lib/i18n/message.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { requestT } from '#app/utils/i18n.server.ts'

export const handle: I18nHandle = { i18n: ['organizations'] }

const UNKNOWN = 'organizations:invitation.unknown'
const WRONG_EMAIL = 'organizations:invitation.wrongEmail'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await findInvitationByToken(params.token ?? '')
  if (!found) throwNotFound(UNKNOWN)
  const { invitation, organization, invitedBy, state } = found
  const user = await getSessionUser(request)
  const isMember = user ? Boolean(await findMembership(organization.id, user.id)) : false
  const t = await requestT(request)
  return data(
    {
      title: t('organizations:invitation.title', { name: organization.name }),
      organization: { name: organization.name, slug: organization.slug },
      role: invitation.role,
      email: invitation.email,
      invitedBy,
      expiresAt: invitation.expiresAt.toISOString(),
      refusal: state === 'pending' ? null : INVITATION_REFUSALS[state],
      viewer: user
        ? { email: user.email, matches: user.email === invitation.email, isMember }
        : null,
      back: `/invitations/${params.token ?? ''}`,
    },
    { status: state === 'pending' ? 200 : 410 },
  )
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const ip = requestOrigin(request, context).ip
  const result = await acceptInvitation({ ...user, ip }, params.token ?? '')
  if (result.ok) {
    await setCurrentOrganization(user.sessionId, result.organization.id)
    const name = result.organization.name
    const message: Message = result.alreadyMember
      ? { key: 'common:flash.alreadyMember', values: { name } }
      : { key: JOINED_FLASH_KEYS[result.role], values: { name } }
    return redirectWithFlash(`/orgs/${result.organization.slug}`, { kind: 'success', message })
  }
  if (result.reason === 'unknown') throwNotFound(UNKNOWN)
  const error: Message =
    result.reason === 'wrong-email' ? WRONG_EMAIL : INVITATION_REFUSALS[result.reason]
  const forbidden = result.reason === 'wrong-email' || result.reason === 'unverified'
  return data({ error }, { status: forbidden ? 403 : 410 })
}

export default function InvitationPage() {
  const invite = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('organizations')
  const tm = useMessage()
  const format = useFormatters()
  const { organization: org, viewer } = invite
  return (
    <>
      <h1>{t('organizations:invitation.title', { name: org.name })}</h1>
      <Card>
        <p>
          <InvitationSentence
            who={invite.invitedBy ?? t('organizations:invitation.someone')}
            email={invite.email}
            organization={org.name}
            role={t(ROLE_IN_SENTENCE_KEYS[invite.role])}
          />
        </p>
        {invite.refusal ? (
          <>
            <p role="alert">{tm(invite.refusal)}</p>
            {viewer?.isMember ? (
              <p>
                <Link to={`/orgs/${org.slug}`}>
                  {t('organizations:invitation.open', { name: org.name })}
                </Link>
              </p>
            ) : null}
          </>
        ) : !viewer ? (
          <>
            <p>{t('organizations:invitation.signInFirst', { email: invite.email })}</p>
            <p className="actions">
              <Link to={keepingRedirect('/signup', invite.back)}>
                {t('organizations:invitation.createAccount')}
              </Link>
              <Link to={keepingRedirect('/login', invite.back)}>
                {t('organizations:invitation.logIn')}
              </Link>
            </p>
          </>
        ) : !viewer.matches ? (
          <p role="alert">
            {tm(WRONG_EMAIL)}{' '}
            {t('organizations:invitation.wrongEmailHelp', {
              viewer: viewer.email,
              invited: invite.email,
            })}
          </p>
        ) : (
          <Form method="post" className="stack">
            <FormError message={failure?.error} />
            <p className="hint">
              {t('organizations:invitation.until', { date: format.date(invite.expiresAt) })}
            </p>
            <div className="actions">
              <Button busy={navigation.state === 'submitting'}>
                {t('organizations:invitation.join', { name: org.name })}
              </Button>
            </div>
          </Form>
        )}
      </Card>
    </>
  )
}

/**
 * "Ana invited **maria@example.org** to join **Eastside Health Collective** as a member." The
 * values are escaped before <Trans> reads the sentence's tags, so a name holding "<i>" shows as
 * typed instead of becoming markup, and unescaped for display.
 */
export function InvitationSentence(values: {
  who: string
  email: string
  organization: string
  role: string
}) {
  return (
    <Trans
      i18nKey="organizations:invitation.text"
      values={values}
      tOptions={{ interpolation: { escapeValue: true } }}
      shouldUnescape
      components={{ strong: <strong /> }}
    />
  )
}
