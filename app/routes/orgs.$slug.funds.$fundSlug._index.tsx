import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { BarChart } from '#app/components/bar-chart.tsx'
import { Card, EmptyState } from '#app/components/card.tsx'
import { DataTable } from '#app/components/table.tsx'
import { effectiveStatus } from '#app/domain/programs/program-status.ts'
import {
  CURRENCY_KEYS,
  PROGRAM_STATUS_KEYS,
  VISIBILITY_KEYS,
} from '#app/domain/programs/funder-words.ts'
import { CURRENCIES, type Currency, type FundVisibility } from '#app/domain/programs/funds.ts'
import { FUND_MANAGER_ROLES } from '#app/services/programs/funds.server.ts'
import { databaseNow } from '#app/services/clock.server.ts'
import { listPrograms } from '#app/services/programs/programs.server.ts'
import { readFundFigures } from '#app/services/donations/fund-figures.server.ts'
import { db } from '#db/client.server.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { requireFund } from '#app/utils/funder-access.server.ts'
import { requireOrgRole } from '#app/utils/permissions.server.ts'

export const handle: I18nHandle = { i18n: ['funder'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgRole(request, params.slug, FUND_MANAGER_ROLES)
  const fund = await requireFund(organization, params.fundSlug)
  const now = await databaseNow()
  const programs = await listPrograms(fund.id)
  const figures = await readFundFigures(db(), fund)
  return {
    figures,
    title: fund.name,
    orgSlug: organization.slug,
    fund: {
      name: fund.name,
      slug: fund.slug,
      currency: fund.currency,
      description: fund.description,
      visibility: fund.visibility as FundVisibility,
    },
    programs: programs.map((p) => ({
      id: p.id,
      slug: p.slug,
      title: p.title,
      status: effectiveStatus(p, now),
      closesAt: p.closesAt?.toISOString() ?? null,
      timeZone: p.timeZone,
      budgetMinor: p.budgetMinor,
      minAwardMinor: p.minAwardMinor,
      maxAwardMinor: p.maxAwardMinor,
    })),
  }
}

/** The fund's money in the order it flows: in, off the top, to grants, out to grantees, left. */
const MONEY_FIGURES = [
  ['receivedMinor', 'funder:fund.money.received'],
  ['feesMinor', 'funder:fund.money.fees'],
  ['refundedMinor', 'funder:fund.money.refunded'],
  ['disputedMinor', 'funder:fund.money.disputed'],
  ['allocatedMinor', 'funder:fund.money.allocated'],
  ['disbursedMinor', 'funder:fund.money.disbursed'],
  ['inGrantsMinor', 'funder:fund.money.inGrants'],
  ['availableMinor', 'funder:fund.money.available'],
] as const

const isCurrency = (c: string): c is Currency => (CURRENCIES as readonly string[]).includes(c)

export default function FundPage() {
  const { orgSlug, fund, programs, figures } = useLoaderData<typeof loader>()
  const { t } = useTranslation('funder')
  const format = useFormatters()
  const money = (minor: number) => format.money(minor, fund.currency)
  const base = `/orgs/${orgSlug}/funds/${fund.slug}`
  return (
    <>
      <Card title={fund.name} actions={<Link to={`${base}/edit`}>{t('funder:fund.edit')}</Link>}>
        <dl className="facts">
          <dt>{t('funder:fund.currency')}</dt>
          <dd>{isCurrency(fund.currency) ? t(CURRENCY_KEYS[fund.currency]) : fund.currency}</dd>
          <dt>{t('funder:fund.visibility')}</dt>
          <dd>{t(VISIBILITY_KEYS[fund.visibility])}</dd>
          <dt>{t('funder:fund.description')}</dt>
          <dd>{fund.description || t('funder:fund.noDescription')}</dd>
        </dl>
      </Card>
      <Card title={t('funder:fund.money.title')}>
        <p>{t('funder:fund.money.intro')}</p>
        <BarChart
          title={t('funder:fund.money.chart')}
          note={t('funder:fund.money.chartNote')}
          bars={MONEY_FIGURES.map(([field, label]) => ({
            label: t(label),
            value: Math.max(0, figures[field]),
            valueText: money(figures[field]),
          }))}
        >
          <dl className="facts">
            {MONEY_FIGURES.map(([field, label]) => (
              <Fragment key={field}>
                <dt>{t(label)}</dt>
                <dd>{money(figures[field])}</dd>
              </Fragment>
            ))}
          </dl>
        </BarChart>
      </Card>
      <Card
        title={t('funder:fund.programs')}
        actions={<Link to={`${base}/programs/new`}>{t('funder:fund.createProgram')}</Link>}
      >
        {programs.length === 0 ? (
          <EmptyState title={t('funder:fund.emptyTitle')}>
            <p>
              {t('funder:fund.emptyText')}{' '}
              <Link to={`${base}/programs/new`}>{t('funder:fund.emptyLink')}</Link>.
            </p>
          </EmptyState>
        ) : (
          <DataTable
            caption={t('funder:fund.caption', { name: fund.name })}
            rows={programs}
            rowKey={(p) => p.id}
            columns={[
              {
                header: t('funder:fund.program'),
                cell: (p) => <Link to={`/orgs/${orgSlug}/programs/${p.slug}`}>{p.title}</Link>,
              },
              { header: t('funder:fund.status'), cell: (p) => t(PROGRAM_STATUS_KEYS[p.status]) },
              {
                header: t('funder:fund.closes'),
                cell: (p) =>
                  p.closesAt ? format.dateTime(p.closesAt, p.timeZone) : t('funder:notSet'),
              },
              { header: t('funder:fund.budget'), cell: (p) => money(p.budgetMinor), numeric: true },
              {
                header: t('funder:fund.awards'),
                cell: (p) =>
                  t('funder:fund.awardRange', {
                    min: money(p.minAwardMinor),
                    max: money(p.maxAwardMinor),
                  }),
                numeric: true,
              },
            ]}
          />
        )}
      </Card>
    </>
  )
}
