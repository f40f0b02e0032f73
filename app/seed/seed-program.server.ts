import { inArray } from 'drizzle-orm'
import { weightedVulnerability } from '#app/domain/places/vulnerability.ts'
import { writeTemplateRubric } from '#app/services/programs/programs.server.ts'
import type { Db } from '#db/client.server.ts'
import {
  applicationEvents,
  applicationPlaces,
  applications,
  budgetLines,
  funds,
  places,
  programQuestions,
  programs,
  panelMembers,
  reviewAssignments,
  skillRequests,
} from '#db/schema/index.ts'

export const DEMO_PROGRAM_SLUG = 'community-health-access-2027'
const DAY = 86_400_000

interface DemoApplication {
  org: string
  owner: string
  contact: string
  contactEmail: string
  title: string
  summary: string
  leadership: string
  community: string
  fips: string[]
  sdoh: string[]
  lines: [string, number][]
  skill?: { skill: string; hours: number; languages: string[] }
  answer?: string
  /** The language the group wrote the program's question in ('en' when absent). */
  answerLanguage?: 'en' | 'es'
}

const DEMO_APPLICATIONS: DemoApplication[] = [
  {
    org: 'eastside-health-collective',
    owner: 'eastside',
    contact: 'María Hernández',
    contactEmail: 'maria@example.org',
    title: 'Promotoras de salud for Eastside families',
    summary:
      'Six trained community health workers from the neighbourhood will visit 300 Spanish-speaking families, help them enrol in coverage, book preventive care and connect to food and housing help. Families shape the visits; a monthly círculo shares what is working.',
    leadership: 'Founded and led by Latina mothers who live on the Eastside.',
    community: 'Spanish-speaking families and recent immigrants on the Eastside of Columbus.',
    fips: ['39049'],
    sdoh: ['health_care', 'social_community'],
    lines: [
      ['Stipends for six promotoras', 1_440_000],
      ['Training and certification', 360_000],
      ['Translation of materials', 200_000],
    ],
    skill: { skill: 'translation', hours: 40, languages: ['Spanish', 'English'] },
  },
  {
    org: 'northfield-food-justice-network',
    owner: 'northfield',
    contact: 'James Whitehorse',
    contactEmail: 'james@example.org',
    title: 'Two new community gardens and a mobile market',
    summary:
      'We will build two community gardens on tribal and township land and run a weekly mobile market to households more than ten miles from a grocery store, with produce grown and sold by local youth who earn a stipend.',
    leadership: 'Run by a council of local farmers and tribal members.',
    community: 'Rural households with low food access in Athens and Meigs counties.',
    fips: ['39009', '39105'],
    sdoh: ['economic_stability', 'neighborhood'],
    lines: [
      ['Garden materials and tools', 900_000],
      ['Mobile market van lease', 600_000],
      ['Youth stipends', 500_000],
    ],
  },
  {
    org: 'westgate-tenants-union',
    owner: 'westgate',
    contact: 'Tomás Rivera',
    contactEmail: 'tomas@example.org',
    title: 'Healthy homes: mould and lead repairs organised by tenants',
    summary:
      'Tenants will survey 400 apartments for mould, lead and broken heating, document conditions with photos, and negotiate repairs with landlords with the help of a pro bono lawyer; we will track repairs and residents’ asthma-related ER visits.',
    leadership: 'Elected by and from the tenants of Westgate’s apartment blocks.',
    community: 'Renters in Westgate, Cleveland, many of them older adults and young families.',
    fips: ['39035'],
    sdoh: ['neighborhood', 'health_care'],
    lines: [
      ['Organiser stipends', 700_000],
      ['Testing kits', 300_000],
    ],
    skill: { skill: 'legal', hours: 30, languages: ['English'] },
  },
]

