import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Outlet, useLoaderData } from '@remix-run/react'
import { Link, NavLink } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { PROGRAM_STATUS_KEYS } from '#app/domain/programs/funder-words.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { requireManagedProgram } from '#app/utils/funder-access.server.ts'
import { ContentText } from '#app/components/content-text.tsx'
import { showProgram } from '#app/services/programs/program-content.server.ts'
import { requestLanguage } from '#app/utils/i18n.server.ts'

// The language fields of funder-written content (docs/decisions/015-bilingual-content.md).
export const handle: I18nHandle = { i18n: ['funder'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, program, fund, role } = await requireManagedProgram(request, params)
  return {
    title: program.title,
    orgSlug: organization.slug,
    program: { title: program.title, slug: program.slug, status: program.status },
    // The title in the reader's language when the funder gave one (else theirs, noted).
    shownTitle: showProgram(program, await requestLanguage(request)).title,
    fund: { name: fund.name, slug: fund.slug },
    // The panel, the review board, the ranking, fairness and the decision pages are the program officers' (owners and admins).
    officer: role === 'owner' || role === 'admin',
  }
}

export default function ProgramLayout() {
  const { orgSlug, program, fund, shownTitle, officer } = useLoaderData<typeof loader>()
  const { t } = useTranslation('funder')
  const base = `/orgs/${orgSlug}/programs/${program.slug}`
  return (
    <>
      <p className="eyebrow">
        {t('funder:layout.programIn')}{' '}
        <Link to={`/orgs/${orgSlug}/funds/${fund.slug}`}>{fund.name}</Link>{' '}
        <span className="badge">{t(PROGRAM_STATUS_KEYS[program.status])}</span>
      </p>
      <h2>
        <ContentText shown={shownTitle} />
      </h2>
      <nav aria-label={t('funder:layout.nav')} className="subnav">
        <NavLink to={base} end>
          {t('funder:layout.overview')}
        </NavLink>
        <NavLink to={`${base}/details`}>{t('funder:layout.details')}</NavLink>
        <NavLink to={`${base}/rubric`}>{t('funder:layout.rubric')}</NavLink>
        <NavLink to={`${base}/questions`}>{t('funder:layout.questions')}</NavLink>
        <NavLink to={`${base}/applications`}>{t('funder:layout.applications')}</NavLink>
        {officer ? (
          <>
            <NavLink to={`${base}/panel`}>{t('funder:layout.panel')}</NavLink>
            <NavLink to={`${base}/review`}>{t('funder:layout.review')}</NavLink>
            <NavLink to={`${base}/ranking`}>{t('funder:layout.ranking')}</NavLink>
            <NavLink to={`${base}/fairness`}>{t('funder:layout.fairness')}</NavLink>
            <NavLink to={`${base}/decide`}>{t('funder:layout.decide')}</NavLink>
            <NavLink to={`${base}/decisions`}>{t('funder:layout.decisions')}</NavLink>
          </>
        ) : null}
      </nav>
      <Outlet />
    </>
  )
}
