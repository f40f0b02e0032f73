import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { requirePlatformAdmin } from '#app/utils/permissions.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request)
  return redirect('/admin/users')
}