/** Two groups' applications to last season's program, which the funder is now reviewing. */
const IN_REVIEW_APPLICATIONS: DemoApplication[] = [
  {
    org: 'eastside-health-collective',
    owner: 'eastside',
    contact: 'María Hernández',
    contactEmail: 'maria@example.org',
    title: 'Walking groups and free blood-pressure checks',
    summary:
      'Weekly neighbourhood walking groups led by trained residents, with free blood-pressure checks and referrals to the community clinic for anyone whose reading is high.',
    leadership: 'Founded and led by Latina mothers who live on the Eastside.',
    community: 'Older adults and families on the Eastside of Columbus.',
    fips: ['39049'],
    sdoh: ['health_care', 'neighborhood'],
    lines: [
      ['Walk leader stipends', 500_000],
      ['Blood-pressure monitors', 300_000],
    ],
  },
  {
    org: 'northfield-food-justice-network',
    owner: 'northfield',
    contact: 'James Whitehorse',
    contactEmail: 'james@example.org',
    title: 'Winter produce boxes for elders',
    summary:
      'From November to March, youth volunteers deliver a weekly box of stored and preserved produce from our gardens to 120 elders who cannot reach a grocery store in winter.',
    leadership: 'Run by a council of local farmers and tribal members.',
    community: 'Elders in rural Athens and Meigs counties.',
    fips: ['39009', '39105'],
    sdoh: ['economic_stability', 'social_community'],
    lines: [
      ['Produce and preserving supplies', 700_000],
      ['Delivery fuel', 300_000],
      ['Youth stipends', 200_000],
    ],
  },
]

/**
 * The demo funder's programs: one open call with the equity rubric, a few questions and submitted
 * applications from the demo groups, and last season's call, closed and in review, so every
 * screen has something real to show.
 */
export async function seedPrograms(
  tx: Db,
  orgIds: Record<string, string>,
  userIds: Record<string, string>,
) {
  const fundId = await seedOpenProgram(tx, orgIds, userIds)
  await seedProgramInReview(tx, fundId, orgIds, userIds)
}

async function seedOpenProgram(
  tx: Db,
  orgIds: Record<string, string>,
  userIds: Record<string, string>,
) {
  const now = Date.now()
  const [fund] = await tx
    .insert(funds)
    .values({
      organizationId: orgIds['riverbend-community-foundation'] ?? '',
      name: 'Riverbend Health Equity Fund',
      slug: 'riverbend-health-equity-fund',
      description: 'Pooled gifts from Riverbend neighbours for community-led health equity work.',
      descriptionTranslation:
        'Donaciones de vecinos de Riverbend reunidas para el trabajo por la equidad en salud dirigido por la comunidad.',
    })
    .returning()
  if (!fund) throw new Error('Could not seed the demo fund')
  const [program] = await tx
    .insert(programs)
    .values({
      fundId: fund.id,
      slug: DEMO_PROGRAM_SLUG,
      title: 'Community Health Access 2027',
      description:
        'Grants of $5,000 to $25,000 for community-led work that removes barriers to health: access to care, food, safe housing and the social ties that keep people well. Groups may also ask for pro bono help from skilled volunteers.',
      eligibility:
        'Community groups based in Ohio with an annual budget under $1 million, led by people from the communities they serve. Fiscally sponsored groups are welcome.',
      // In Spanish too, so the demo shows a program read in either language (the promotoras'
      // application below is written to it).
      titleTranslation: 'Acceso Comunitario a la Salud 2027',
      descriptionTranslation:
        'Subvenciones de $5,000 a $25,000 para el trabajo dirigido por la comunidad que quita barreras a la salud: acceso a la atención médica, a la comida, a una vivienda segura y a los lazos sociales que mantienen bien a las personas. Los grupos también pueden pedir ayuda gratuita de voluntarios con habilidades profesionales.',
      eligibilityTranslation:
        'Grupos comunitarios con sede en Ohio, con un presupuesto anual de menos de $1 millón, dirigidos por personas de las comunidades a las que sirven. Se aceptan grupos con patrocinio fiscal.',
      placeServed: 'Ohio',
      eligibleStates: ['Ohio'],
      sdohDomains: ['health_care', 'economic_stability', 'neighborhood', 'social_community'],
      status: 'open',
      opensAt: new Date(now - 14 * DAY),
      closesAt: new Date(now + 60 * DAY),
      timeZone: 'America/New_York',
      budgetMinor: 25_000_000,
      minAwardMinor: 500_000,
      maxAwardMinor: 2_500_000,
      allowSkillRequests: true,
      reviewersPerApplication: 3,
    })
    .returning()
  if (!program) throw new Error('Could not seed the demo program')
  await writeTemplateRubric(tx, program.id)
  const [question] = await tx
    .insert(programQuestions)
    .values([
      {
        programId: program.id,
        position: 1,
        kind: 'long_text',
        label: 'How will the people you serve shape this work?',
        labelTranslation: '¿Cómo van a dar forma a este trabajo las personas a las que sirven?',
        helpText: 'Tell us how community members take part in decisions.',
        helpTextTranslation:
          'Cuéntenos cómo participan en las decisiones los miembros de la comunidad.',
        required: true,
        wordLimit: 200,
      },
      {
        programId: program.id,
        position: 2,
        kind: 'yes_no',
        label: 'Is your group fiscally sponsored?',
        labelTranslation: '¿Su grupo tiene patrocinio fiscal?',
        required: false,
      },
      {
        programId: program.id,
        position: 3,
        kind: 'file',
        label: 'Letter of support',
        labelTranslation: 'Carta de apoyo',
        helpText: 'From a partner, a resident or a local leader.',
        helpTextTranslation: 'De una organización aliada, un residente o un líder local.',
        required: false,
      },
    ])
    .returning()
  if (!question) throw new Error('Could not seed the demo questions')
  for (const [i, demo] of DEMO_APPLICATIONS.entries()) {
    // The promotoras answered the program's question in Spanish, so the funder's view shows
    // "Written in Spanish" on it.
    const answered: DemoApplication =
      demo.org === 'eastside-health-collective'
        ? {
            ...demo,
            answer:
              'Las familias del Eastside forman parte de nuestro círculo de dirección y votan cada línea del presupuesto.',
            answerLanguage: 'es',
          }
        : {
            ...demo,
            answer: 'Residents sit on our steering circle and vote on every budget line.',
          }
    await seedApplication(tx, program.id, question.id, answered, orgIds, userIds, {
      submittedAt: new Date(now - (5 - i) * DAY),
    })
  }
  return fund.id
}

