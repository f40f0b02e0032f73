import type { Language } from '#app/lib/i18n/config.ts'

/** Anchored guidance for one score of a criterion. */
export type ScoreLevel = { score: number; guidance: string }

/** A criterion as a funder edits it, before it belongs to a program. */
export interface CriterionDraft {
  label: string
  description: string
  weight: number
  maxScore: number
  /** Guidance for scores 1..maxScore, lowest first. */
  levels: ScoreLevel[]
  isEquity: boolean
}

/** The label a criterion added by hand starts with, in the funder's language. */
export const NEW_CRITERION_LABEL: Record<Language, string> = {
  en: 'New criterion',
  es: 'Criterio nuevo',
}

/** Scores run from 1 to maxScore; there is no zero, so every score has written guidance. */
export const MIN_SCORE = 1
export const MAX_SCORE_LIMIT = 10
export const TEMPLATE_MAX_SCORE = 4

const levels = (...guidance: [string, string, string, string]): ScoreLevel[] =>
  guidance.map((text, i) => ({ score: i + MIN_SCORE, guidance: text }))

/**
 * The equity template every new program's rubric starts from. Funders edit it freely; the weights
 * favour who leads the work and whom it reaches over polish, because polished proposals mostly
 * measure how much grant-writing capacity a group already has.
 */
export const RUBRIC_TEMPLATE: readonly CriterionDraft[] = [
  {
    label: 'Community leadership',
    description:
      'The work is led by people with lived experience of the issue, who hold decision-making power in the group.',
    weight: 25,
    maxScore: TEMPLATE_MAX_SCORE,
    levels: levels(
      'Led from outside the community; people with lived experience are not in decision-making roles.',
      'People with lived experience advise, but others make the decisions.',
      'People with lived experience share leadership and key decisions.',
      'Founded and led by people with lived experience, who hold most leadership and board roles.',
    ),
    isEquity: true,
  },
  {
    label: 'Reach into communities facing the greatest barriers',
    description:
      'The work reaches people and places with the highest social vulnerability and the least access to resources.',
    weight: 25,
    maxScore: TEMPLATE_MAX_SCORE,
    levels: levels(
      'Serves communities with few barriers, or does not say whom it reaches.',
      'Reaches some people facing barriers, without a plan to reach those facing the most.',
      'Clearly focused on communities facing significant barriers, with a credible plan to reach them.',
      'Rooted in the communities facing the greatest barriers, including people other programs miss.',
    ),
    isEquity: true,
  },
  {
    label: 'Work on root causes',
    description:
      'The work changes the social determinants of health: economic stability, education access and quality, health care access and quality, neighbourhood and built environment, or social and community context.',
    weight: 20,
    maxScore: TEMPLATE_MAX_SCORE,
    levels: levels(
      'Treats symptoms only, with no link to the conditions that cause them.',
      'Mostly direct services, with some attention to underlying conditions.',
      'Addresses at least one social determinant of health directly.',
      'Changes the conditions, policies or systems behind poor health, in a lasting way.',
    ),
    isEquity: true,
  },
  {
    label: 'Community voice and accountability',
    description:
      'The people served shape the work, and the group reports back to them and changes course on what they say.',
    weight: 15,
    maxScore: TEMPLATE_MAX_SCORE,
    levels: levels(
      'No way for the people served to shape the work or hold the group to account.',
      'Asks for feedback occasionally, without showing what changes as a result.',
      'Regular, accessible ways for the people served to shape decisions.',
      'The people served co-design the work and the group is answerable to them in practice.',
    ),
    isEquity: true,
  },
  {
    label: 'Feasibility of the plan',
    description:
      'The plan, budget and timeline are realistic for the group and the amount requested. Judge the plan, not the polish of the writing.',
    weight: 15,
    maxScore: TEMPLATE_MAX_SCORE,
    levels: levels(
      'The plan is unclear, or the budget does not match the activities.',
      'The plan is workable but has gaps in budget, timeline or staffing.',
      'A clear plan with a budget and timeline that fit the activities.',
      'A clear, realistic plan with a sound budget and a group that has done similar work.',
    ),
    isEquity: false,
  },
]

/**
 * The same template in Spanish, for a funder who works in Spanish: same criteria, weights and
 * scores, written for community reviewers (plain words, "usted").
 */
