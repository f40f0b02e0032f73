import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { EmptyState } from '#app/components/card.tsx'
import { Moment } from '#app/components/moment.tsx'
import { NotificationActionSchema } from '#app/schemas/notifications.ts'
import {
  listNotifications,
  markAllRead,
  markRead,
} from '#app/services/notifications/notifications.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { refuse } from '#app/utils/results.server.ts'
import { requestLanguage, fixedT } from '#app/utils/i18n.server.ts'
import { useMessage } from '#app/lib/i18n/message.ts'
import type { I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { safeRedirect } from '#app/utils/http.server.ts'

export const handle: I18nHandle = { i18n: ['notifications'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const language = await requestLanguage(request)
  const cursor = new URL(request.url).searchParams.get('before')
  const page = await listNotifications(user.id, language, cursor)
  return {
    title: fixedT(language)('notifications:title'),
    ...page,
    paged: Boolean(cursor),
  }
}

/** Marks one (only the reader's own: anyone else's answers 404) or all read, then back to the list. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = await parseForm(request, NotificationActionSchema)
  if (!form.ok) return form.response
  // Back to the page the form was on (an older page keeps its place).
  const here = new URL(request.url)
  const back = safeRedirect(here.pathname + here.search, '/notifications')
  if (form.data.intent === 'read-all') {
    await markAllRead(user.id)
    return redirect(back)
  }
  const result = await markRead(user.id, form.data.id)
  if (!result.ok) return refuse(result, form.formData)
  return redirect(back)
}

export default function Notifications() {
  const { items, next, paged } = useLoaderData<typeof loader>()
  const { t } = useTranslation('notifications')
  const tm = useMessage()
  const hasUnread = items.some((n) => !n.read)
  return (
    <>
      <h1>{t('notifications:title')}</h1>
      <p>
        <Link to="/account/notifications">{t('notifications:choose')}</Link>
      </p>
      {hasUnread ? (
        <Form method="post" className="actions">
          <input type="hidden" name="intent" value="read-all" />
          <Button variant="secondary">{t('notifications:markAllRead')}</Button>
        </Form>
      ) : null}
      {items.length === 0 ? (
        <EmptyState title={t('notifications:empty')} />
      ) : (
        <ul className="notification-list" aria-label={t('notifications:list')}>
          {items.map((n) => (
            <li key={n.id} className={n.read ? 'notification' : 'notification notification-unread'}>
              <p className="notification-message">
                {n.read ? null : <strong className="badge">{t('notifications:unread')}</strong>}{' '}
                <Link to={n.link}>{tm(n.message)}</Link>
              </p>
              {/* On a line of its own: the time and the button never run into the message. */}
              <div className="notification-meta">
                <small>
                  <Moment iso={n.createdAt} />
                </small>
                {n.read ? null : (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="read" />
                    <input type="hidden" name="id" value={n.id} />
                    <Button variant="link">{t('notifications:markRead')}</Button>
                  </Form>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <nav className="actions" aria-label={t('notifications:title')}>
        {paged ? <Link to="/notifications">{t('notifications:newest')}</Link> : null}
        {next ? (
          <Link to={`/notifications?before=${encodeURIComponent(next)}`}>
            {t('notifications:older')}
          </Link>
        ) : null}
      </nav>
    </>
  )
}
