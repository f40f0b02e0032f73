import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useEffect } from 'react'
import { Form, useActionData, useLoaderData, useNavigation, useRevalidator } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { FormError, TextField } from '#app/components/field.tsx'
import { Moment } from '#app/components/moment.tsx'
import { BUDGET_BAND_KEYS, BUDGET_BANDS } from '#app/domain/organizations.ts'
import { SKILL_LEVEL_KEYS } from '#app/domain/volunteers/reasons.ts'
import {
  SUGGESTION_RUN_PHASE_KEYS,
  SUGGESTION_RUN_STATUS_KEYS,
} from '#app/domain/volunteers/suggestion-runs.ts'
import { PAIR_FACTORS, SKILL_LEVELS, type PairFactor } from '#app/domain/volunteers/weights.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { MatchWeightsSchema } from '#app/schemas/volunteers/match-weights.ts'
import {
  currentMatchWeights,
  saveMatchWeights,
} from '#app/services/volunteers/match-weights.server.ts'
import { suggestionRunSummary } from '#app/services/volunteers/suggestion-batch.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { requestT } from '#app/utils/i18n.server.ts'
import { requirePlatformAdmin } from '#app/utils/permissions.server.ts'

// The levels' names and the problems are the volunteers' words; budget bands the applications'.
export const handle: I18nHandle = { i18n: ['admin', 'volunteers', 'applications'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request)
  const t = await requestT(request)
  const [weights, runs] = await Promise.all([currentMatchWeights(), suggestionRunSummary()])
  return { title: t('admin:matching.title'), weights, runs }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requirePlatformAdmin(request)
  const form = await parseForm(request, MatchWeightsSchema)
  if (!form.ok) return form.response
  await saveMatchWeights({ id: admin.id, ip: requestOrigin(request, context).ip }, form.data)
  return redirectWithFlash('/admin/matching', {
    kind: 'success',
    message: 'admin:matching.saved',
  })
}

const QUARTILES = [0, 1, 2, 3] as const
/** Each pair factor's label, as a translation key. */
const FACTOR_KEYS: Record<PairFactor, string> = {
  skill: 'admin:matching.factor.skill',
  language: 'admin:matching.factor.language',
  overlap: 'admin:matching.factor.overlap',
  hours: 'admin:matching.factor.hours',
  availability: 'admin:matching.factor.availability',
  experience: 'admin:matching.factor.experience',
}

/** The single numbers, in the order the form shows them, with their labels' keys. */
const SINGLE_KEYS = {
  overlapHoursForFull: 'admin:matching.single.overlapHoursForFull',
  completedForFull: 'admin:matching.single.completedForFull',
  waitBoost: 'admin:matching.single.waitBoost',
  waitDaysForFull: 'admin:matching.single.waitDaysForFull',
  pendingOfferFactor: 'admin:matching.single.pendingOfferFactor',
  maxPendingOffers: 'admin:matching.single.maxPendingOffers',
  coverageBonus: 'admin:matching.single.coverageBonus',
  groupSpread: 'admin:matching.single.groupSpread',
} as const

