import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { hreflangLinks, titleMeta } from '#app/lib/i18n/meta.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import type { AnonymousCacheHandle } from '#app/utils/anonymous-page-cache.server.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { Trans, useTranslation } from 'react-i18next'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { Card } from '#app/components/card.tsx'
import { LocalTime } from '#app/components/local-time.tsx'
import { DataTable } from '#app/components/table.tsx'
import { PROGRAM_STATUS_KEYS } from '#app/domain/programs/program-status.ts'
import type { QuestionKind } from '#app/domain/programs/program-questions.ts'
import { SDOH_DOMAINS, SDOH_KEYS, type SdohDomain } from '#app/domain/places/sdoh.ts'
import { translateSvi } from '#app/domain/places/vulnerability.ts'
import { getPublicProgram } from '#app/services/programs/program-catalog.server.ts'
import { ContentBlock, ContentText } from '#app/components/content-text.tsx'
import { requestLanguage } from '#app/utils/i18n.server.ts'
import { throwNotFound } from '#app/utils/http.server.ts'
import styles from '#app/styles/programs.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

// Signed-out visitors may be served this page from the anonymous page cache (decision 018).
export const handle: I18nHandle & AnonymousCacheHandle = {
  i18n: ['programs'],
  anonymousCache: true,
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...titleMeta(data ? { title: data.program.title } : null, matches),
  ...(data ? hreflangLinks(matches) : []),
]

