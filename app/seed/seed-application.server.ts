import { inArray } from 'drizzle-orm'
import { weightedVulnerability } from '#app/domain/places/vulnerability.ts'
import type { Db } from '#db/client.server.ts'
import {
  applicationEvents,
  applicationPlaces,
  applications,
  budgetLines,
  places,
  skillRequests,
} from '#db/schema/index.ts'

export const DAY = 86_400_000

/** One demo group's application as the seed writes it. */
export interface DemoApplication {
  org: string
  owner: string
  contact: string
  contactEmail: string
  title: string
  summary: string
  leadership: string
  /** Whether most of its leaders share the community's experience ('yes' when absent). */
  livedExperience?: 'yes' | 'partly' | 'no'
  community: string
  fips: string[]
  sdoh: string[]
  lines: [string, number][]
  skill?: { skill: string; hours: number; languages: string[] }
  answer?: string
  /** The language the group wrote the program's question in ('en' when absent). */
  answerLanguage?: 'en' | 'es'
}

/**
 * Writes a submitted application (in review when `reviewStartedAt` is given) with its places,
 * budget, skill request and the history that led there.
 */
export async function seedApplication(
  tx: Db,
  programId: string,
  questionId: string | null,
  demo: DemoApplication,
  orgIds: Record<string, string>,
  userIds: Record<string, string>,
  when: { submittedAt: Date; reviewStartedAt?: Date; reviewStartedBy?: string | null },
) {
  const { submittedAt, reviewStartedAt } = when
  const owner = userIds[demo.owner] ?? null
  const served = await tx
    .select({ svi: places.svi, population: places.population, dataYear: places.dataYear })
    .from(places)
    .where(inArray(places.fips, demo.fips))
  const vulnerability = weightedVulnerability(served)
  const amount = demo.lines.reduce((sum, [, minor]) => sum + minor, 0)
  const [application] = await tx
    .insert(applications)
    .values({
      programId,
      organizationId: orgIds[demo.org] ?? '',
      status: reviewStartedAt ? 'in_review' : 'submitted',
      version: reviewStartedAt ? 3 : 2,
      leadership: demo.leadership,
      ledByLivedExperience: demo.livedExperience ?? 'yes',
      contactName: demo.contact,
      contactEmail: demo.contactEmail,
      communityServed: demo.community,
      placeVulnerability: vulnerability?.percentile ?? null,
      placeVulnerabilityYear: vulnerability?.dataYear ?? null,
      title: demo.title,
      summary: demo.summary,
      sdohDomains: demo.sdoh,
      amountRequestedMinor: amount,
      answers: questionId && demo.answer ? { [questionId]: demo.answer } : {},
      stepLanguages: {
        organization: 'en',
        community: 'en',
        project: 'en',
        budget: 'en',
        ...(demo.answer ? { questions: demo.answerLanguage ?? 'en' } : {}),
      },
      createdByUserId: owner,
      updatedByUserId: owner,
      submittedAt,
    })
    .returning({ id: applications.id })
  if (!application) throw new Error(`Could not seed ${demo.title}`)
  await tx
    .insert(applicationPlaces)
    .values(demo.fips.map((fips) => ({ applicationId: application.id, fips })))
  await tx.insert(budgetLines).values(
    demo.lines.map(([description, amountMinor], i) => ({
      applicationId: application.id,
      position: i + 1,
      description,
      amountMinor,
    })),
  )
  if (demo.skill) {
    await tx.insert(skillRequests).values({
      applicationId: application.id,
      position: 1,
      workMode: 'either',
      description: '',
      ...demo.skill,
    })
  }
  await tx.insert(applicationEvents).values([
    {
      applicationId: application.id,
      actorUserId: owner,
      toStatus: 'draft',
      at: new Date(submittedAt.getTime() - 3 * DAY),
    },
    {
      applicationId: application.id,
      actorUserId: owner,
      fromStatus: 'draft',
      toStatus: 'submitted',
      at: submittedAt,
    },
    ...(reviewStartedAt
      ? [
          {
            applicationId: application.id,
            actorUserId: when.reviewStartedBy ?? null,
            fromStatus: 'submitted' as const,
            toStatus: 'in_review' as const,
            at: reviewStartedAt,
          },
        ]
      : []),
  ])
  return application.id
}
