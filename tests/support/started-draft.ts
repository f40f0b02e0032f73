import * as apply from '#app/routes/programs.$slug.apply.tsx'
import { cookieFor, createOpenProgram, createOrgWithOwner } from './factories.ts'
import { call, makeRequest } from './routes.ts'

/** A group with a started draft on an open program, through the apply route as a browser would. */
export async function startedDraft() {
  const group = await createOrgWithOwner('community_group')
  const funder = await createOpenProgram()
  const cookie = await cookieFor(group.owner.id)
  const started = await call(
    apply.action,
    makeRequest(`/programs/${funder.program.slug}/apply`, {
      cookie,
      form: { organization: group.org.slug },
    }),
    { slug: funder.program.slug },
  )
  const id = started.location?.split('/').pop() ?? ''
  return { group, funder, cookie, id }
}