export const RUBRIC_TEMPLATE_ES: readonly CriterionDraft[] = [
  {
    label: 'Liderazgo de la comunidad',
    description:
      'El trabajo lo dirigen personas con experiencia vivida del problema, que tienen poder de decisión en el grupo.',
    weight: 25,
    maxScore: TEMPLATE_MAX_SCORE,
    levels: levels(
      'Se dirige desde fuera de la comunidad; las personas con experiencia vivida no toman decisiones.',
      'Las personas con experiencia vivida dan consejos, pero otras toman las decisiones.',
      'Las personas con experiencia vivida comparten el liderazgo y las decisiones importantes.',
      'Lo fundaron y lo dirigen personas con experiencia vivida, que ocupan la mayoría de los puestos de liderazgo y de la junta directiva.',
    ),
    isEquity: true,
  },
  {
    label: 'Llega a las comunidades con más barreras',
    description:
      'El trabajo llega a las personas y los lugares con mayor vulnerabilidad social y menos acceso a recursos.',
    weight: 25,
    maxScore: TEMPLATE_MAX_SCORE,
    levels: levels(
      'Atiende a comunidades con pocas barreras, o no dice a quién llega.',
      'Llega a algunas personas con barreras, sin un plan para llegar a quienes enfrentan más.',
      'Se enfoca claramente en comunidades con barreras importantes, con un plan creíble para llegar a ellas.',
      'Tiene raíces en las comunidades con más barreras, incluidas personas a las que otros programas no llegan.',
    ),
    isEquity: true,
  },
  {
    label: 'Trabajo sobre las causas de fondo',
    description:
      'El trabajo cambia los determinantes sociales de la salud: estabilidad económica, acceso a la educación y su calidad, acceso a la atención médica y su calidad, vecindario y entorno construido, o contexto social y comunitario.',
    weight: 20,
    maxScore: TEMPLATE_MAX_SCORE,
    levels: levels(
      'Solo atiende los síntomas, sin relación con las condiciones que los causan.',
      'Sobre todo servicios directos, con algo de atención a las condiciones de fondo.',
      'Atiende directamente al menos un determinante social de la salud.',
      'Cambia de forma duradera las condiciones, políticas o sistemas que causan la mala salud.',
    ),
    isEquity: true,
  },
  {
    label: 'Voz de la comunidad y rendición de cuentas',
    description:
      'Las personas atendidas dan forma al trabajo, y el grupo les informa y cambia de rumbo según lo que dicen.',
    weight: 15,
    maxScore: TEMPLATE_MAX_SCORE,
    levels: levels(
      'Las personas atendidas no tienen forma de influir en el trabajo ni de pedirle cuentas al grupo.',
      'Pide opiniones de vez en cuando, sin mostrar qué cambia como resultado.',
      'Hay formas regulares y accesibles para que las personas atendidas influyan en las decisiones.',
      'Las personas atendidas diseñan el trabajo junto con el grupo, y el grupo les rinde cuentas en la práctica.',
    ),
    isEquity: true,
  },
  {
    label: 'Un plan que se puede cumplir',
    description:
      'El plan, el presupuesto y el calendario son realistas para el grupo y para el monto que pide. Califique el plan, no qué tan pulida está la redacción.',
    weight: 15,
    maxScore: TEMPLATE_MAX_SCORE,
    levels: levels(
      'El plan no es claro, o el presupuesto no corresponde a las actividades.',
      'El plan se puede realizar, pero tiene huecos en el presupuesto, el calendario o el personal.',
      'Un plan claro, con presupuesto y calendario que corresponden a las actividades.',
      'Un plan claro y realista, con un presupuesto sólido y un grupo que ya hizo trabajos parecidos.',
    ),
    isEquity: false,
  },
]

/** A template criterion as a program's rubric stores it: in its language, with the other beside it. */
export interface TemplateCriterion extends CriterionDraft {
  contentLanguage: Language
  labelTranslation: string
  descriptionTranslation: string
  /** The guidance of each level in the other language, in the order of `levels`. */
  guidanceTranslation: string[]
}

/**
 * A fresh, mutable copy of the template for a new program, written in the funder's language and
 * translated into the other (docs/decisions/015-bilingual-content.md): the two templates are the
 * same rubric, criterion by criterion, so a program started in either reads in both.
 */
export function templateCriteria(language: Language = 'en'): TemplateCriterion[] {
  const [template, other] =
    language === 'es'
      ? [RUBRIC_TEMPLATE_ES, RUBRIC_TEMPLATE]
      : [RUBRIC_TEMPLATE, RUBRIC_TEMPLATE_ES]
  return template.map((c, i) => {
    const translation = other[i]
    if (!translation || translation.levels.length !== c.levels.length) {
      throw new Error('The English and Spanish rubric templates must match criterion by criterion')
    }
    return {
      ...c,
      levels: c.levels.map((l) => ({ ...l })),
      contentLanguage: language,
      labelTranslation: translation.label,
      descriptionTranslation: translation.description,
      guidanceTranslation: translation.levels.map((l) => l.guidance),
    }
  })
}
