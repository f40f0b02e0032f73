import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData, useSearchParams } from '@remix-run/react'
import { EmptyState } from '#app/components/card.tsx'
import { SelectField, TextField } from '#app/components/field.tsx'
import { FilterForm } from '#app/components/filter-form.tsx'
import { DataTable, Pagination } from '#app/components/table.tsx'
import { AUDIT_ACTIONS, isAuditAction } from '#app/domain/audit-actions.ts'
import { listAudit } from '#app/services/audit.server.ts'
import { requirePlatformAdmin } from '#app/utils/permissions.server.ts'
import { textParam } from '#app/lib/search-params.ts'
import { Moment } from '#app/components/moment.tsx'
import { readQuery } from '#app/utils/request-body.server.ts'

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
    before: Number.isSafeInteger(before) && before > 0 ? before : undefined,
  })
  return {
    rows: rows.map((r) => ({ ...r, at: r.at.toISOString(), details: detailLines(r.details) })),
    nextBefore: nextBefore ? String(nextBefore) : null,
    isFirstPage: !search.get('before'),
  }
}

/** Details as "key: value" lines an admin can read, nested values kept on their line. */
function detailLines(details: Record<string, unknown>) {
  return Object.entries(details).map(([key, value]) => ({
    key,
    value: typeof value === 'string' ? value : JSON.stringify(value),
  }))
}

const FILTERS = [
  { name: 'actor', label: 'Actor', hint: 'Part of a name or email' },
  { name: 'entityType', label: 'Entity type', hint: 'e.g. organization' },
  { name: 'entityId', label: 'Entity id' },
] as const

export default function AdminAudit() {
  const { rows, nextBefore, isFirstPage } = useLoaderData<typeof loader>()
  const [search] = useSearchParams()
  return (
    <>
      <FilterForm label="Filter the audit log">
        {FILTERS.map((f) => (
          <TextField
            key={f.name}
            label={f.label}
            name={f.name}
            hint={'hint' in f ? f.hint : undefined}
            defaultValue={search.get(f.name) ?? ''}
          />
        ))}
        <SelectField
          label="Action"
          name="action"
          placeholder="Any action"
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: a }))}
          defaultValue={search.get('action') ?? ''}
        />
      </FilterForm>
      {rows.length === 0 ? (
        <EmptyState title="No audit entries match" />
      ) : (
        <DataTable
          caption="Audit log, newest first"
          rows={rows}
          rowKey={(r) => String(r.id)}
          columns={[
            { header: 'When', cell: (r) => <Moment iso={r.at} /> },
            {
              header: 'Actor',
              cell: (r) =>
                r.actorEmail ? (
                  <>
                    {r.actorName}
                    <br />
                    <span className="hint">{r.actorEmail}</span>
                  </>
                ) : (
                  'system'
                ),
            },
            { header: 'Action', cell: (r) => <code>{r.action}</code> },
            { header: 'Entity', cell: (r) => `${r.entityType} ${r.entityId}` },
            { header: 'Address', cell: (r) => r.ip ?? '' },
            {
              header: 'Details',
              cell: (r) => (
                <dl className="details">
                  {r.details.map((d) => (
                    <div key={d.key}>
                      <dt>{d.key}:</dt> <dd>{d.value}</dd>
                    </div>
                  ))}
                </dl>
              ),
            },
          ]}
        />
      )}
      <Pagination
        search={search}
        prev={isFirstPage ? null : { before: '' }}
        next={nextBefore ? { before: nextBefore } : null}
        label="Audit pages"
      />
    </>
  )
}
