import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Card, EmptyState } from '#app/components/card.tsx'
import { DataTable } from '#app/components/table.tsx'
import { SKILL_KEYS, type Skill } from '#app/domain/skills.ts'
import { REQUEST_STATUS_KEYS } from '#app/domain/volunteers/request-status.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { inKindOfGroup } from '#app/services/engagements/in-kind.server.ts'
import { listGroupRequests } from '#app/services/volunteers/requests.server.ts'
import { requireRequestPoster } from '#app/utils/volunteer-request-route.server.ts'

// The skills' names are the applications' words.
export const handle: I18nHandle = {
  i18n: ['organizations', 'volunteers', 'applications', 'engagements'],
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireRequestPoster(request, params.slug)
  const [rows, inKind] = await Promise.all([
    listGroupRequests(organization.id),
    inKindOfGroup(organization.id),
  ])
  return { slug: organization.slug, rows, inKind }
}

export default function GroupVolunteerRequests() {
  const { slug, rows, inKind } = useLoaderData<typeof loader>()
  const { t } = useTranslation('volunteers')
  const format = useFormatters()
  const base = `/orgs/${slug}/volunteer-requests`
  return (
    <Card
      title={t('volunteers:requests.title')}
      actions={<Link to={`${base}/new`}>{t('volunteers:requests.new')}</Link>}
    >
      <p className="hint">{t('volunteers:requests.intro')}</p>
      {inKind.verifiedMinutes > 0 ? (
        <p>
          {t('engagements:inKind.groupLine', {
            value: format.money(inKind.valueMinor, inKind.currency),
          })}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState title={t('volunteers:requests.emptyTitle')}>
          <p>
            {t('volunteers:requests.emptyText')}{' '}
            <Link to={`${base}/new`}>{t('volunteers:requests.new')}</Link>
          </p>
        </EmptyState>
      ) : (
        <DataTable
          caption={t('volunteers:requests.caption')}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            {
              header: t('volunteers:requests.columns.title'),
              cell: (r) => <Link to={`${base}/${r.id}`}>{r.title}</Link>,
            },
            {
              header: t('volunteers:requests.columns.skill'),
              cell: (r) => (r.skill in SKILL_KEYS ? t(SKILL_KEYS[r.skill as Skill]) : r.skill),
            },
            { header: t('volunteers:requests.columns.hours'), cell: (r) => r.hours },
            {
              header: t('volunteers:requests.columns.deadline'),
              cell: (r) =>
                r.deadline
                  ? format.date(`${r.deadline}T12:00:00Z`)
                  : t('volunteers:requests.noDeadline'),
            },
            {
              header: t('volunteers:requests.columns.status'),
              cell: (r) => t(REQUEST_STATUS_KEYS[r.status]),
            },
            {
              header: t('volunteers:requests.columns.source'),
              cell: (r) =>
                r.fromApplication
                  ? t('volunteers:requests.fromApplication')
                  : t('volunteers:requests.fromCatalogue'),
            },
          ]}
        />
      )}
    </Card>
  )
}
