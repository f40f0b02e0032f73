import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { BarChart } from '#app/components/bar-chart.tsx'
import { Button } from '#app/components/button.tsx'
import { Card, EmptyState } from '#app/components/card.tsx'
import { FormError, SelectField, TextField } from '#app/components/field.tsx'
import { DataTable } from '#app/components/table.tsx'
import type { ExplanationLine } from '#app/domain/review/explanation.ts'
import {
  GUARDRAIL_FLAGS,
  GUARDRAIL_FLAG_KEYS,
  GUARDRAIL_RULE_KEYS,
  SCORE_BASES,
  SUGGESTED_GUARDRAILS,
  isGuardrailFlag,
  type GuardrailFlag,
} from '#app/domain/review/guardrails.ts'
import type { ExclusionReason } from '#app/domain/review/proposal.ts'
import { RANKING_SORT_KEYS } from '#app/domain/review/ranking.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters, type Formatters } from '#app/lib/i18n/formatters.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import {
  DecideActionSchema,
  GuardrailsSchema,
  PartialAmountSchema,
  guardrailField,
  guardrailShares,
  parseScoreBasis,
} from '#app/schemas/review/decide.ts'
import {
  acceptProposal,
  clearProposedAmount,
  decisionProposal,
  setGuardrails,
  setProposedAmount,
  setSuggestedGuardrails,
} from '#app/services/review/decide.server.ts'
import { programActor, requireOfficerProgram } from '#app/utils/funder-access.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { readQuery } from '#app/utils/request-body.server.ts'
import { refuse } from '#app/utils/results.server.ts'

