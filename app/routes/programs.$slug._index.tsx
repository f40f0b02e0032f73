import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { hreflangLinks } from '#app/lib/i18n/meta.ts'
import { Link, useLoaderData } from '@remix-run/react'
import { Card } from '#app/components/card.tsx'
import { LocalTime } from '#app/components/local-time.tsx'
import { DataTable } from '#app/components/table.tsx'
import { PROGRAM_STATUS_LABELS } from '#app/domain/programs/program-status.ts'
import { QUESTION_KIND_LABELS } from '#app/domain/programs/program-questions.ts'
import { SDOH_DOMAINS, SDOH_LABELS, type SdohDomain } from '#app/domain/places/sdoh.ts'
import { formatSvi } from '#app/domain/places/vulnerability.ts'
import { getPublicProgram } from '#app/services/programs/program-catalog.server.ts'
import { ContentBlock, ContentText } from '#app/components/content-text.tsx'
import { requestLanguage } from '#app/utils/i18n.server.ts'
import { formatMoney } from '#app/lib/money.ts'
import { throwNotFound } from '#app/utils/http.server.ts'
import styles from '#app/styles/programs.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? `${data.program.title} · Commons Fund` : 'Program not found · Commons Fund' },
  ...(data ? hreflangLinks(matches) : []),
]

export async function loader({ params, request }: LoaderFunctionArgs) {
  const found = await getPublicProgram(params.slug ?? '', await requestLanguage(request))
  // Drafts and private funds' programs answer exactly like a slug that was never used.
  if (!found) throwNotFound('There is no public funding program at this address.')
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
  if (accepting) {
    return (
      <section className="card status-panel" aria-labelledby="status-heading">
        <h2 id="status-heading">Applications are open</h2>
        {program.closesAt ? (
          <p>
            Deadline: <LocalTime iso={program.closesAt} timeZone={program.timeZone} />. Late
            applications cannot be submitted.
          </p>
        ) : null}
        <p className="actions">
          <Link className="btn btn-primary" to={`/programs/${program.slug}/apply`}>
            Apply to {program.title}
          </Link>
        </p>
      </section>
    )
  }
  if (notYetOpen && program.opensAt) {
    return (
      <section className="card status-panel closed" aria-labelledby="status-heading">
        <h2 id="status-heading">Not open yet</h2>
        <p>
          Applications open <LocalTime iso={program.opensAt} timeZone={program.timeZone} />
          {program.closesAt ? (
            <>
              {' '}
              and close <LocalTime iso={program.closesAt} timeZone={program.timeZone} />
            </>
          ) : null}
          .
        </p>
      </section>
    )
  }
  return (
    <section className="card status-panel closed" aria-labelledby="status-heading">
      <h2 id="status-heading">Applications closed</h2>
      <p>
        {status === 'decided'
          ? 'Decisions have been made.'
          : status === 'in_review'
            ? 'Applications are being reviewed.'
            : 'This program no longer accepts applications.'}{' '}
        Status: {PROGRAM_STATUS_LABELS[status]}.
      </p>
      {program.closesAt ? (
        <p>
          The deadline was <LocalTime iso={program.closesAt} timeZone={program.timeZone} />.
        </p>
      ) : null}
    </section>
  )
}

