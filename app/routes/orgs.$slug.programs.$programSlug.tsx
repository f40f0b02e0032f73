import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { PROGRAM_STATUS_LABELS } from '#app/domain/programs/program-status.ts'
import { requireManagedProgram } from '#app/utils/funder-access.server.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { ContentText } from '#app/components/content-text.tsx'
import { showProgram } from '#app/services/programs/program-content.server.ts'
import { requestLanguage } from '#app/utils/i18n.server.ts'

// The language fields of funder-written content (docs/decisions/015-bilingual-content.md).
export const handle: I18nHandle = { i18n: ['funder'] }

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.program.title} · Commons Fund` : 'Program · Commons Fund' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, program, fund } = await requireManagedProgram(request, params)
  return {
    orgSlug: organization.slug,
    program: { title: program.title, slug: program.slug, status: program.status },
    // The title in the reader's language when the funder gave one (else theirs, noted).
    shownTitle: showProgram(program, await requestLanguage(request)).title,
    fund: { name: fund.name, slug: fund.slug },
  }
}

export default function ProgramLayout() {
  const { orgSlug, program, fund, shownTitle } = useLoaderData<typeof loader>()
  const base = `/orgs/${orgSlug}/programs/${program.slug}`
  return (
    <>
      <p className="eyebrow">
        Program in <Link to={`/orgs/${orgSlug}/funds/${fund.slug}`}>{fund.name}</Link>{' '}
        <span className="badge">{PROGRAM_STATUS_LABELS[program.status]}</span>
      </p>
      <h2>
        <ContentText shown={shownTitle} />
      </h2>
      <nav aria-label="Program" className="subnav">
        <NavLink to={base} end>
          Overview
        </NavLink>
        <NavLink to={`${base}/details`}>Details</NavLink>
        <NavLink to={`${base}/rubric`}>Rubric</NavLink>
        <NavLink to={`${base}/questions`}>Questions</NavLink>
        <NavLink to={`${base}/applications`}>Applications</NavLink>
      </nav>
      <Outlet />
    </>
  )
}
