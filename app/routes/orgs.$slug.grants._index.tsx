import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData, useSearchParams } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Card, EmptyState } from '#app/components/card.tsx'
import { SelectField } from '#app/components/field.tsx'
import { FilterForm } from '#app/components/filter-form.tsx'
import { DataTable, Pagination } from '#app/components/table.tsx'
import { GRANT_STATUSES, GRANT_STATUS_KEYS } from '#app/domain/grants/grant-states.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { pageLinks, pageParam, textParam } from '#app/lib/search-params.ts'
import {
  isGrantStatus,
  listGrants,
  programsWithGrants,
} from '#app/services/grants/grant-pages.server.ts'
import { MANAGER_ROLES } from '#app/services/organizations/organizations.server.ts'
import { forbidden } from '#app/utils/http.server.ts'
import { requireOrgRole } from '#app/utils/permissions.server.ts'

export const handle: I18nHandle = { i18n: ['grants'] }

/**
 * The organisation's grants: a funder's program officers see every grant it made (filter by
 * program and status); a group's members see the grants it received, with the reports it owes.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, role } = await requireOrgRole(request, params.slug)
  const funder = organization.kind === 'funder'
  if (funder && !MANAGER_ROLES.includes(role)) throw forbidden('grants:refusals.officersOnly')
  const search = new URL(request.url).searchParams
  const page = pageParam(search)
  const status = textParam(search, 'status')
  const programs = funder ? await programsWithGrants(organization.id) : []
  const programId = textParam(search, 'program')
  const filter = {
    page,
    status: isGrantStatus(status) ? status : undefined,
    programId: programs.some((p) => p.id === programId) ? programId : undefined,
  }
  const { rows, hasNext } = await listGrants(
    funder ? { funderId: organization.id } : { organizationId: organization.id },
    filter,
  )
  return {
    funder,
    slug: organization.slug,
    programs,
    rows,
    ...pageLinks(page, hasNext),
  }
}

export default function OrganizationGrants() {
  const { funder, slug, programs, rows, prev, next } = useLoaderData<typeof loader>()
  const { t } = useTranslation('grants')
  const format = useFormatters()
  const [search] = useSearchParams()
  const href = (id: string) => (funder ? `/orgs/${slug}/grants/${id}` : `/grants/${id}`)
  type Row = (typeof rows)[number]
  return (
    <Card title={t('grants:list.title')} headingLevel={2}>
      <p>{funder ? t('grants:list.introFunder') : t('grants:list.introGroup')}</p>
      <FilterForm label={t('grants:list.filter')}>
        {funder ? (
          <SelectField
            label={t('grants:list.program')}
            name="program"
            defaultValue={search.get('program') ?? ''}
            placeholder={t('grants:list.allPrograms')}
            options={programs.map((p) => ({ value: p.id, label: p.title }))}
          />
        ) : null}
        <SelectField
          label={t('grants:list.status')}
          name="status"
          defaultValue={search.get('status') ?? ''}
          placeholder={t('grants:list.allStatuses')}
          options={GRANT_STATUSES.map((s) => ({ value: s, label: t(GRANT_STATUS_KEYS[s]) }))}
        />
      </FilterForm>
      {rows.length === 0 ? (
        <EmptyState title={t('grants:list.empty')} />
      ) : (
        <DataTable<Row>
          caption={t('grants:list.caption')}
          rowKey={(r) => r.id}
          rows={rows}
          columns={[
            {
              header: funder ? t('grants:list.grantee') : t('grants:list.program'),
              cell: (r) => (
                <Link to={href(r.id)}>{funder ? r.organizationName : r.programTitle}</Link>
              ),
            },
            ...(funder
              ? [{ header: t('grants:list.program'), cell: (r: Row) => r.programTitle }]
              : []),
            {
              header: t('grants:list.amount'),
              numeric: true,
              cell: (r) => format.money(r.amountMinor, r.currency),
            },
            {
              header: t('grants:facts.term'),
              cell: (r) =>
                t('grants:facts.termDates', {
                  start: format.date(r.startsOn),
                  end: format.date(r.endsOn),
                }),
            },
            { header: t('grants:list.status'), cell: (r) => t(GRANT_STATUS_KEYS[r.status]) },
            {
              header: t('grants:list.nextPayment'),
              cell: (r) => (r.nextPaymentOn ? format.date(r.nextPaymentOn) : '—'),
            },
            {
              header: t('grants:list.nextReport'),
              cell: (r) =>
                r.nextReportOn ? (
                  <>
                    {format.date(r.nextReportOn)}
                    {r.reportOverdue ? (
                      <>
                        {' '}
                        <span className="badge badge-warning">{t('grants:list.overdue')}</span>
                      </>
                    ) : null}
                  </>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
      <Pagination search={search} prev={prev} next={next} />
    </Card>
  )
}
