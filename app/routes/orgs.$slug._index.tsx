import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Card, EmptyState } from '#app/components/card.tsx'
import { FunderProgramTable } from '#app/components/funder-program-table.tsx'
import { BUDGET_BAND_KEYS } from '#app/domain/organizations.ts'
import { FUND_MANAGER_ROLES } from '#app/services/programs/funds.server.ts'
import { MANAGER_ROLES } from '#app/services/organizations/organizations.server.ts'
import { listFunderPrograms } from '#app/services/programs/program-lists.server.ts'
import { requireOrgRole } from '#app/utils/permissions.server.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'

// The budget bands are the applications' words (the group step shows them too).
export const handle: I18nHandle = { i18n: ['organizations', 'applications'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, role } = await requireOrgRole(request, params.slug)
  const runsPrograms = organization.kind === 'funder' && FUND_MANAGER_ROLES.includes(role)
  const programs = runsPrograms
    ? await listFunderPrograms({ organizationId: organization.id })
    : null
  return {
    organization,
    canManage: MANAGER_ROLES.includes(role),
    programs: programs?.map((p) => ({ ...p, closesAt: p.closesAt?.toISOString() ?? null })),
  }
}

export default function OrganizationOverview() {
  const { organization: org, canManage, programs } = useLoaderData<typeof loader>()
  const { t } = useTranslation('organizations')
  const orNot = (text: string) => text || t('organizations:overview.notGivenYet')
  return (
    <>
      {programs ? (
        <Card
          title={t('organizations:overview.programs')}
          actions={<Link to={`/orgs/${org.slug}/funds`}>{t('organizations:overview.funds')}</Link>}
        >
          {programs.length === 0 ? (
            <EmptyState title={t('organizations:overview.noProgramsTitle')}>
              <p>
                {t('organizations:overview.noProgramsText')}{' '}
                <Link to={`/orgs/${org.slug}/funds`}>
                  {t('organizations:overview.noProgramsLink')}
                </Link>{' '}
                {t('organizations:overview.noProgramsAfterLink')}
              </p>
            </EmptyState>
          ) : (
            <FunderProgramTable
              caption={t('organizations:overview.programsCaption', { name: org.name })}
              programs={programs}
              showFunder={false}
            />
          )}
        </Card>
      ) : null}
      <Card
        title={t('organizations:overview.profile')}
        actions={
          canManage ? (
            <Link to={`/orgs/${org.slug}/settings`}>{t('organizations:overview.editProfile')}</Link>
          ) : null
        }
      >
        <dl className="facts">
          <dt>{t('organizations:overview.mission')}</dt>
          <dd>{orNot(org.mission)}</dd>
          <dt>{t('organizations:overview.where')}</dt>
          <dd>{orNot(org.location)}</dd>
          <dt>{t('organizations:overview.ledBy')}</dt>
          <dd>{orNot(org.leadership)}</dd>
          <dt>{t('organizations:overview.serves')}</dt>
          <dd>{orNot(org.communitiesServed)}</dd>
          <dt>{t('organizations:overview.budget')}</dt>
          <dd>
            {/* A key once the applications' words are converted; until then shown as it is. */}
            {org.budgetBand
              ? t(BUDGET_BAND_KEYS[org.budgetBand])
              : t('organizations:overview.notGiven')}
          </dd>
          <dt>{t('organizations:overview.website')}</dt>
          <dd>
            {org.website ? (
              <a href={org.website}>{org.website}</a>
            ) : (
              t('organizations:overview.notGiven')
            )}
          </dd>
        </dl>
      </Card>
    </>
  )
}
