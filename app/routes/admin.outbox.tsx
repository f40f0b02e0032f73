import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData, useSearchParams } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '#app/components/card.tsx'
import { Moment } from '#app/components/moment.tsx'
import { DataTable, Pagination } from '#app/components/table.tsx'
import { smtpConfigured } from '#app/config/env.server.ts'
import { listOutbox } from '#app/services/mail/outbox.server.ts'
import { throwNotFound } from '#app/utils/http.server.ts'
import { requirePlatformAdmin } from '#app/utils/permissions.server.ts'
import { pageLinks, pageParam } from '#app/lib/search-params.ts'
import { readQuery } from '#app/utils/request-body.server.ts'
import { useMailStatusLabel } from '#app/components/mail-status.tsx'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request)
  // Real mail goes out through SMTP: there is no development outbox to show.
  if (smtpConfigured()) throwNotFound()
  const result = await listOutbox({ page: pageParam(readQuery(request)) })
  return {
    ...result,
    rows: result.rows.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
  }
}

export default function AdminOutbox() {
  const { rows, page, hasNext } = useLoaderData<typeof loader>()
  const [search] = useSearchParams()
  const { t } = useTranslation('admin')
  const statusLabel = useMailStatusLabel()
  return (
    <>
      <p>{t('admin:outbox.intro')}</p>
      {rows.length === 0 ? (
        <EmptyState title={t('admin:outbox.empty')} />
      ) : (
        <DataTable
          caption={t('admin:outbox.caption', { page })}
          rows={rows}
          rowKey={(m) => m.id}
          columns={[
            {
              header: t('admin:outbox.subject'),
              cell: (m) => <Link to={`/admin/outbox/${m.id}`}>{m.subject}</Link>,
            },
            { header: t('admin:outbox.to'), cell: (m) => m.toAddress },
            { header: t('admin:outbox.kind'), cell: (m) => m.kind },
            { header: t('admin:outbox.time'), cell: (m) => <Moment iso={m.createdAt} /> },
            { header: t('admin:outbox.status'), cell: (m) => statusLabel(m.status) },
            { header: t('admin:outbox.attempts'), cell: (m) => m.attempts, numeric: true },
            { header: t('admin:outbox.error'), cell: (m) => m.lastError ?? '' },
          ]}
        />
      )}
      <Pagination search={search} {...pageLinks(page, hasNext)} label={t('admin:outbox.pages')} />
    </>
  )
}
