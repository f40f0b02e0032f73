import { writeTemplateRubric } from '#app/services/programs/programs.server.ts'
import type { Tx } from '#db/client.server.ts'
import { funds, programQuestions, programs } from '#db/schema/index.ts'
import { DAY, seedApplication, type DemoApplication } from './seed-application.server.ts'
import { seedProgramInReview } from './seed-review.server.ts'

export const DEMO_PROGRAM_SLUG = 'community-health-access-2027'

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

/**
 * The demo funder's programs: one open call with the equity rubric, a few questions and submitted
 * applications from the demo groups, and last season's call, closed and in review, so every
 * screen has something real to show.
 */
export async function seedPrograms(
  tx: Tx,
  orgIds: Record<string, string>,
  userIds: Record<string, string>,
) {
  const fundId = await seedOpenProgram(tx, orgIds, userIds)
  await seedProgramInReview(tx, fundId, orgIds, userIds)
}

async function seedOpenProgram(
  tx: Tx,
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
      // The public fund page's progress bar has a goal to show.
      goalMinor: 2_500_000,
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
