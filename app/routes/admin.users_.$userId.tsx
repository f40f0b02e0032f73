import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { AuditTable, auditRowView } from '#app/components/audit-table.tsx'
import { Button } from '#app/components/button.tsx'
import { Card, EmptyState } from '#app/components/card.tsx'
import { FormError } from '#app/components/field.tsx'
import { Moment } from '#app/components/moment.tsx'
import { DataTable } from '#app/components/table.tsx'
import { KIND_LABELS, ROLE_LABELS } from '#app/domain/organizations.ts'
import { restoreUser, suspendUser } from '#app/services/admin/admin.server.ts'
import { getUserProfile, isUuid } from '#app/services/admin/admin-profiles.server.ts'
import { redirectWithFlash, requestOrigin, throwNotFound } from '#app/utils/http.server.ts'
import { requirePlatformAdmin } from '#app/utils/permissions.server.ts'
import { refuse } from '#app/utils/results.server.ts'
import { fail } from '#app/domain/result.ts'
import { readForm } from '#app/utils/request-body.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${d?.user.name ?? 'User'} · Platform admin · Commons Fund` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requirePlatformAdmin(request)
  const profile = await getUserProfile(params.userId)
  if (!profile) throwNotFound('There is no such account.')
  const { recentEvents, ...user } = profile
  return {
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
  if (!isUuid(params.userId)) throwNotFound('There is no such account.')
  const form = await readForm(request)
  const intent = form.get('intent')
  if (intent !== 'suspend' && intent !== 'restore') {
    return refuse(fail({ message: 'Choose Suspend or Restore.' }), form)
  }
  const adminActor = { id: admin.id, ip: requestOrigin(request, context).ip }
  const result = await INTENTS[intent](adminActor, params.userId)
  if (!result.ok) return refuse(result, form)
  return redirectWithFlash(`/admin/users/${params.userId}`, {
    kind: 'success',
    message:
      intent === 'suspend'
        ? 'Account suspended. Its sessions have ended and it cannot log in.'
        : 'Account restored. It can log in again.',
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
  if (isSelf) {
    return <p className="hint">You cannot suspend your own account.</p>
  }
  if (user.suspended) {
    return (
      <Form method="post" className="stack">
        <FormError message={failure?.errors.form} />
        <p>Restoring lets {user.name} log in again. Their old sessions stay ended.</p>
        <div className="actions">
          <Button name="intent" value="restore">
            Restore account
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
          Suspend…
        </Button>
      </Form>
    )
  }
  return (
    <Form method="post" className="stack" aria-labelledby="confirm-suspend">
      <FormError message={failure?.errors.form} />
      <p id="confirm-suspend">
        <strong>Suspend {user.name}?</strong> Every session they have ends now and they cannot log
        in until an admin restores the account. Nothing they made is deleted.
      </p>
      <div className="actions">
        <Button variant="danger" name="intent" value="suspend">
          Suspend account
        </Button>
        <Link to=".">Cancel</Link>
      </div>
    </Form>
  )
}

export default function AdminUser() {
  const { user, isSelf, recentEvents } = useLoaderData<typeof loader>()
  return (
    <>
      <h2>
        {user.name} {user.suspended ? <span className="badge">Suspended</span> : null}
      </h2>
      <Card title="Account">
        <dl className="facts">
          <dt>Email</dt>
          <dd>{user.email}</dd>
          <dt>Created</dt>
          <dd>
            <Moment iso={user.createdAt} />
          </dd>
          <dt>Last active</dt>
          <dd>{user.lastActiveAt ? <Moment iso={user.lastActiveAt} /> : 'Never'}</dd>
          <dt>Active sessions</dt>
          <dd>{user.activeSessions}</dd>
          <dt>Platform admin</dt>
          <dd>{user.isPlatformAdmin ? 'Yes' : 'No'}</dd>
          <dt>Status</dt>
          <dd>
            {user.suspendedAt ? (
              <>
                Suspended since <Moment iso={user.suspendedAt} />
              </>
            ) : (
              'Active'
            )}
          </dd>
        </dl>
      </Card>
      <Card title={user.suspended ? 'Restore' : 'Suspend'}>
        <SuspensionControls user={user} isSelf={isSelf} />
      </Card>
      <Card title="Memberships">
        {user.memberships.length === 0 ? (
          <EmptyState title="Not a member of any organisation" />
        ) : (
          <DataTable
            caption={`Organisations ${user.name} belongs to`}
            rows={user.memberships}
            rowKey={(m) => m.id}
            columns={[
              {
                header: 'Organisation',
                cell: (m) => <Link to={`/admin/organizations/${m.id}`}>{m.name}</Link>,
              },
              { header: 'Kind', cell: (m) => KIND_LABELS[m.kind] },
              { header: 'Role', cell: (m) => ROLE_LABELS[m.role] },
            ]}
          />
        )}
      </Card>
      <Card
        title="Recent activity"
        actions={<Link to={`/admin/audit?actorId=${user.id}`}>Everything they did</Link>}
      >
        {recentEvents.length === 0 ? (
          <EmptyState title="Nothing recorded yet" />
        ) : (
          <AuditTable caption={`Latest audit events by ${user.name}`} rows={recentEvents} />
        )}
      </Card>
    </>
  )
}
