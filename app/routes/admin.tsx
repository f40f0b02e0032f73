import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { NavLink, Outlet } from '@remix-run/react'
import { requirePlatformAdmin } from '#app/utils/permissions.server.ts'

export const meta: MetaFunction = () => [{ title: 'Platform admin · Commons Fund' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request)
  return null
}

export default function AdminLayout() {
  return (
    <>
      <h1>Platform admin</h1>
      <nav aria-label="Admin" className="subnav">
        <NavLink to="/admin/users">Users</NavLink>
        <NavLink to="/admin/organizations">Organisations</NavLink>
        <NavLink to="/admin/audit">Audit log</NavLink>
      </nav>
      <Outlet />
    </>
  )
}
