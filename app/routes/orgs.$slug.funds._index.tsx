import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Card, EmptyState } from '#app/components/card.tsx'
import { DataTable } from '#app/components/table.tsx'
import { VISIBILITY_KEYS } from '#app/domain/programs/funder-words.ts'
import type { FundVisibility } from '#app/domain/programs/funds.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { FUND_MANAGER_ROLES, listFunds } from '#app/services/programs/funds.server.ts'
import { assertFunder } from '#app/utils/funder-access.server.ts'
import { requestT } from '#app/utils/i18n.server.ts'
import { requireOrgRole } from '#app/utils/permissions.server.ts'

export const handle: I18nHandle = { i18n: ['funder'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgRole(request, params.slug, FUND_MANAGER_ROLES)
  assertFunder(organization)
  const t = await requestT(request)
  return {
    title: t('funder:funds.title'),
    slug: organization.slug,
    funds: await listFunds(organization.id),
  }
}

export default function Funds() {
  const { slug, funds } = useLoaderData<typeof loader>()
  const { t } = useTranslation('funder')
  const format = useFormatters()
  return (
    <Card
      title={t('funder:funds.title')}
      actions={<Link to={`/orgs/${slug}/funds/new`}>{t('funder:funds.create')}</Link>}
    >
      {funds.length === 0 ? (
        <EmptyState title={t('funder:funds.emptyTitle')}>
          <p>
            {t('funder:funds.emptyText')}{' '}
            <Link to={`/orgs/${slug}/funds/new`}>{t('funder:funds.emptyLink')}</Link>.
          </p>
        </EmptyState>
      ) : (
        <DataTable
          caption={t('funder:funds.caption', { count: funds.length })}
          rows={funds}
          rowKey={(f) => f.id}
          columns={[
            {
              header: t('funder:funds.name'),
              cell: (f) => <Link to={`/orgs/${slug}/funds/${f.slug}`}>{f.name}</Link>,
            },
            { header: t('funder:funds.currency'), cell: (f) => f.currency },
            {
              header: t('funder:funds.visibility'),
              cell: (f) => t(VISIBILITY_KEYS[f.visibility as FundVisibility]),
            },
            {
              header: t('funder:funds.programs'),
              cell: (f) => format.number(f.programCount),
              numeric: true,
            },
          ]}
        />
      )}
    </Card>
  )
}
