import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Outlet, useLoaderData } from '@remix-run/react'
import { NavLink } from '#app/components/link.tsx'
import { KIND_LABEL_KEYS, type MembershipRole } from '#app/domain/organizations.ts'
import { MANAGER_ROLES } from '#app/services/organizations/organizations.server.ts'
import { requireOrgRole } from '#app/utils/permissions.server.ts'
import { useTranslation } from 'react-i18next'
import { type I18nHandle } from '#app/lib/i18n/config.ts'

// The volunteer requests' link is in the volunteers' words.
export const handle: I18nHandle = { i18n: ['organizations', 'volunteers'] }

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  // The organisation's own name is its page's title, in every language.
  { title: data ? `${data.organization.name} · Commons Fund` : 'Commons Fund' },
]

/** "You are an owner": a whole sentence per role, as articles differ by language. */
const YOU_ARE: Record<MembershipRole, string> = {
  owner: 'organizations:layout.youAre.owner',
  admin: 'organizations:layout.youAre.admin',
  member: 'organizations:layout.youAre.member',
  reviewer: 'organizations:layout.youAre.reviewer',
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, role } = await requireOrgRole(request, params.slug)
  return {
    organization: { name: organization.name, slug: organization.slug, kind: organization.kind },
    role,
    canManage: MANAGER_ROLES.includes(role),
  }
}

export default function OrganizationLayout() {
  const { organization, role, canManage } = useLoaderData<typeof loader>()
  const base = `/orgs/${organization.slug}`
  const { t } = useTranslation('organizations')
  return (
    <>
      <p className="eyebrow">
        <span className="badge">{t(KIND_LABEL_KEYS[organization.kind])}</span> {t(YOU_ARE[role])}
      </p>
      <h1>{organization.name}</h1>
      <nav aria-label={t('organizations:layout.navLabel')} className="subnav">
        <NavLink to={base} end>
          {t('organizations:layout.overview')}
        </NavLink>
        <NavLink to={`${base}/members`}>{t('organizations:layout.members')}</NavLink>
        {organization.kind === 'funder' ? (
          <NavLink to={`${base}/funds`}>{t('organizations:layout.funds')}</NavLink>
        ) : (
          <>
            <NavLink to={`${base}/applications`}>{t('organizations:layout.applications')}</NavLink>
            <NavLink to={`${base}/volunteer-requests`}>{t('volunteers:requests.navLabel')}</NavLink>
          </>
        )}
        {organization.kind === 'community_group' || canManage ? (
          <NavLink to={`${base}/grants`}>{t('organizations:layout.grants')}</NavLink>
        ) : null}
        {canManage ? (
          <NavLink to={`${base}/settings`}>{t('organizations:layout.settings')}</NavLink>
        ) : null}
      </nav>
      <Outlet />
    </>
  )
}