// `funder` for the chart's table toggle.
export const handle: I18nHandle = { i18n: ['review', 'funder'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, fund } = await requireOfficerProgram(request, params)
  const basis = parseScoreBasis(readQuery(request))
  const decision = await decisionProposal(program, basis)
  const { proposal } = decision
  return {
    currency: fund.currency,
    minAwardMinor: program.minAwardMinor,
    basis,
    budget: decision.budget,
    committed: decision.committed,
    remaining: decision.remaining,
    guardrails: decision.guardrails,
    lines: decision.lines,
    status: proposal.status,
    optimalityGap: proposal.optimalityGap,
    ranking: proposal.ranking,
    proposed: proposal.proposal,
    explanation: decision.explanation,
    awards: decision.awards,
    fingerprint: decision.fingerprint,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const access = await requireOfficerProgram(request, params)
  const { program, organization } = access
  const form = await parseForm(request, DecideActionSchema)
  if (!form.ok) return form.response
  const actor = programActor(access, requestOrigin(request, context).ip)
  const input = form.data
  const result =
    input.intent === 'guardrails'
      ? await setGuardrails(actor, program, guardrailShares(input))
      : input.intent === 'suggested'
        ? await setSuggestedGuardrails(actor, program)
        : input.intent === 'amount'
          ? await setProposedAmount(actor, program, input.applicationId, input.amount)
          : input.intent === 'clear-amount'
            ? await clearProposedAmount(actor, program, input.applicationId)
            : await acceptProposal(actor, program, input)
  if (!result.ok) return refuse(result, form.formData)
  const flash =
    input.intent === 'amount' || input.intent === 'clear-amount'
      ? 'review:decide.amounts.saved'
      : input.intent === 'accept'
        ? 'review:decide.accept.done'
        : 'review:decide.guardrails.saved'
  const basis = input.intent === 'accept' ? input.basis : parseScoreBasis(readQuery(request))
  return redirectWithFlash(
    `/orgs/${organization.slug}/programs/${program.slug}/decide?basis=${basis}`,
    { kind: 'success', message: flash },
  )
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>
type Line = Loaded['lines'][number]

/** A 0–100 figure (or a sum of them) to one decimal, in the reader's number format. */
const points = (format: Formatters, value: number | null | undefined) =>
  value === null || value === undefined ? '—' : format.number(Math.round(value * 10) / 10)

/** A percentage given on 0–100, to one decimal; a dash when nothing is awarded. */
const percent = (format: Formatters, value: number | null | undefined) =>
  value === null || value === undefined ? '—' : format.percent(Math.round(value * 10) / 1000)

/** A guardrail's rule in words ("At least 40% of the dollars to …"). */
function ruleText(t: TFunction, format: Formatters, flag: string, minPercent: number) {
  if (!isGuardrailFlag(flag)) return flag
  return t(GUARDRAIL_RULE_KEYS[flag], { percent: format.percent(minPercent / 100) })
}

const EXCLUSION_KEYS: Record<ExclusionReason, string> = {
  unscored: 'review:decide.explain.excluded.unscored',
  invalid_amount: 'review:decide.explain.excluded.invalid_amount',
  over_budget: 'review:decide.explain.excluded.over_budget',
}

/** The explanation's lines as sentences a board can read; exclusions counted by reason. */
function explanationSentences(
  t: TFunction,
  format: Formatters,
  loaded: Loaded,
  byId: Map<string, Line>,
): string[] {
  const money = (minor: number) => format.money(minor, loaded.currency)
  const name = (id: string | undefined) => {
    const line = id ? byId.get(id) : undefined
    return line ? `${line.title || t('review:decide.untitled')} (${line.organization})` : ''
  }
  const flagNames = (flags: readonly string[]) =>
    flags
      .filter(isGuardrailFlag)
      .map((f) => t(GUARDRAIL_FLAG_KEYS[f]))
      .join(', ')
  const excluded = new Map<ExclusionReason, number>()
  const sentences: string[] = []
  for (const line of loaded.explanation as ExplanationLine[]) {
    switch (line.code) {
      case 'ranking_funds':
        sentences.push(
          t('review:decide.explain.rankingFunds', {
            count: line.count,
            total: money(line.total),
            score: points(format, line.score),
          }),
        )
        break
      case 'proposal_funds':
        sentences.push(
          t('review:decide.explain.proposalFunds', {
            count: line.count,
            total: money(line.total),
            score: points(format, line.score),
          }),
        )
        break
      case 'no_proposal':
        sentences.push(
          line.status === 'guardrails_unattainable'
            ? t('review:decide.explain.noProposalGuardrails')
            : t('review:decide.explain.noProposalSolver'),
        )
        break
      case 'committed_counted':
        sentences.push(
          t('review:decide.explain.committedCounted', {
            count: line.count,
            total: money(line.total),
          }),
        )
        break
      case 'not_proven_optimal':
        sentences.push(
          t('review:decide.explain.notProven', { gap: points(format, loaded.optimalityGap) }),
        )
        break
      case 'guardrail': {
        const rule = ruleText(t, format, line.flag, line.minPercent)
        const ranking = line.metByRanking
          ? t('review:decide.explain.rankingMeets', {
              percent: percent(format, line.rankingPercent),
            })
          : t('review:decide.explain.rankingMisses', {
              percent: percent(format, line.rankingPercent),
            })
        const proposal =
          line.metByProposal === null
            ? ''
            : line.metByProposal
              ? t('review:decide.explain.proposalMeets', {
                  percent: percent(format, line.proposalPercent),
                })
              : t('review:decide.explain.proposalMisses', {
                  percent: percent(format, line.proposalPercent),
                })
        sentences.push([rule, ranking, proposal].filter(Boolean).join(' '))
        break
      }
      case 'optimiser_gain':
        sentences.push(
          t('review:decide.explain.optimiserGain', {
            score: points(format, line.score),
            added: format.number(line.added),
            dropped: format.number(line.dropped),
          }),
        )
        break
      case 'swap': {
        const values = {
          dropped: name(line.dropped?.applicationId),
          droppedScore: points(format, line.dropped?.score),
          droppedAmount: line.dropped ? money(line.dropped.amount) : '',
          added: name(line.added?.applicationId),
          addedScore: points(format, line.added?.score),
          addedAmount: line.added ? money(line.added.amount) : '',
          flags: flagNames(line.flagsGained),
          cost: points(format, Math.abs(line.cost)),
        }
        const what =
          line.dropped && line.added
            ? t('review:decide.explain.swapReplaced', values)
            : line.added
              ? t('review:decide.explain.swapAdded', values)
              : t('review:decide.explain.swapDropped', values)
        const why = line.flagsGained.length ? t('review:decide.explain.swapFlags', values) : ''
        const cost =
          line.cost >= 0
            ? t('review:decide.explain.swapCost', values)
            : t('review:decide.explain.swapGain', values)
        sentences.push([what, why, cost].filter(Boolean).join(' '))
        break
      }
      case 'guardrail_cost':
        sentences.push(
          t('review:decide.explain.guardrailCost', { score: points(format, line.score) }),
        )
        break
      case 'guardrails_leave_unspent':
        sentences.push(
          t('review:decide.explain.leaveUnspent', {
            unspent: money(line.unspent),
            without: money(line.unspentWithout),
          }),
        )
        break
      case 'guardrail_unattainable': {
        const rule = ruleText(t, format, line.flag, line.minPercent)
        sentences.push(
          line.attainableAlone
            ? t('review:decide.explain.unattainableTogether', { rule })
            : t('review:decide.explain.unattainable', {
                rule,
                best: percent(format, line.bestPercent),
                shortfall: money(line.shortfall),
              }),
        )
        break
      }
      case 'spending_floor_unattainable':
        sentences.push(t('review:decide.explain.floorUnattainable'))
        break
      case 'excluded':
        excluded.set(line.reason, (excluded.get(line.reason) ?? 0) + 1)
        break
    }
  }
  for (const [reason, count] of excluded) sentences.push(t(EXCLUSION_KEYS[reason], { count }))
  return sentences
}

function FlagList({ flags }: { flags: readonly GuardrailFlag[] }) {
  const { t } = useTranslation('review')
  if (flags.length === 0) return <>—</>
  return (
    <ul className="plain-list">
      {flags.map((flag) => (
        <li key={flag}>{t(GUARDRAIL_FLAG_KEYS[flag])}</li>
      ))}
    </ul>
  )
}

/** A funded set as a table: title, organisation, score, amount, flags. */
function FundedTable({
  summary,
  caption,
  ids,
  byId,
  loaded,
  other,
  otherHeader,
}: {
  summary: string
  caption: string
  ids: readonly string[]
  byId: Map<string, Line>
  loaded: Loaded
  other: Set<string>
  otherHeader: string
}) {
  const { t } = useTranslation('review')
  const format = useFormatters()
  const rows = ids.map((id) => byId.get(id)!).filter(Boolean)
  const score = (line: Line) => (loaded.basis === 'raw' ? line.raw : line.normalised)
  return (
    <>
      <p>{summary}</p>
      <DataTable
        caption={caption}
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          {
            header: t('review:decide.columns.application'),
            cell: (r) => r.title || t('review:decide.untitled'),
          },
          { header: t('review:decide.columns.organization'), cell: (r) => r.organization },
          {
            header: t('review:decide.columns.score'),
            numeric: true,
            cell: (r) => points(format, score(r)),
          },
          {
            header: t('review:decide.columns.amount'),
            numeric: true,
            cell: (r) => (
              <>
                {format.money(r.amount, loaded.currency)}
                {r.proposedAmount !== null ? (
                  <span className="hint"> {t('review:decide.columns.partial')}</span>
                ) : null}
              </>
            ),
          },
          { header: t('review:decide.columns.flags'), cell: (r) => <FlagList flags={r.flags} /> },
          {
            header: otherHeader,
            cell: (r) =>
              other.has(r.id) ? t('review:decide.columns.yes') : t('review:decide.columns.no'),
          },
        ]}
      />
    </>
  )
}