/** The weights of decision 028, each editable with its problem beside it; every save is audited. */
export default function AdminMatching() {
  const { weights, runs } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('admin')
  const form = useValidatedForm(MatchWeightsSchema, {
    failure,
    defaultValues: { ...weights, vulnerabilityBoost: [...weights.vulnerabilityBoost] },
  })
  const number = (name: string, label: string) => (
    <TextField
      key={name}
      label={label}
      inputMode="decimal"
      error={form.errorOf(name)}
      {...form.field(name as never)}
    />
  )
  return (
    <>
      <SuggestRunCard runs={runs} />
      <Card title={t('admin:matching.title')}>
        <p className="hint">{t('admin:matching.lede')}</p>
        <Form method="post" className="stack" onSubmit={form.onSubmit} noValidate>
          <fieldset className="field">
            <legend>{t('admin:matching.factors')}</legend>
            <FormError message={form.errorOf('factors')} />
            {PAIR_FACTORS.map((f) => number(`factors.${f}`, t(FACTOR_KEYS[f])))}
          </fieldset>
          <fieldset className="field">
            <legend>{t('admin:matching.levelShare')}</legend>
            {SKILL_LEVELS.map((l) => number(`levelShare.${l}`, t(SKILL_LEVEL_KEYS[l])))}
          </fieldset>
          <fieldset className="field">
            <legend>{t('admin:matching.vulnerabilityBoost')}</legend>
            {QUARTILES.map((q) =>
              number(`vulnerabilityBoost.${q}`, t('admin:matching.quartile', { quartile: q + 1 })),
            )}
          </fieldset>
          <fieldset className="field">
            <legend>{t('admin:matching.budgetBandBoost')}</legend>
            {BUDGET_BANDS.map((b) => number(`budgetBandBoost.${b}`, t(BUDGET_BAND_KEYS[b])))}
          </fieldset>
          <fieldset className="field">
            <legend>{t('admin:matching.other')}</legend>
            {Object.entries(SINGLE_KEYS).map(([name, key]) => number(name, t(key)))}
          </fieldset>
          <div>
            <Button busy={navigation.state === 'submitting'}>{t('admin:matching.save')}</Button>
          </div>
        </Form>
      </Card>
    </>
  )
}

type Runs = ReturnType<typeof useLoaderData<typeof loader>>['runs']

/**
 * The platform batch: the button, the live run's phase and counts (the page reloads its data every
 * few seconds while one is live; without JavaScript the link reloads it), and the last run's summary.
 */
function SuggestRunCard({ runs }: { runs: Runs }) {
  const { t } = useTranslation('admin')
  const format = useFormatters()
  const navigation = useNavigation()
  const revalidator = useRevalidator()
  const { latest, finished } = runs
  const live = latest !== null && (latest.status === 'queued' || latest.status === 'running')
  useEffect(() => {
    if (!live) return
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate()
    }, 2000)
    return () => clearInterval(timer)
  }, [live, revalidator])
  const n = (value: number) => format.number(value)
  return (
    <Card title={t('admin:suggestRun.title')}>
      <p className="hint">{t('admin:suggestRun.lede')}</p>
      {live ? (
        <div role="status">
          <p>
            {t(SUGGESTION_RUN_STATUS_KEYS[latest.status])}
            {latest.phase ? ` · ${t(SUGGESTION_RUN_PHASE_KEYS[latest.phase])}` : null}
          </p>
          <p>
            {t('admin:suggestRun.progress', {
              done: n(latest.requestsDone),
              of: n(latest.suggestibleRequests),
              pairs: n(latest.candidatePairs),
            })}
          </p>
          <p>
            <Link to="/admin/matching">{t('admin:suggestRun.reload')}</Link>
          </p>
        </div>
      ) : latest?.status === 'failed' ? (
        <p role="status">{t('admin:suggestRun.lastFailed')}</p>
      ) : null}
      {finished ? (
        <dl className="summary">
          <dt>{t('admin:suggestRun.finishedAt')}</dt>
          <dd>
            <Moment iso={String(finished.finishedAt)} />
          </dd>
          <dt>{t('admin:suggestRun.openRequests')}</dt>
          <dd>{n(finished.openRequests)}</dd>
          <dt>{t('admin:suggestRun.covered')}</dt>
          <dd>
            {t('admin:suggestRun.coveredOf', {
              covered: n(finished.coveredRequests),
              of: n(finished.suggestibleRequests),
            })}
          </dd>
          <dt>{t('admin:suggestRun.pairs')}</dt>
          <dd>{n(finished.candidatePairs)}</dd>
        </dl>
      ) : (
        <p>{t('admin:suggestRun.never')}</p>
      )}
      <Form method="post" action="/admin/matching/suggest" className="row">
        <Button busy={navigation.state === 'submitting'} disabled={live}>
          {t('admin:suggestRun.button')}
        </Button>
        <Link to="/admin/matching/coverage">{t('admin:suggestRun.coverageLink')}</Link>
      </Form>
    </Card>
  )
}
