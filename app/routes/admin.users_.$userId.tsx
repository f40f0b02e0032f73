import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { AuditTable, auditRowView } from '#app/components/audit-table.tsx'
import { Button } from '#app/components/button.tsx'
import { Card, EmptyState } from '#app/components/card.tsx'
import { FormError } from '#app/components/field.tsx'
import { Moment } from '#app/components/moment.tsx'
import { DataTable } from '#app/components/table.tsx'
import { KIND_LABEL_KEYS, ROLE_LABEL_KEYS } from '#app/domain/organizations.ts'
import { restoreUser, suspendUser } from '#app/services/admin/admin.server.ts'
import { isUuid } from '#app/lib/uuid.ts'
import { getUserProfile } from '#app/services/admin/admin-profiles.server.ts'
import { redirectWithFlash, requestOrigin, throwNotFound } from '#app/utils/http.server.ts'
import { requirePlatformAdmin } from '#app/utils/permissions.server.ts'
import { refuse } from '#app/utils/results.server.ts'
import { fail } from '#app/domain/result.ts'
import { readForm } from '#app/utils/request-body.server.ts'
import { useTranslation } from 'react-i18next'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { requestT } from '#app/utils/i18n.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requirePlatformAdmin(request)
  const profile = await getUserProfile(params.userId)
  if (!profile) throwNotFound('admin:user.notFound')
  const { recentEvents, ...user } = profile
  const t = await requestT(request)
  return {
    title: t('admin:user.pageTitle', { name: user.name }),
    user: {
      ...user,
      createdAt: user.createdAt.toISOString(),
      lastActiveAt: user.lastActiveAt?.toISOString() ?? null,
      suspended: user.suspendedAt !== null,
      suspendedAt: user.suspendedAt?.toISOString() ?? null,
    },
    isSelf: admin.id === user.id,
    recentEvents: recentEvents.map(auditRowView),
  }
}

const INTENTS = { suspend: suspendUser, restore: restoreUser } as const

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requirePlatformAdmin(request)
  if (!isUuid(params.userId)) throwNotFound('admin:user.notFound')
  const form = await readForm(request)
  const intent = form.get('intent')
  if (intent !== 'suspend' && intent !== 'restore') {
    return refuse(fail({ message: 'admin:user.chooseIntent' }), form)
  }
  const adminActor = { id: admin.id, ip: requestOrigin(request, context).ip }
  const result = await INTENTS[intent](adminActor, params.userId)
  if (!result.ok) return refuse(result, form)
  return redirectWithFlash(`/admin/users/${params.userId}`, {
    kind: 'success',
    message:
      intent === 'suspend' ? 'common:flash.accountSuspended' : 'common:flash.accountRestored',
  })
}

type User = ReturnType<typeof useLoaderData<typeof loader>>['user']

/**
 * Suspending asks first, on its own page state (?confirm=suspend), so that it works without
 * JavaScript and says what will happen before anything does.
 */
function SuspensionControls({ user, isSelf }: { user: User; isSelf: boolean }) {
  const [search] = useSearchParams()
  const failure = useActionData<typeof action>()
  const { t } = useTranslation('admin')
  if (isSelf) {
    return <p className="hint">{t('admin:refusals.suspendSelf')}</p>
  }
  if (user.suspended) {
    return (
      <Form method="post" className="stack">
        <FormError message={failure?.errors.form} />
        <p>{t('admin:user.restoreText', { name: user.name })}</p>
        <div className="actions">
          <Button name="intent" value="restore">
            {t('admin:user.restoreSubmit')}
          </Button>
        </div>
      </Form>
    )
  }
  if (search.get('confirm') !== 'suspend') {
    return (
      <Form method="get" className="actions">
        <FormError message={failure?.errors.form} />
        <Button variant="danger" name="confirm" value="suspend">
          {t('admin:user.suspendAsk')}
        </Button>
      </Form>
    )
  }
  return (
    <Form method="post" className="stack" aria-labelledby="confirm-suspend">
      <FormError message={failure?.errors.form} />
      <p id="confirm-suspend">
        <strong>{t('admin:user.suspendQuestion', { name: user.name })}</strong>{' '}
        {t('admin:user.suspendText')}
      </p>
      <div className="actions">
        <Button variant="danger" name="intent" value="suspend">
          {t('admin:user.suspendSubmit')}
        </Button>
        <Link to=".">{t('admin:user.cancel')}</Link>
      </div>
    </Form>
  )
}

export default function AdminUser() {
  const { user, isSelf, recentEvents } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
  return (
    <>
      <h2>
        {user.name}{' '}
        {user.suspended ? <span className="badge">{t('admin:users.suspended')}</span> : null}
      </h2>
      <Card title={t('admin:user.account')}>
        <dl className="facts">
          <dt>{t('admin:users.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('admin:user.created')}</dt>
          <dd>
            <Moment iso={user.createdAt} />
          </dd>
          <dt>{t('admin:user.lastActive')}</dt>
          <dd>{user.lastActiveAt ? <Moment iso={user.lastActiveAt} /> : t('admin:user.never')}</dd>
          <dt>{t('admin:user.activeSessions')}</dt>
          <dd>{user.activeSessions}</dd>
          <dt>{t('admin:users.platformAdmin')}</dt>
          <dd>{user.isPlatformAdmin ? t('admin:yes') : t('admin:no')}</dd>
          <dt>{t('admin:users.status')}</dt>
          <dd>
            {user.suspendedAt ? (
              <>
                {t('admin:user.suspendedSince')} <Moment iso={user.suspendedAt} />
              </>
            ) : (
              t('admin:user.active')
            )}
          </dd>
        </dl>
      </Card>
      <Card title={user.suspended ? t('admin:user.restore') : t('admin:user.suspend')}>
        <SuspensionControls user={user} isSelf={isSelf} />
      </Card>
      <Card title={t('admin:user.memberships')}>
        {user.memberships.length === 0 ? (
          <EmptyState title={t('admin:user.noMemberships')} />
        ) : (
          <DataTable
            caption={t('admin:user.membershipsCaption', { name: user.name })}
            rows={user.memberships}
            rowKey={(m) => m.id}
            columns={[
              {
                header: t('admin:user.organization'),
                cell: (m) => <Link to={`/admin/organizations/${m.id}`}>{m.name}</Link>,
              },
              { header: t('admin:organizations.kind'), cell: (m) => t(KIND_LABEL_KEYS[m.kind]) },
              { header: t('admin:role'), cell: (m) => t(ROLE_LABEL_KEYS[m.role]) },
            ]}
          />
        )}
      </Card>
      <Card
        title={t('admin:recent.title')}
        actions={<Link to={`/admin/audit?actorId=${user.id}`}>{t('admin:user.everything')}</Link>}
      >
        {recentEvents.length === 0 ? (
          <EmptyState title={t('admin:recent.empty')} />
        ) : (
          <AuditTable
            caption={t('admin:user.recentCaption', { name: user.name })}
            rows={recentEvents}
          />
        )}
      </Card>
    </>
  )
}