function GuardrailsForm({ loaded }: { loaded: Loaded }) {
  const { t } = useTranslation('review')
  const format = useFormatters()
  const failure = useActionData<typeof action>()
  const stored = new Map(loaded.guardrails.map((g) => [g.flag, g.basisPoints]))
  const defaultValues = Object.fromEntries(
    GUARDRAIL_FLAGS.map((flag) => {
      const bp = stored.get(flag)
      return [guardrailField(flag), bp === undefined ? '' : String(bp / 100)]
    }),
  )
  const form = useValidatedForm(GuardrailsSchema, {
    failure: failure?.values?.intent === 'guardrails' ? failure : undefined,
    defaultValues: { ...defaultValues, intent: 'guardrails' },
  })
  return (
    <Card title={t('review:decide.guardrails.title')} headingLevel={3}>
      <p>{t('review:decide.guardrails.intro')}</p>
      <Form method="post" className="stack" onSubmit={form.onSubmit} noValidate>
        <FormError message={form.formError} />
        {GUARDRAIL_FLAGS.map((flag) => (
          <TextField
            key={flag}
            label={t(GUARDRAIL_FLAG_KEYS[flag])}
            hint={t('review:decide.guardrails.hint', {
              suggested: format.percent(SUGGESTED_GUARDRAILS[flag] / 10_000),
            })}
            inputMode="decimal"
            {...form.field(guardrailField(flag))}
            error={form.errorOf(guardrailField(flag))}
          />
        ))}
        {/* The intent is a field of the form, so the browser-side check sees it too. */}
        <input type="hidden" {...form.field('intent')} />
        <div className="actions">
          <Button>{t('review:decide.guardrails.save')}</Button>
        </div>
      </Form>
      <Form method="post">
        <Button variant="secondary" name="intent" value="suggested">
          {t('review:decide.guardrails.useSuggested')}
        </Button>
      </Form>
    </Card>
  )
}

