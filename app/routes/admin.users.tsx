import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData, useSearchParams } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { EmptyState } from '#app/components/card.tsx'
import { SelectField, TextField } from '#app/components/field.tsx'
import { FilterForm } from '#app/components/filter-form.tsx'
import { DataTable, Pagination } from '#app/components/table.tsx'
import { listUsers } from '#app/services/admin/admin.server.ts'
import { requirePlatformAdmin } from '#app/utils/permissions.server.ts'
import { pageLinks, pageParam, textParam } from '#app/lib/search-params.ts'
import { readQuery } from '#app/utils/request-body.server.ts'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '#app/lib/i18n/formatters.ts'

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
  const { t } = useTranslation('admin')
  const format = useFormatters()
  return (
    <>
      <FilterForm label={t('admin:users.filter')}>
        <TextField
          label={t('admin:users.q')}
          name="q"
          type="search"
          defaultValue={search.get('q') ?? ''}
        />
        <SelectField
          label={t('admin:users.status')}
          name="status"
          placeholder={t('admin:users.any')}
          defaultValue={search.get('status') ?? ''}
          options={[{ value: 'suspended', label: t('admin:users.suspended') }]}
        />
      </FilterForm>
      {rows.length === 0 ? (
        <EmptyState title={t('admin:users.empty')} />
      ) : (
        <DataTable
          caption={t('admin:users.caption', { page })}
          rows={rows}
          rowKey={(u) => u.id}
          columns={[
            {
              header: t('admin:users.name'),
              cell: (u) => (
                <>
                  <Link to={`/admin/users/${u.id}`}>{u.name}</Link>
                  {u.suspended ? (
                    <>
                      {' '}
                      <span className="badge">{t('admin:users.suspended')}</span>
                    </>
                  ) : null}
                </>
              ),
            },
            { header: t('admin:users.email'), cell: (u) => u.email },
            {
              header: t('admin:users.organizations'),
              cell: (u) => format.number(u.organizations),
              numeric: true,
            },
            {
              header: t('admin:users.platformAdmin'),
              cell: (u) => (u.isPlatformAdmin ? t('admin:yes') : ''),
            },
            { header: t('admin:users.joined'), cell: (u) => format.date(u.createdAt) },
          ]}
        />
      )}
      <Pagination search={search} {...pageLinks(page, hasNext)} label={t('admin:users.pages')} />
    </>
  )
}
