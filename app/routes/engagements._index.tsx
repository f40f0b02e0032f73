import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Card, EmptyState } from '#app/components/card.tsx'
import { DataTable } from '#app/components/table.tsx'
import { ENGAGEMENT_STATUS_KEYS } from '#app/domain/engagements/engagement-status.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { listMyEngagements } from '#app/services/engagements/engagement-views.server.ts'
import { requestT } from '#app/utils/i18n.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'

export const handle: I18nHandle = { i18n: ['engagements'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const rows = await listMyEngagements(user.id)
  const t = await requestT(request)
  return {
    title: t('engagements:title'),
    asVolunteer: rows.filter((r) => r.asVolunteer),
    forGroups: rows.filter((r) => !r.asVolunteer),
  }
}

type Row = Awaited<ReturnType<typeof loader>>['asVolunteer'][number]

function EngagementTable({
  rows,
  caption,
  other,
}: {
  rows: Row[]
  caption: string
  other: (r: Row) => string
}) {
  const { t } = useTranslation('engagements')
  if (rows.length === 0) return <EmptyState title={t('engagements:list.none')} />
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(r) => r.id}
      columns={[
        {
          header: t('engagements:list.request'),
          cell: (r) => <Link to={`/engagements/${r.id}`}>{r.requestTitle}</Link>,
        },
        { header: t('engagements:list.other'), cell: other },
        {
          header: t('engagements:list.status'),
          cell: (r) => t(ENGAGEMENT_STATUS_KEYS[r.status]),
        },
      ]}
    />
  )
}

export default function Engagements() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('engagements')
  return (
    <>
      <h1>{t('engagements:title')}</h1>
      <Card title={t('engagements:list.asVolunteer')}>
        <EngagementTable
          rows={data.asVolunteer}
          caption={t('engagements:list.asVolunteer')}
          other={(r) => r.groupName}
        />
      </Card>
      <Card title={t('engagements:list.forGroups')}>
        <EngagementTable
          rows={data.forGroups}
          caption={t('engagements:list.forGroups')}
          other={(r) => r.volunteerName}
        />
      </Card>
    </>
  )
}
