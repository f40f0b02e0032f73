import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData, useSearchParams } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Card, EmptyState } from '#app/components/card.tsx'
import { DataTable, Pagination } from '#app/components/table.tsx'
import { DECISION_OUTCOME_KEYS } from '#app/domain/review/decisions.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { pageLinks, pageParam } from '#app/lib/search-params.ts'
import { listProgramDecisions, programBudget } from '#app/services/review/decisions.server.ts'
import { requireOfficerProgram } from '#app/utils/funder-access.server.ts'
import { readQuery } from '#app/utils/request-body.server.ts'

export const handle: I18nHandle = { i18n: ['decisions'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, fund, organization } = await requireOfficerProgram(request, params)
  const page = pageParam(readQuery(request))
  const [list, budget] = await Promise.all([
    listProgramDecisions(program.id, page),
    programBudget(program),
  ])
  return {
    base: `/orgs/${organization.slug}/programs/${program.slug}/applications`,
    currency: fund.currency,
    budget,
    page,
    hasNext: list.hasNext,
    rows: list.rows.map((r) => ({ ...r, decidedAt: r.decidedAt?.toISOString() ?? null })),
  }
}

export default function DecisionsList() {
  const loaded = useLoaderData<typeof loader>()
  const { t } = useTranslation('decisions')
  const format = useFormatters()
  const [search] = useSearchParams()
  return (
    <Card title={t('decisions:list.title')} headingLevel={3}>
      <p>
        {t('decisions:list.budget', {
          budget: format.money(loaded.budget.budgetMinor, loaded.currency),
          awarded: format.money(loaded.budget.awardedMinor, loaded.currency),
          remaining: format.money(loaded.budget.remainingMinor, loaded.currency),
        })}
      </p>
      {loaded.rows.length === 0 ? (
        <EmptyState title={t('decisions:list.none')} />
      ) : (
        <DataTable
          caption={t('decisions:list.caption', { page: format.number(loaded.page) })}
          rows={loaded.rows}
          rowKey={(r) => r.id}
          columns={[
            {
              header: t('decisions:list.application'),
              cell: (r) => (
                <Link to={`${loaded.base}/${r.id}/decision`}>
                  {r.title || t('decisions:list.untitled')}
                </Link>
              ),
            },
            { header: t('decisions:list.organization'), cell: (r) => r.organization },
            {
              header: t('decisions:list.requested'),
              numeric: true,
              cell: (r) =>
                r.amountRequestedMinor === null
                  ? '—'
                  : format.money(r.amountRequestedMinor, loaded.currency),
            },
            {
              header: t('decisions:list.outcome'),
              cell: (r) =>
                r.outcome ? (
                  <span className="badge">{t(DECISION_OUTCOME_KEYS[r.outcome])}</span>
                ) : (
                  t('decisions:list.undecided')
                ),
            },
            {
              header: t('decisions:list.amount'),
              numeric: true,
              cell: (r) =>
                r.amountMinor === null ? '—' : format.money(r.amountMinor, loaded.currency),
            },
          ]}
        />
      )}
      <Pagination
        search={search}
        {...pageLinks(loaded.page, loaded.hasNext)}
        label={t('decisions:list.pages')}
      />
    </Card>
  )
}