function PartialAmounts({ loaded }: { loaded: Loaded }) {
  const { t } = useTranslation('review')
  const format = useFormatters()
  const failure = useActionData<typeof action>()
  const form = useValidatedForm(PartialAmountSchema, {
    failure: failure?.values?.intent === 'amount' ? failure : undefined,
    defaultValues: { intent: 'amount' },
  })
  const partial = loaded.lines.filter((l) => l.proposedAmount !== null)
  return (
    <Card title={t('review:decide.amounts.title')} headingLevel={3}>
      <p>
        {t('review:decide.amounts.intro', {
          min: format.money(loaded.minAwardMinor, loaded.currency),
        })}
      </p>
      <Form method="post" className="stack" onSubmit={form.onSubmit} noValidate>
        <FormError
          message={failure?.values?.intent === 'clear-amount' ? undefined : form.formError}
        />
        <SelectField
          label={t('review:decide.amounts.application')}
          placeholder={t('review:decide.amounts.choose')}
          options={loaded.lines.map((l) => ({
            value: l.id,
            label: `${l.title || t('review:decide.untitled')} (${l.organization}) · ${format.money(l.requested, loaded.currency)}`,
          }))}
          {...form.field('applicationId')}
          error={form.errorOf('applicationId')}
        />
        <TextField
          label={t('review:decide.amounts.amount')}
          inputMode="decimal"
          {...form.field('amount')}
          error={form.errorOf('amount')}
        />
        <input type="hidden" {...form.field('intent')} />
        <div className="actions">
          <Button>{t('review:decide.amounts.save')}</Button>
        </div>
      </Form>
      {partial.length === 0 ? (
        <p className="hint">{t('review:decide.amounts.none')}</p>
      ) : (
        <ul>
          {partial.map((l) => (
            <li key={l.id}>
              {t('review:decide.amounts.line', {
                title: l.title || t('review:decide.untitled'),
                amount: format.money(l.proposedAmount ?? 0, loaded.currency),
                requested: format.money(l.requested, loaded.currency),
              })}{' '}
              <Form method="post" className="inline-form">
                <input type="hidden" name="applicationId" value={l.id} />
                <Button variant="link" name="intent" value="clear-amount">
                  {t('review:decide.amounts.clear', {
                    title: l.title || t('review:decide.untitled'),
                  })}
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}

export default function DecisionPage() {
  const loaded = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('review')
  const format = useFormatters()
  const byId = new Map(loaded.lines.map((l) => [l.id, l]))
  const money = (minor: number) => format.money(minor, loaded.currency)
  const sentences = explanationSentences(t, format, loaded, byId)
  const summaryValues = (set: { applicationIds: string[]; total: number; score: number }) => ({
    count: set.applicationIds.length,
    total: money(set.total),
    score: points(format, set.score),
  })
  const proposedIds = new Set(loaded.proposed?.applicationIds ?? [])
  const rankingIds = new Set(loaded.ranking.applicationIds)
  const shares = loaded.ranking.shares.map((share, k) => ({
    share,
    proposed: loaded.proposed?.shares[k] ?? null,
    rule: ruleText(t, format, share.flag, share.minPercent),
    name: isGuardrailFlag(share.flag) ? t(GUARDRAIL_FLAG_KEYS[share.flag]) : share.flag,
  }))
  const metText = (met: boolean) =>
    met ? t('review:decide.shares.met') : t('review:decide.shares.notMet')
  const acceptFailed =
    failure?.values?.intent === 'accept'
      ? (failure.errors.form ?? failure.errors.awards)
      : undefined
  return (
    <>
      <Card title={t('review:decide.title')} headingLevel={3}>
        <p>{t('review:decide.intro')}</p>
        <dl className="facts">
          <dt>{t('review:decide.budget.program')}</dt>
          <dd>{money(loaded.budget)}</dd>
          <dt>{t('review:decide.budget.committed')}</dt>
          <dd>{money(loaded.committed)}</dd>
          <dt>{t('review:decide.budget.remaining')}</dt>
          <dd>{money(loaded.remaining)}</dd>
        </dl>
        {/* A GET form: the basis lives in the URL and works without JavaScript. */}
        <Form method="get" className="filters" aria-label={t('review:decide.basisLabel')}>
          <SelectField
            label={t('review:decide.basis')}
            name="basis"
            defaultValue={loaded.basis}
            options={SCORE_BASES.map((value) => ({ value, label: t(RANKING_SORT_KEYS[value]) }))}
          />
          <Button variant="secondary">{t('review:decide.show')}</Button>
        </Form>
      </Card>

      <Card title={t('review:decide.explain.title')} headingLevel={3}>
        <p className="hint">
          {loaded.status === 'optimal'
            ? t('review:decide.status.optimal')
            : loaded.status === 'not_proven_optimal'
              ? t('review:decide.status.notProven', { gap: points(format, loaded.optimalityGap) })
              : loaded.status === 'guardrails_unattainable'
                ? t('review:decide.status.unattainable')
                : t('review:decide.status.failed')}
        </p>
        <ul data-testid="explanation">
          {sentences.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
      </Card>

      {shares.length > 0 ? (
        <Card title={t('review:decide.shares.title')} headingLevel={3}>
          <BarChart
            title={t('review:decide.shares.chart')}
            note={t('review:decide.shares.note')}
            bars={shares.flatMap(({ share, proposed, name }) => [
              {
                label: t('review:decide.shares.required', { name }),
                value: share.minPercent,
                valueText: percent(format, share.minPercent),
                reference: true,
              },
              {
                label: t('review:decide.shares.byRanking', { name }),
                value: share.percent ?? 0,
                valueText: percent(format, share.percent),
              },
              {
                label: t('review:decide.shares.byProposal', { name }),
                value: proposed?.percent ?? 0,
                valueText: percent(format, proposed?.percent),
              },
            ])}
          >
            <DataTable
              caption={t('review:decide.shares.chart')}
              rows={shares}
              rowKey={({ share }) => share.flag}
              columns={[
                {
                  header: t('review:decide.shares.guardrail'),
                  rowHeader: true,
                  cell: ({ rule }) => rule,
                },
                {
                  header: t('review:decide.shares.requiredColumn'),
                  numeric: true,
                  cell: ({ share }) => percent(format, share.minPercent),
                },
                {
                  header: t('review:decide.shares.rankingColumn'),
                  numeric: true,
                  cell: ({ share }) => (
                    <>
                      {percent(format, share.percent)} {metText(share.met)}
                    </>
                  ),
                },
                {
                  header: t('review:decide.shares.proposalColumn'),
                  numeric: true,
                  cell: ({ proposed }) => (
                    <>
                      {percent(format, proposed?.percent)} {proposed ? metText(proposed.met) : null}
                    </>
                  ),
                },
                {
                  header: t('review:decide.shares.proposalDollars'),
                  numeric: true,
                  cell: ({ proposed }) => (proposed ? money(proposed.flaggedTotal) : '—'),
                },
              ]}
            />
          </BarChart>
        </Card>
      ) : null}

      <Card title={t('review:decide.proposal.title')} headingLevel={3}>
        {loaded.proposed && loaded.proposed.applicationIds.length > 0 ? (
          <>
            <FundedTable
              summary={t('review:decide.proposal.summary', summaryValues(loaded.proposed))}
              caption={t('review:decide.proposal.caption')}
              ids={loaded.proposed.applicationIds}
              byId={byId}
              loaded={loaded}
              other={rankingIds}
              otherHeader={t('review:decide.columns.inRanking')}
            />
            <Form method="post" className="stack">
              <FormError message={acceptFailed} />
              <input type="hidden" name="basis" value={loaded.basis} />
              <input type="hidden" name="fingerprint" value={loaded.fingerprint} />
              {loaded.awards.map((a) => (
                <input
                  key={a.applicationId}
                  type="hidden"
                  name="awards"
                  value={`${a.applicationId}:${a.amountMinor}`}
                />
              ))}
              <p className="hint">{t('review:decide.accept.hint')}</p>
              <div className="actions">
                <Button name="intent" value="accept" busy={navigation.state === 'submitting'}>
                  {t('review:decide.accept.button')}
                </Button>
              </div>
            </Form>
          </>
        ) : (
          <EmptyState title={t('review:decide.proposal.none')} />
        )}
      </Card>

      <Card title={t('review:decide.ranking.title')} headingLevel={3}>
        {loaded.ranking.applicationIds.length > 0 ? (
          <FundedTable
            summary={t('review:decide.ranking.summary', summaryValues(loaded.ranking))}
            caption={t('review:decide.ranking.caption')}
            ids={loaded.ranking.applicationIds}
            byId={byId}
            loaded={loaded}
            other={proposedIds}
            otherHeader={t('review:decide.columns.inProposal')}
          />
        ) : (
          <EmptyState title={t('review:decide.ranking.none')} />
        )}
      </Card>

      <GuardrailsForm loaded={loaded} />
      <PartialAmounts loaded={loaded} />
    </>
  )
}
