import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { EmptyState } from '#app/components/card.tsx'
import { SelectField, TextField } from '#app/components/field.tsx'
import { FilterForm } from '#app/components/filter-form.tsx'
import { DataTable, Pagination } from '#app/components/table.tsx'
import { KIND_LABELS, ORGANIZATION_KINDS } from '#app/domain/organizations.ts'
import { listOrganizations } from '#app/services/admin/admin.server.ts'
import { formatDate } from '#app/lib/format.ts'
import { requirePlatformAdmin } from '#app/utils/permissions.server.ts'
import { pageLinks, pageParam, textParam } from '#app/lib/search-params.ts'
import { readQuery } from '#app/utils/request-body.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request)
  const search = readQuery(request)
  const kind = ORGANIZATION_KINDS.find((k) => k === search.get('kind'))
  const result = await listOrganizations({
    q: textParam(search, 'q'),
    kind,
    page: pageParam(search),
  })
  return {
    ...result,
    rows: result.rows.map((o) => ({ ...o, createdAt: o.createdAt.toISOString() })),
  }
}

export default function AdminOrganizations() {
  const { rows, page, hasNext } = useLoaderData<typeof loader>()
  const [search] = useSearchParams()
  return (
    <>
      <FilterForm label="Filter organisations">
        <TextField
          label="Name contains"
          name="q"
          type="search"
          defaultValue={search.get('q') ?? ''}
        />
        <SelectField
          label="Kind"
          name="kind"
          placeholder="Any"
          defaultValue={search.get('kind') ?? ''}
          options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        />
      </FilterForm>
      {rows.length === 0 ? (
        <EmptyState title="No organisations match" />
      ) : (
        <DataTable
          caption={`Organisations, page ${page}`}
          rows={rows}
          rowKey={(o) => o.id}
          columns={[
            {
              header: 'Name',
              cell: (o) => <Link to={`/admin/organizations/${o.id}`}>{o.name}</Link>,
            },
            { header: 'Kind', cell: (o) => KIND_LABELS[o.kind] },
            { header: 'Where', cell: (o) => o.location },
            { header: 'Members', cell: (o) => o.members, numeric: true },
            { header: 'Created', cell: (o) => formatDate(o.createdAt) },
          ]}
        />
      )}
      <Pagination search={search} {...pageLinks(page, hasNext)} label="Organisation pages" />
    </>
  )
}