async function seedProgramInReview(
  tx: Db,
  fundId: string,
  orgIds: Record<string, string>,
  userIds: Record<string, string>,
) {
  const now = Date.now()
  const [program] = await tx
    .insert(programs)
    .values({
      fundId,
      slug: 'neighbourhood-health-grants-2026',
      title: 'Neighbourhood Health Grants 2026',
      description:
        'Small grants of $2,000 to $15,000 for neighbourhood projects that keep people well where they live.',
      eligibility: 'Community groups based in Ohio, led by people from the communities they serve.',
      placeServed: 'Ohio',
      eligibleStates: ['Ohio'],
      sdohDomains: ['health_care', 'neighborhood', 'social_community', 'economic_stability'],
      status: 'in_review',
      opensAt: new Date(now - 90 * DAY),
      closesAt: new Date(now - 20 * DAY),
      timeZone: 'America/New_York',
      budgetMinor: 6_000_000,
      minAwardMinor: 200_000,
      maxAwardMinor: 1_500_000,
      reviewersPerApplication: 2,
      blindReview: true,
    })
    .returning()
  if (!program) throw new Error('Could not seed the program in review')
  await writeTemplateRubric(tx, program.id)
  const seeded: string[] = []
  for (const [i, demo] of IN_REVIEW_APPLICATIONS.entries()) {
    seeded.push(
      await seedApplication(tx, program.id, null, demo, orgIds, userIds, {
        submittedAt: new Date(now - (30 - i) * DAY),
        reviewStartedAt: new Date(now - 18 * DAY),
        reviewStartedBy: userIds['officer'] ?? null,
      }),
    )
  }
  // Its panel: the funder's staff reviewer and a community reviewer, each assigned every
  // application (two reviewers per application), nothing declared yet.
  const panel = [
    { userId: userIds['reviewer'] ?? '', kind: 'staff' as const },
    { userId: userIds['community'] ?? '', kind: 'community' as const },
  ]
  await tx.insert(panelMembers).values(
    panel.map((p) => ({
      ...p,
      programId: program.id,
      addedByUserId: userIds['officer'] ?? null,
    })),
  )
  await tx.insert(reviewAssignments).values(
    seeded.flatMap((applicationId) =>
      panel.map((p) => ({
        programId: program.id,
        applicationId,
        reviewerUserId: p.userId,
        assignedByUserId: userIds['officer'] ?? null,
      })),
    ),
  )
}

async function seedApplication(
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
      ledByLivedExperience: 'yes',
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
