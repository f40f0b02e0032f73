import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData, useSearchParams } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { EmptyState } from '#app/components/card.tsx'
import { SelectField, TextField } from '#app/components/field.tsx'
import { FilterForm } from '#app/components/filter-form.tsx'
import { DataTable, Pagination } from '#app/components/table.tsx'
import { KIND_LABEL_KEYS, ORGANIZATION_KINDS } from '#app/domain/organizations.ts'
import { listOrganizations } from '#app/services/admin/admin.server.ts'
import { requirePlatformAdmin } from '#app/utils/permissions.server.ts'
import { pageLinks, pageParam, textParam } from '#app/lib/search-params.ts'
import { readQuery } from '#app/utils/request-body.server.ts'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '#app/lib/i18n/formatters.ts'

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
  const { t } = useTranslation('admin')
  const format = useFormatters()
  return (
    <>
      <FilterForm label={t('admin:organizations.filter')}>
        <TextField
          label={t('admin:organizations.q')}
          name="q"
          type="search"
          defaultValue={search.get('q') ?? ''}
        />
        <SelectField
          label={t('admin:organizations.kind')}
          name="kind"
          placeholder={t('admin:organizations.any')}
          defaultValue={search.get('kind') ?? ''}
          options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(KIND_LABEL_KEYS[k]) }))}
        />
      </FilterForm>
      {rows.length === 0 ? (
        <EmptyState title={t('admin:organizations.empty')} />
      ) : (
        <DataTable
          caption={t('admin:organizations.caption', { page })}
          rows={rows}
          rowKey={(o) => o.id}
          columns={[
            {
              header: t('admin:organizations.name'),
              cell: (o) => <Link to={`/admin/organizations/${o.id}`}>{o.name}</Link>,
            },
            { header: t('admin:organizations.kind'), cell: (o) => t(KIND_LABEL_KEYS[o.kind]) },
            { header: t('admin:organizations.where'), cell: (o) => o.location },
            {
              header: t('admin:organizations.members'),
              cell: (o) => format.number(o.members),
              numeric: true,
            },
            { header: t('admin:organizations.created'), cell: (o) => format.date(o.createdAt) },
          ]}
        />
      )}
      <Pagination
        search={search}
        {...pageLinks(page, hasNext)}
        label={t('admin:organizations.pages')}
      />
    </>
  )
}
