import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Card } from '#app/components/card.tsx'
import { Moment } from '#app/components/moment.tsx'
import { useMailStatusLabel } from '#app/components/mail-status.tsx'
import { smtpConfigured } from '#app/config/env.server.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { framedHtml, getOutboxMessage, linksOf } from '#app/services/mail/outbox.server.ts'
import { throwNotFound } from '#app/utils/http.server.ts'
import { requestT } from '#app/utils/i18n.server.ts'
import { requirePlatformAdmin } from '#app/utils/permissions.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request)
  if (smtpConfigured()) throwNotFound()
  const message = await getOutboxMessage(params.messageId)
  if (!message) throwNotFound('admin:outbox.notFound')
  const t = await requestT(request)
  return {
    title: t('admin:outbox.pageTitle', { subject: message.subject }),
    message: {
      id: message.id,
      toAddress: message.toAddress,
      subject: message.subject,
      kind: message.kind,
      language: message.language,
      status: message.status,
      attempts: message.attempts,
      lastError: message.lastError,
      createdAt: message.createdAt.toISOString(),
      sentAt: message.sentAt?.toISOString() ?? null,
      text: message.text,
      html: framedHtml(message.html),
      links: linksOf(message.html),
    },
  }
}

export default function AdminOutboxMessage() {
  const { message } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
  const statusLabel = useMailStatusLabel()
  return (
    <>
      <p>
        <Link to="/admin/outbox">{t('admin:outbox.back')}</Link>
      </p>
      <Card title={message.subject}>
        <dl className="facts">
          <dt>{t('admin:outbox.to')}</dt>
          <dd>{message.toAddress}</dd>
          <dt>{t('admin:outbox.kind')}</dt>
          <dd>{message.kind}</dd>
          <dt>{t('admin:outbox.language')}</dt>
          <dd lang={message.language}>{message.language}</dd>
          <dt>{t('admin:outbox.time')}</dt>
          <dd>
            <Moment iso={message.createdAt} />
          </dd>
          <dt>{t('admin:outbox.status')}</dt>
          <dd>
            {statusLabel(message.status)}
            {message.attempts > 0
              ? ` · ${t('admin:outbox.attemptCount', { count: message.attempts })}`
              : null}
          </dd>
          {message.lastError ? (
            <>
              <dt>{t('admin:outbox.error')}</dt>
              <dd>{message.lastError}</dd>
            </>
          ) : null}
        </dl>
      </Card>
      <Card title={t('admin:outbox.links')}>
        {message.links.length === 0 ? (
          <p>{t('admin:outbox.noLinks')}</p>
        ) : (
          <ul>
            {message.links.map((href) => (
              <li key={href}>
                <a href={href}>{href}</a>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t('admin:outbox.htmlPart')}>
        {/* The mail's own HTML, in a sandbox: no scripts, no same-origin access; a click on a
            link navigates the whole window (base target _top), as following it in a mail would. */}
        <iframe
          className="mail-frame"
          title={t('admin:outbox.htmlFrame', { subject: message.subject })}
          sandbox="allow-top-navigation-by-user-activation allow-popups allow-popups-to-escape-sandbox"
          srcDoc={message.html}
          lang={message.language}
        />
      </Card>
      <Card title={t('admin:outbox.textPart')}>
        <pre className="mail-text" lang={message.language}>
          {message.text}
        </pre>
      </Card>
    </>
  )
}