export async function loader({ params, request }: LoaderFunctionArgs) {
  const found = await getPublicProgram(params.slug ?? '', await requestLanguage(request))
  // Drafts and private funds' programs answer exactly like a slug that was never used.
  if (!found) throwNotFound('programs:page.notFound')
  const { program } = found
  return {
    ...found,
    program: {
      slug: program.slug,
      title: found.shown.program.title.text,
      placeServed: program.placeServed,
      eligibleStates: program.eligibleStates,
      sdohDomains: program.sdohDomains,
      opensAt: program.opensAt?.toISOString() ?? null,
      closesAt: program.closesAt?.toISOString() ?? null,
      timeZone: program.timeZone,
      budgetMinor: program.budgetMinor,
      minAwardMinor: program.minAwardMinor,
      maxAwardMinor: program.maxAwardMinor,
      allowSkillRequests: program.allowSkillRequests,
      reviewersPerApplication: program.reviewersPerApplication,
      blindReview: program.blindReview,
    },
  }
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>

/** How each kind of question is named in the list of a program's questions. */
const QUESTION_KIND_KEYS: Record<QuestionKind, string> = {
  short_text: 'programs:page.questions.kinds.short_text',
  long_text: 'programs:page.questions.kinds.long_text',
  single_choice: 'programs:page.questions.kinds.single_choice',
  multi_choice: 'programs:page.questions.kinds.multi_choice',
  number: 'programs:page.questions.kinds.number',
  yes_no: 'programs:page.questions.kinds.yes_no',
  file: 'programs:page.questions.kinds.file',
}

const isSdoh = (d: string): d is SdohDomain => (SDOH_DOMAINS as readonly string[]).includes(d)

/** Text as the funder wrote it: blank lines separate paragraphs, single breaks are kept. */
function Paragraphs({ text, empty }: { text: string; empty?: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  if (paragraphs.length === 0) return empty ? <p className="hint">{empty}</p> : null
  return (
    <div className="prose">
      {paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  )
}

function StatusPanel({ data }: { data: Data }) {
  const { program, accepting, notYetOpen, status } = data
  const { t } = useTranslation('programs')
  const at = (iso: string) => <LocalTime iso={iso} timeZone={program.timeZone} />
  if (accepting) {
    return (
      <section className="card status-panel" aria-labelledby="status-heading">
        <h2 id="status-heading">{t('programs:page.open.title')}</h2>
        {program.closesAt ? (
          <p>
            <Trans
              i18nKey="programs:page.open.deadline"
              components={{ at: at(program.closesAt) }}
            />
          </p>
        ) : null}
        <p className="actions">
          <Link className="btn btn-primary" to={`/programs/${program.slug}/apply`}>
            {t('programs:page.open.apply', { program: program.title })}
          </Link>
        </p>
      </section>
    )
  }
  if (notYetOpen && program.opensAt) {
    return (
      <section className="card status-panel closed" aria-labelledby="status-heading">
        <h2 id="status-heading">{t('programs:page.notYetOpen.title')}</h2>
        <p>
          {program.closesAt ? (
            <Trans
              i18nKey="programs:page.notYetOpen.opensAndCloses"
              components={{ opens: at(program.opensAt), closes: at(program.closesAt) }}
            />
          ) : (
            <Trans
              i18nKey="programs:page.notYetOpen.opens"
              components={{ opens: at(program.opensAt) }}
            />
          )}
        </p>
      </section>
    )
  }
  return (
    <section className="card status-panel closed" aria-labelledby="status-heading">
      <h2 id="status-heading">{t('programs:page.closed.title')}</h2>
      <p>
        {status === 'decided'
          ? t('programs:page.closed.decided')
          : status === 'in_review'
            ? t('programs:page.closed.inReview')
            : t('programs:page.closed.closed')}{' '}
        {t('programs:page.closed.status', { status: t(PROGRAM_STATUS_KEYS[status]) })}
      </p>
      {program.closesAt ? (
        <p>
          <Trans
            i18nKey="programs:page.closed.deadlineWas"
            components={{ at: at(program.closesAt) }}
          />
        </p>
      ) : null}
    </section>
  )
}

function WhoCanApply({ data }: { data: Data }) {
  const { program, counties } = data
  const domains = program.sdohDomains.filter(isSdoh)
  const { t } = useTranslation('programs')
  return (
    <Card title={t('programs:page.who.title')}>
      <ContentBlock shown={data.shown.program.eligibility}>
        <Paragraphs
          text={data.shown.program.eligibility.text}
          empty={t('programs:page.who.noEligibility')}
        />
      </ContentBlock>
      <h3>{t('programs:page.who.where')}</h3>
      {program.placeServed ? <p>{program.placeServed}</p> : null}
      {program.eligibleStates.length === 0 && counties.length === 0 ? (
        <p>{t('programs:page.who.anywhere')}</p>
      ) : null}
      {program.eligibleStates.length > 0 ? (
        <p>{t('programs:page.who.states', { states: program.eligibleStates.join(', ') })}</p>
      ) : null}
      {counties.length > 0 ? (
        <>
          <p>{t('programs:page.who.counties')}</p>
          <ul className="plain-list">
            {counties.map((c) => (
              <li key={c.fips}>
                <span>{c.label}</span>{' '}
                <span className="hint">{translateSvi(t, c.svi, c.dataYear)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {domains.length > 0 ? (
        <>
          <h3>{t('programs:page.who.focus')}</h3>
          <ul className="tag-list" aria-label={t('programs:page.who.focusLabel')}>
            {domains.map((d) => (
              <li key={d} className="badge">
                {t(SDOH_KEYS[d])}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  )
}

function Funding({ data }: { data: Data }) {
  const { program, fund } = data
  const { t } = useTranslation('programs')
  const format = useFormatters()
  const money = (minor: number) => format.money(minor, fund.currency)
  return (
    <Card title={t('programs:page.funding.title')}>
      <dl className="facts">
        <dt>{t('programs:page.funding.awards')}</dt>
        <dd>
          {program.minAwardMinor === program.maxAwardMinor
            ? money(program.maxAwardMinor)
            : t('programs:catalog.awardRange', {
                min: money(program.minAwardMinor),
                max: money(program.maxAwardMinor),
              })}
        </dd>
        <dt>{t('programs:page.funding.budget')}</dt>
        <dd>{money(program.budgetMinor)}</dd>
        <dt>{t('programs:page.funding.volunteers')}</dt>
        <dd>
          {program.allowSkillRequests
            ? t('programs:page.funding.volunteersYes')
            : t('programs:page.funding.volunteersNo')}
        </dd>
        {program.opensAt ? (
          <>
            <dt>{t('programs:page.funding.opens')}</dt>
            <dd>
              <LocalTime iso={program.opensAt} timeZone={program.timeZone} />
            </dd>
          </>
        ) : null}
        <dt>{t('programs:catalog.deadline')}</dt>
        <dd>
          {program.closesAt ? (
            <LocalTime iso={program.closesAt} timeZone={program.timeZone} />
          ) : (
            t('programs:catalog.noDeadline')
          )}
        </dd>
      </dl>
    </Card>
  )
}

function Rubric({ data }: { data: Data }) {
  const { program } = data
  // The funder's words in the reader's language (or the other, noted), beside the numbers.
  const criteria = data.criteria.map((c, i) => ({ ...c, shown: data.shown.criteria[i]! }))
  const { t } = useTranslation('programs')
  const format = useFormatters()
  const percent = (n: number) => t('programs:page.rubric.percent', { value: format.number(n) })
  return (
    <Card title={t('programs:page.rubric.title')}>
      <p>
        {t('programs:page.rubric.reviewers', { count: program.reviewersPerApplication })}
        {program.blindReview ? ` ${t('programs:page.rubric.blind')}` : ''}
      </p>
      {criteria.length === 0 ? (
        <p className="hint">{t('programs:page.rubric.none')}</p>
      ) : (
        <>
          <DataTable
            caption={t('programs:page.rubric.caption')}
            rows={criteria}
            rowKey={(c) => c.id}
            columns={[
              {
                header: t('programs:page.rubric.criterion'),
                cell: (c) => <ContentText shown={c.shown.label} />,
              },
              {
                header: t('programs:page.rubric.weight'),
                cell: (c) => percent(c.weight),
                numeric: true,
              },
              {
                header: t('programs:page.rubric.scoredOutOf'),
                cell: (c) => format.number(c.maxScore),
                numeric: true,
              },
              {
                header: t('programs:page.rubric.equityCriterion'),
                cell: (c) =>
                  c.isEquity ? t('programs:page.rubric.yes') : t('programs:page.rubric.no'),
              },
            ]}
          />
          {criteria.map((c) => (
            <section key={c.id} className="criterion" aria-label={c.shown.label.text}>
              <h3>
                <ContentText shown={c.shown.label} />
                <span className="badge">
                  {t('programs:page.rubric.weightBadge', { weight: percent(c.weight) })}
                </span>
                {c.isEquity ? (
                  <span className="badge">{t('programs:page.rubric.equity')}</span>
                ) : null}
              </h3>
              <ContentBlock shown={c.shown.description}>
                <Paragraphs text={c.shown.description.text} />
              </ContentBlock>
              {c.levels.length > 0 ? (
                <DataTable
                  caption={t('programs:page.rubric.levelsCaption', {
                    criterion: c.shown.label.text,
                  })}
                  rows={c.levels
                    .map((l, i) => ({ ...l, shown: c.shown.guidance[i]! }))
                    .sort((a, b) => a.score - b.score)}
                  rowKey={(l) => String(l.score)}
                  columns={[
                    {
                      header: t('programs:page.rubric.score'),
                      cell: (l) =>
                        t('programs:page.rubric.scoreOf', {
                          score: format.number(l.score),
                          max: format.number(c.maxScore),
                        }),
                      numeric: true,
                    },
                    {
                      header: t('programs:page.rubric.lookFor'),
                      cell: (l) => <ContentText shown={l.shown} />,
                    },
                  ]}
                />
              ) : (
                <p className="hint">
                  {t('programs:page.rubric.scoredFrom', { max: format.number(c.maxScore) })}
                </p>
              )}
            </section>
          ))}
        </>
      )}
    </Card>
  )
}

function Questions({ data }: { data: Data }) {
  const questions = data.questions.map((q, i) => ({ ...q, shown: data.shown.questions[i]! }))
  const { t } = useTranslation('programs')
  const format = useFormatters()
  return (
    <Card title={t('programs:page.questions.title')}>
      <p>{t('programs:page.questions.lede')}</p>
      {questions.length === 0 ? (
        <p className="hint">{t('programs:page.questions.none')}</p>
      ) : (
        <ol className="question-list">
          {questions.map((q) => (
            <li key={q.id}>
              <strong>
                <ContentText shown={q.shown.label} />
              </strong>{' '}
              {q.wordLimit
                ? t('programs:page.questions.aboutLimited', {
                    required: q.required
                      ? t('programs:page.questions.required')
                      : t('programs:page.questions.optional'),
                    kind: t(QUESTION_KIND_KEYS[q.kind]),
                    count: q.wordLimit,
                    limit: format.number(q.wordLimit),
                  })
                : t('programs:page.questions.about', {
                    required: q.required
                      ? t('programs:page.questions.required')
                      : t('programs:page.questions.optional'),
                    kind: t(QUESTION_KIND_KEYS[q.kind]),
                  })}
              {q.shown.helpText.text ? (
                <p className="hint">
                  <ContentText shown={q.shown.helpText} />
                </p>
              ) : null}
              {q.options.length > 0 ? (
                <ul>
                  {q.options.map((o, i) => (
                    <li key={o}>
                      <ContentText shown={q.shown.options[i]!} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  )
}

export default function PublicProgram() {
  const data = useLoaderData<typeof loader>()
  const { fund, funder } = data
  const { t } = useTranslation('programs')
  return (
    <>
      <p className="eyebrow">
        <Link to="/programs">{t('programs:page.openPrograms')}</Link> · {funder.name} ·{' '}
        <Link to={`/funds/${fund.slug}`}>{fund.name}</Link>
      </p>
      <h1>
        <ContentText shown={data.shown.program.title} />
      </h1>
      <StatusPanel data={data} />
      <p className="actions">
        <Link
          className="btn btn-secondary"
          to={`/funds/${fund.slug}/give?${new URLSearchParams({ program: data.program.slug })}`}
        >
          {t('programs:page.give')}
        </Link>
      </p>
      <Card title={t('programs:page.about')}>
        <ContentBlock shown={data.shown.program.description}>
          <Paragraphs
            text={data.shown.program.description.text}
            empty={t('programs:page.noDescription')}
          />
        </ContentBlock>
      </Card>
      <WhoCanApply data={data} />
      <Funding data={data} />
      <Rubric data={data} />
      <Questions data={data} />
    </>
  )
}