function WhoCanApply({ data }: { data: Data }) {
  const { program, counties } = data
  const domains = program.sdohDomains.filter(isSdoh)
  return (
    <Card title="Who can apply">
      <ContentBlock shown={data.shown.program.eligibility}>
        <Paragraphs
          text={data.shown.program.eligibility.text}
          empty="The funder has not added eligibility notes."
        />
      </ContentBlock>
      <h3>Where</h3>
      {program.placeServed ? <p>{program.placeServed}</p> : null}
      {program.eligibleStates.length === 0 && counties.length === 0 ? (
        <p>Groups working anywhere in the United States.</p>
      ) : null}
      {program.eligibleStates.length > 0 ? (
        <p>Groups working in {program.eligibleStates.join(', ')}.</p>
      ) : null}
      {counties.length > 0 ? (
        <>
          <p>Groups serving these counties:</p>
          <ul className="plain-list">
            {counties.map((c) => (
              <li key={c.fips}>
                <span>{c.label}</span> <span className="hint">{formatSvi(c.svi, c.dataYear)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {domains.length > 0 ? (
        <>
          <h3>Focus</h3>
          <ul className="tag-list" aria-label="Social determinants of health this program funds">
            {domains.map((d) => (
              <li key={d} className="badge">
                {SDOH_LABELS[d]}
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
  const money = (minor: number) => formatMoney(minor, fund.currency)
  return (
    <Card title="Funding and dates">
      <dl className="facts">
        <dt>Awards</dt>
        <dd>
          {program.minAwardMinor === program.maxAwardMinor
            ? money(program.maxAwardMinor)
            : `${money(program.minAwardMinor)} to ${money(program.maxAwardMinor)}`}
        </dd>
        <dt>Total budget</dt>
        <dd>{money(program.budgetMinor)}</dd>
        <dt>Volunteer help</dt>
        <dd>
          {program.allowSkillRequests
            ? 'You may also ask for skilled pro bono volunteers.'
            : 'This program funds money only.'}
        </dd>
        {program.opensAt ? (
          <>
            <dt>Opens</dt>
            <dd>
              <LocalTime iso={program.opensAt} timeZone={program.timeZone} />
            </dd>
          </>
        ) : null}
        <dt>Deadline</dt>
        <dd>
          {program.closesAt ? (
            <LocalTime iso={program.closesAt} timeZone={program.timeZone} />
          ) : (
            'None set'
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
  return (
    <Card title="How applications are judged">
      <p>
        {program.reviewersPerApplication === 1
          ? 'One reviewer scores'
          : `${program.reviewersPerApplication} reviewers score`}{' '}
        each application against these criteria. A criterion&apos;s weight is its share of the total
        score.
        {program.blindReview
          ? ' Review is blind: reviewers do not see the name of your organisation.'
          : ''}
      </p>
      {criteria.length === 0 ? (
        <p className="hint">The funder has not published the rubric yet.</p>
      ) : (
        <>
          <DataTable
            caption="Criteria and weights"
            rows={criteria}
            rowKey={(c) => c.id}
            columns={[
              { header: 'Criterion', cell: (c) => <ContentText shown={c.shown.label} /> },
              { header: 'Weight', cell: (c) => `${c.weight}%`, numeric: true },
              { header: 'Scored out of', cell: (c) => c.maxScore, numeric: true },
              { header: 'Equity criterion', cell: (c) => (c.isEquity ? 'Yes' : 'No') },
            ]}
          />
          {criteria.map((c) => (
            <section key={c.id} className="criterion" aria-label={c.shown.label.text}>
              <h3>
                <ContentText shown={c.shown.label} />
                <span className="badge">Weight {c.weight}%</span>
                {c.isEquity ? <span className="badge">Equity</span> : null}
              </h3>
              <ContentBlock shown={c.shown.description}>
                <Paragraphs text={c.shown.description.text} />
              </ContentBlock>
              {c.levels.length > 0 ? (
                <DataTable
                  caption={`Score levels for ${c.shown.label.text}`}
                  rows={c.levels
                    .map((l, i) => ({ ...l, shown: c.shown.guidance[i]! }))
                    .sort((a, b) => a.score - b.score)}
                  rowKey={(l) => String(l.score)}
                  columns={[
                    { header: 'Score', cell: (l) => `${l.score} of ${c.maxScore}`, numeric: true },
                    {
                      header: 'What reviewers look for',
                      cell: (l) => <ContentText shown={l.shown} />,
                    },
                  ]}
                />
              ) : (
                <p className="hint">Scored from 1 to {c.maxScore}.</p>
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
  return (
    <Card title="This program's own questions">
      <p>
        Besides the standard steps (your organisation, the community you serve, the project, its
        budget and any volunteer help), you will answer:
      </p>
      {questions.length === 0 ? (
        <p className="hint">No further questions.</p>
      ) : (
        <ol className="question-list">
          {questions.map((q) => (
            <li key={q.id}>
              <strong>
                <ContentText shown={q.shown.label} />
              </strong>{' '}
              ({q.required ? 'required' : 'optional'}; {QUESTION_KIND_LABELS[q.kind].toLowerCase()}
              {q.wordLimit ? `, at most ${q.wordLimit} words` : ''})
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
  return (
    <>
      <p className="eyebrow">
        <Link to="/programs">Open programs</Link> · {funder.name} · {fund.name}
      </p>
      <h1>
        <ContentText shown={data.shown.program.title} />
      </h1>
      <StatusPanel data={data} />
      <Card title="About this program">
        <ContentBlock shown={data.shown.program.description}>
          <Paragraphs
            text={data.shown.program.description.text}
            empty="The funder has not added a description."
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
