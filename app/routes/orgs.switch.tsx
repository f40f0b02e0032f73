import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { z } from 'zod'
import { findMembership } from '#app/services/organizations/organizations.server.ts'
import { setCurrentOrganization } from '#app/services/accounts/sessions.server.ts'
import { listUserOrganizations } from '#app/services/organizations/organizations.server.ts'
import { throwNotFound } from '#app/utils/http.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { readForm } from '#app/utils/request-body.server.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'

// Its refusal (the not-found page) is in the organisations' words.
export const handle: I18nHandle = { i18n: ['organizations'] }

const SwitchSchema = z.object({ organizationId: z.string().uuid() })

/** Makes another of the user's organisations the current one and opens it. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = SwitchSchema.safeParse(Object.fromEntries(await readForm(request)))
  if (!parsed.success) throwNotFound('organizations:switch.notFound')
  const { organizationId } = parsed.data
  if (!(await findMembership(organizationId, user.id)))
    throwNotFound('organizations:switch.notFound')
  await setCurrentOrganization(user.sessionId, organizationId)
  const org = (await listUserOrganizations(user.id)).find((o) => o.id === organizationId)
  return redirect(org ? `/orgs/${org.slug}` : '/')
}

export async function loader() {
  return redirect('/')
}
