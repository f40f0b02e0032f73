import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { AuditTable, auditRowView } from '#app/components/audit-table.tsx'
import { Card, EmptyState } from '#app/components/card.tsx'
import { Moment } from '#app/components/moment.tsx'
import { DataTable } from '#app/components/table.tsx'
import { BUDGET_BAND_KEYS, KIND_LABEL_KEYS, ROLE_LABEL_KEYS } from '#app/domain/organizations.ts'
import { getOrganizationProfile } from '#app/services/admin/admin-profiles.server.ts'
import { throwNotFound } from '#app/utils/http.server.ts'
import { requirePlatformAdmin } from '#app/utils/permissions.server.ts'
import { useTranslation } from 'react-i18next'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { requestT } from '#app/utils/i18n.server.ts'

// The budget bands are the applications' words (the group step shows them too).
export const handle: I18nHandle = { i18n: ['admin', 'organizations', 'applications'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request)
  const profile = await getOrganizationProfile(params.organizationId)
  if (!profile) throwNotFound('admin:organization.notFound')
  const { recentEvents, ...organization } = profile
  const t = await requestT(request)
  return {
    title: t('admin:organization.pageTitle', { name: organization.name }),
    organization: { ...organization, createdAt: organization.createdAt.toISOString() },
    recentEvents: recentEvents.map(auditRowView),
  }
}

export default function AdminOrganization() {
  const { organization: org, recentEvents } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
  const notGiven = t('admin:organization.notGiven')
  return (
    <>
      <h2>{org.name}</h2>
      <Card title={t('admin:organization.profile')}>
        <dl className="facts">
          <dt>{t('admin:organizations.kind')}</dt>
          <dd>{t(KIND_LABEL_KEYS[org.kind])}</dd>
          <dt>{t('admin:organization.address')}</dt>
          <dd>
            <code>{`/orgs/${org.slug}`}</code>
          </dd>
          <dt>{t('admin:organizations.created')}</dt>
          <dd>
            <Moment iso={org.createdAt} />
          </dd>
          <dt>{t('admin:organizations.where')}</dt>
          <dd>{org.location || notGiven}</dd>
          <dt>{t('admin:organization.website')}</dt>
          <dd>{org.website || notGiven}</dd>
          <dt>{t('admin:organization.budget')}</dt>
          <dd>{org.budgetBand ? t(BUDGET_BAND_KEYS[org.budgetBand]) : notGiven}</dd>
          <dt>{t('admin:organization.mission')}</dt>
          <dd>{org.mission || notGiven}</dd>
          <dt>{t('admin:organization.funds')}</dt>
          <dd>{org.funds}</dd>
          <dt>{t('admin:organization.programs')}</dt>
          <dd>{org.programs}</dd>
        </dl>
      </Card>
      <Card title={t('admin:organizations.members')}>
        {org.members.length === 0 ? (
          <EmptyState title={t('admin:organization.noMembers')} />
        ) : (
          <DataTable
            caption={t('admin:organization.membersCaption', { name: org.name })}
            rows={org.members}
            rowKey={(m) => m.id}
            columns={[
              {
                header: t('admin:users.name'),
                cell: (m) => <Link to={`/admin/users/${m.id}`}>{m.name}</Link>,
              },
              { header: t('admin:users.email'), cell: (m) => m.email },
              { header: t('admin:role'), cell: (m) => t(ROLE_LABEL_KEYS[m.role]) },
              {
                header: t('admin:user.account'),
                cell: (m) =>
                  m.suspended ? (
                    <span className="badge">{t('admin:users.suspended')}</span>
                  ) : (
                    t('admin:user.active')
                  ),
              },
            ]}
          />
        )}
      </Card>
      <Card
        title={t('admin:recent.title')}
        actions={
          <Link to={`/admin/audit?organizationId=${org.id}`}>
            {t('admin:organization.everything')}
          </Link>
        }
      >
        {recentEvents.length === 0 ? (
          <EmptyState title={t('admin:recent.empty')} />
        ) : (
          <AuditTable
            caption={t('admin:organization.recentCaption', { name: org.name })}
            rows={recentEvents}
          />
        )}
      </Card>
    </>
  )
}
