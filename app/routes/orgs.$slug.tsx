import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { KIND_LABELS, ROLE_LABELS } from '#app/domain/organizations.ts'
import { MANAGER_ROLES } from '#app/services/organizations/organizations.server.ts'
import { requireOrgRole } from '#app/utils/permissions.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.organization.name} · Commons Fund` : 'Organisation · Commons Fund' },
]

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
  return (
    <>
      <p className="eyebrow">
        <span className="badge">{KIND_LABELS[organization.kind]}</span> You are{' '}
        {role === 'owner' || role === 'admin' ? 'an' : 'a'} {ROLE_LABELS[role].toLowerCase()}
      </p>
      <h1>{organization.name}</h1>
      <nav aria-label="Organisation" className="subnav">
        <NavLink to={base} end>
          Overview
        </NavLink>
        <NavLink to={`${base}/members`}>Members</NavLink>
        {organization.kind === 'funder' ? (
          <NavLink to={`${base}/funds`}>Funds</NavLink>
        ) : (
          <NavLink to={`${base}/applications`}>Applications</NavLink>
        )}
        {canManage ? <NavLink to={`${base}/settings`}>Profile settings</NavLink> : null}
      </nav>
      <Outlet />
    </>
  )
}
