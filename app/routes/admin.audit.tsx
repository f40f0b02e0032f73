import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData, useSearchParams } from '@remix-run/react'
import { EmptyState } from '#app/components/card.tsx'
import { SelectField, TextField } from '#app/components/field.tsx'
import { FilterForm } from '#app/components/filter-form.tsx'
import { Pagination } from '#app/components/table.tsx'
import { AuditTable, auditRowView, useAuditActionLabel } from '#app/components/audit-table.tsx'
import { AUDIT_ACTIONS, isAuditAction } from '#app/domain/audit-actions.ts'
import { listAudit } from '#app/services/admin/audit.server.ts'
import { isUuid } from '#app/lib/uuid.ts'
import { requirePlatformAdmin } from '#app/utils/permissions.server.ts'
import { textParam } from '#app/lib/search-params.ts'
import { readQuery } from '#app/utils/request-body.server.ts'
import { useTranslation } from 'react-i18next'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request)
  const search = readQuery(request)
  const before = Number(search.get('before'))
  const action = textParam(search, 'action', 100)
  const { rows, nextBefore } = await listAudit({
    actor: textParam(search, 'actor'),
    action: action && isAuditAction(action) ? action : undefined,
    entityType: textParam(search, 'entityType', 100),
    entityId: textParam(search, 'entityId'),
    actorUserId: uuidParam(search, 'actorId'),
    organizationId: uuidParam(search, 'organizationId'),
    before: Number.isSafeInteger(before) && before > 0 ? before : undefined,
  })
  return {
    rows: rows.map(auditRowView),
    nextBefore: nextBefore ? String(nextBefore) : null,
    isFirstPage: !search.get('before'),
  }
}

const FILTERS = [
  { name: 'actor', label: 'admin:audit.filters.actor', hint: 'admin:audit.filters.actorHint' },
  {
    name: 'entityType',
    label: 'admin:audit.filters.entityType',
    hint: 'admin:audit.filters.entityTypeHint',
  },
  { name: 'entityId', label: 'admin:audit.filters.entityId' },
] as const

const LINKED_FILTERS = ['actorId', 'organizationId'] as const

/** The exact-actor and organisation filters the admin's user and organisation pages link to. */
function uuidParam(search: URLSearchParams, name: string) {
  const value = search.get(name) ?? undefined
  return isUuid(value) ? value : undefined
}

export default function AdminAudit() {
  const { rows, nextBefore, isFirstPage } = useLoaderData<typeof loader>()
  const [search] = useSearchParams()
  const { t } = useTranslation('admin')
  const actionLabel = useAuditActionLabel()
  return (
    <>
      <FilterForm label={t('admin:audit.filter')}>
        {FILTERS.map((f) => (
          <TextField
            key={f.name}
            label={t(f.label)}
            name={f.name}
            hint={'hint' in f ? t(f.hint) : undefined}
            defaultValue={search.get(f.name) ?? ''}
          />
        ))}
        <SelectField
          label={t('admin:audit.action')}
          name="action"
          placeholder={t('admin:audit.anyAction')}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))}
          defaultValue={search.get('action') ?? ''}
        />
        {/* Kept when filtering further from a user's or an organisation's page. */}
        {LINKED_FILTERS.map((name) =>
          search.get(name) ? (
            <input key={name} type="hidden" name={name} value={search.get(name) ?? ''} />
          ) : null,
        )}
      </FilterForm>
      {rows.length === 0 ? (
        <EmptyState title={t('admin:audit.empty')} />
      ) : (
        <AuditTable caption={t('admin:audit.caption')} rows={rows} />
      )}
      <Pagination
        search={search}
        prev={isFirstPage ? null : { before: '' }}
        next={nextBefore ? { before: nextBefore } : null}
        label={t('admin:audit.pages')}
      />
    </>
  )
}
