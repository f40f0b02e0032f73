import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { EmptyState } from '#app/components/card.tsx'
import { SelectField, TextField } from '#app/components/field.tsx'
import { FilterForm } from '#app/components/filter-form.tsx'
import { DataTable, Pagination } from '#app/components/table.tsx'
import { listUsers } from '#app/services/admin/admin.server.ts'
import { formatDate } from '#app/lib/format.ts'
import { requirePlatformAdmin } from '#app/utils/permissions.server.ts'
import { pageLinks, pageParam, textParam } from '#app/lib/search-params.ts'
import { readQuery } from '#app/utils/request-body.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request)
  const search = readQuery(request)
  const result = await listUsers({
    q: textParam(search, 'q'),
    suspended: search.get('status') === 'suspended',
    page: pageParam(search),
  })
  return {
    ...result,
    rows: result.rows.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() })),
  }
}

export default function AdminUsers() {
  const { rows, page, hasNext } = useLoaderData<typeof loader>()
  const [search] = useSearchParams()
  return (
    <>
      <FilterForm label="Filter users">
        <TextField
          label="Name or email contains"
          name="q"
          type="search"
          defaultValue={search.get('q') ?? ''}
        />
        <SelectField
          label="Status"
          name="status"
          placeholder="Any"
          defaultValue={search.get('status') ?? ''}
          options={[{ value: 'suspended', label: 'Suspended' }]}
        />
      </FilterForm>
      {rows.length === 0 ? (
        <EmptyState title="No users match" />
      ) : (
        <DataTable
          caption={`Users, page ${page}`}
          rows={rows}
          rowKey={(u) => u.id}
          columns={[
            {
              header: 'Name',
              cell: (u) => (
                <>
                  <Link to={`/admin/users/${u.id}`}>{u.name}</Link>
                  {u.suspended ? (
                    <>
                      {' '}
                      <span className="badge">Suspended</span>
                    </>
                  ) : null}
                </>
              ),
            },
            { header: 'Email', cell: (u) => u.email },
            { header: 'Organisations', cell: (u) => u.organizations, numeric: true },
            { header: 'Platform admin', cell: (u) => (u.isPlatformAdmin ? 'Yes' : '') },
            { header: 'Joined', cell: (u) => formatDate(u.createdAt) },
          ]}
        />
      )}
      <Pagination search={search} {...pageLinks(page, hasNext)} label="User pages" />
    </>
  )
}
