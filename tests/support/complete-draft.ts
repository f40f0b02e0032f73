import { saveStep } from '#app/services/applications/application-drafts.server.ts'
import {
  loadApplicationFor,
  startApplication,
} from '#app/services/applications/applications.server.ts'
import { updateOrganizationProfile } from '#app/services/organizations/organizations.server.ts'
import { createOpenProgram, createOrgWithOwner } from './factories.ts'

/** A group with a filled-in profile and a draft started on a new open program. */
export async function groupAndProgram(program: Parameters<typeof createOpenProgram>[0] = {}) {
  const group = await createOrgWithOwner('community_group')
  const org = await updateOrganizationProfile({ id: group.owner.id }, group.org, {
    ...group.org,
    leadership: 'Led by residents of the Eastside',
    communitiesServed: 'Families on the Eastside',
  })
  const funder = await createOpenProgram(program)
  const actor = { ...group.owner, ip: '127.0.0.1' }
  const started = await startApplication(actor, org, funder.program)
  if (!started.ok) throw new Error(started.message)
  return { group: { ...group, org }, funder, actor, application: started.application }
}

/** Fills every step so the application passes the submission check. */
export async function completeDraft(actor: { id: string }, applicationId: string) {
  const loaded = await loadApplicationFor(applicationId, actor.id)
  if (!loaded) throw new Error('not visible')
  let version = loaded.application.version
  const save = async (write: Parameters<typeof saveStep>[2]) => {
    const current = (await loadApplicationFor(applicationId, actor.id))!.application
    const result = await saveStep(actor, current, write, version)
    if (!result.ok) throw new Error(result.reason)
    version = result.version
  }
  await save({
    step: 'organization',
    data: {
      version,
      leadership: 'Led by mothers who live on the Eastside.',
      ledByLivedExperience: 'yes',
      contactName: 'María',
      contactEmail: 'maria@example.org',
      exclusions: [],
    },
  })
  await save({
    step: 'community',
    data: {
      communityServed: 'Spanish-speaking families on the Eastside.',
      placesOutsideUs: '',
      fips: ['39049', '39041'],
    },
  })
  await save({
    step: 'project',
    data: {
      version,
      title: 'Promotoras',
      summary: 'Community health workers visit families and connect them to clinics and food.',
      sdohDomains: ['health_care'],
    },
  })
  await save({
    step: 'budget',
    data: {
      version,
      amountRequested: 1_000_000,
      lines: [
        { description: 'Stipends', amount: 700_000 },
        { description: 'Materials', amount: 300_000 },
      ],
    },
  })
  return version
}
