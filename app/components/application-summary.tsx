import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Language } from '#app/lib/i18n/config.ts'
import type { ReactNode } from 'react'
import {
  LIVED_EXPERIENCE_LABELS,
  STEP_LABELS,
  type ApplicationStep,
} from '#app/domain/applications/application-steps.ts'
import { formatAnswer } from '#app/domain/programs/program-questions.ts'
import { formatPercentile } from '#app/domain/places/vulnerability.ts'
import { SDOH_LABELS, type SdohDomain } from '#app/domain/places/sdoh.ts'
import { SKILL_LABELS, type Skill } from '#app/domain/skills.ts'
import type { ApplicationSummary as Summary } from '#app/domain/applications/application-summary.ts'
import { formatMoney } from '#app/lib/money.ts'
import { TableFrame } from './table.tsx'
import { Card } from './card.tsx'

const orDash = (v: string) => v || '—'

function Section({
  step,
  editHref,
  written,
  children,
}: {
  step: ApplicationStep
  editHref?: string
  /** The language the group wrote this step in, when known. */
  written?: Language
  children: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <Card
      title={STEP_LABELS[step]}
      actions={
        editHref ? (
          <Link to={editHref}>
            Change<span className="visually-hidden"> {STEP_LABELS[step].toLowerCase()}</span>
          </Link>
        ) : null
      }
    >
      {written ? (
        <p className="hint written-in">
          {written === 'es'
            ? t('common:content.writtenInSpanish')
            : t('common:content.writtenInEnglish')}
        </p>
      ) : null}
      <div lang={written}>{children}</div>
    </Card>
  )
}

/** The application read-only, for its group before and after submission and for the funder. */
export function ApplicationSummary({
  summary: s,
  editBase,
  showSkills,
}: {
  summary: Summary
  /** When given, each section links to its step for changes. */
  editBase?: string
  showSkills: boolean
}) {
  const edit = (step: ApplicationStep) => (editBase ? `${editBase}/${step}` : undefined)
  const money = (minor: number) => formatMoney(minor, s.currency)
  return (
    <>
      <Section
        step="organization"
        editHref={edit('organization')}
        written={s.stepLanguages.organization}
      >
        <dl className="facts">
          <dt>Organisation</dt>
          <dd>{s.organizationName}</dd>
          <dt>Leadership</dt>
          <dd>{orDash(s.leadership)}</dd>
          <dt>Lived experience</dt>
          <dd>
            {s.ledByLivedExperience
              ? LIVED_EXPERIENCE_LABELS[
                  s.ledByLivedExperience as keyof typeof LIVED_EXPERIENCE_LABELS
                ]
              : '—'}
          </dd>
          <dt>Contact</dt>
          <dd>{[s.contactName, s.contactEmail].filter(Boolean).join(', ') || '—'}</dd>
        </dl>
      </Section>
      <Section step="community" editHref={edit('community')} written={s.stepLanguages.community}>
        <dl className="facts">
          <dt>Community</dt>
          <dd>{orDash(s.communityServed)}</dd>
          <dt>Counties</dt>
          <dd>
            {s.places.length
              ? s.places.map((p) => `${p.label} (SVI ${formatPercentile(p.svi)})`).join('; ')
              : '—'}
          </dd>
          <dt>Outside the US</dt>
          <dd>{orDash(s.placesOutsideUs)}</dd>
          <dt>Place vulnerability</dt>
          <dd>
            {s.placeVulnerability === null
              ? 'No US counties chosen'
              : `${formatPercentile(s.placeVulnerability)}, population-weighted (CDC/ATSDR SVI ${s.placeVulnerabilityYear})`}
          </dd>
        </dl>
      </Section>
      <Section step="project" editHref={edit('project')} written={s.stepLanguages.project}>
        <dl className="facts">
          <dt>Title</dt>
          <dd>{orDash(s.title)}</dd>
          <dt>Summary</dt>
          <dd>{orDash(s.summary)}</dd>
          <dt>Addresses</dt>
          <dd>{s.sdohDomains.map((d) => SDOH_LABELS[d as SdohDomain] ?? d).join('; ') || '—'}</dd>
        </dl>
      </Section>
      <Section step="budget" editHref={edit('budget')} written={s.stepLanguages.budget}>
        <p>
          Amount requested:{' '}
          <strong>{s.amountRequestedMinor === null ? '—' : money(s.amountRequestedMinor)}</strong>
        </p>
        {s.budgetLines.length ? (
          <TableFrame label="Budget lines">
            <table>
              <caption>Budget lines</caption>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.budgetLines.map((l, i) => (
                  <tr key={i}>
                    <td>{l.description}</td>
                    <td className="num">{money(l.amountMinor)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  <td className="num">
                    {money(s.budgetLines.reduce((t, l) => t + l.amountMinor, 0))}
                  </td>
                </tr>
              </tfoot>
            </table>
          </TableFrame>
        ) : (
          <p>No budget lines yet.</p>
        )}
      </Section>
      {showSkills ? (
        <Section step="skills" editHref={edit('skills')} written={s.stepLanguages.skills}>
          {s.skillRequests.length ? (
            <ul>
              {s.skillRequests.map((r, i) => (
                <li key={i}>
                  {SKILL_LABELS[r.skill as Skill] ?? r.skill}: {r.hours} hours,{' '}
                  {r.workMode.replace('_', ' ')}
                  {r.languages.length ? `, in ${r.languages.join(', ')}` : ''}
                  {r.description ? `. ${r.description}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p>No volunteer help requested.</p>
          )}
        </Section>
      ) : null}
      <Section step="questions" editHref={edit('questions')} written={s.stepLanguages.questions}>
        {s.answers.length ? (
          <dl className="facts">
            {s.answers.map((a) => (
              <div key={a.id} className="fact-pair">
                <dt lang={a.labelLang}>{a.label}</dt>
                <dd>{formatAnswer(a.kind, a.value)}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p>No written questions.</p>
        )}
      </Section>
    </>
  )
}
