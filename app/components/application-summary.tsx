import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import type { Language } from '#app/lib/i18n/config.ts'
import type { ReactNode } from 'react'
import {
  LIVED_EXPERIENCE_KEYS,
  STEP_KEYS,
  type ApplicationStep,
} from '#app/domain/applications/application-steps.ts'
import { formatAnswer } from '#app/domain/programs/program-questions.ts'
import { translatePercentile } from '#app/domain/places/vulnerability.ts'
import { SDOH_KEYS, type SdohDomain } from '#app/domain/places/sdoh.ts'
import { SKILL_KEYS, type Skill, type WorkMode } from '#app/domain/skills.ts'
import type { ApplicationSummary as Summary } from '#app/domain/applications/application-summary.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { TableFrame } from './table.tsx'
import { Card } from './card.tsx'

const orDash = (v: string) => v || '—'

const WORK_MODE_KEYS: Record<WorkMode, string> = {
  remote: 'common:applicationSummary.workModes.remote',
  on_site: 'common:applicationSummary.workModes.on_site',
  either: 'common:applicationSummary.workModes.either',
}

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
  const title = t(STEP_KEYS[step])
  return (
    <Card
      title={title}
      actions={
        editHref ? (
          <Link to={editHref}>
            {t('common:applicationSummary.change')}
            <span className="visually-hidden"> {title}</span>
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
  const { t } = useTranslation()
  const format = useFormatters()
  const money = (minor: number) => format.money(minor, s.currency)
  return (
    <>
      <Section
        step="organization"
        editHref={edit('organization')}
        written={s.stepLanguages.organization}
      >
        <dl className="facts">
          <dt>{t('common:applicationSummary.organization')}</dt>
          <dd>{s.organizationName}</dd>
          <dt>{t('common:applicationSummary.leadership')}</dt>
          <dd>{orDash(s.leadership)}</dd>
          <dt>{t('common:applicationSummary.livedExperience')}</dt>
          <dd>
            {s.ledByLivedExperience
              ? s.ledByLivedExperience in LIVED_EXPERIENCE_KEYS
                ? t(
                    LIVED_EXPERIENCE_KEYS[
                      s.ledByLivedExperience as keyof typeof LIVED_EXPERIENCE_KEYS
                    ],
                  )
                : s.ledByLivedExperience
              : '—'}
          </dd>
          <dt>{t('common:applicationSummary.contact')}</dt>
          <dd>{[s.contactName, s.contactEmail].filter(Boolean).join(', ') || '—'}</dd>
        </dl>
      </Section>
      <Section step="community" editHref={edit('community')} written={s.stepLanguages.community}>
        <dl className="facts">
          <dt>{t('common:applicationSummary.community')}</dt>
          <dd>{orDash(s.communityServed)}</dd>
          <dt>{t('common:applicationSummary.counties')}</dt>
          <dd>
            {s.places.length
              ? s.places
                  .map((p) =>
                    t('common:applicationSummary.county', {
                      county: p.label,
                      percentile: translatePercentile(t, p.svi),
                    }),
                  )
                  .join('; ')
              : '—'}
          </dd>
          <dt>{t('common:applicationSummary.outsideUs')}</dt>
          <dd>{orDash(s.placesOutsideUs)}</dd>
          <dt>{t('common:applicationSummary.placeVulnerability')}</dt>
          <dd>
            {s.placeVulnerability === null
              ? t('common:applicationSummary.noCounties')
              : t('common:applicationSummary.weighted', {
                  percentile: translatePercentile(t, s.placeVulnerability),
                  year: s.placeVulnerabilityYear,
                })}
          </dd>
        </dl>
      </Section>
      <Section step="project" editHref={edit('project')} written={s.stepLanguages.project}>
        <dl className="facts">
          <dt>{t('common:applicationSummary.title')}</dt>
          <dd>{orDash(s.title)}</dd>
          <dt>{t('common:applicationSummary.summary')}</dt>
          <dd>{orDash(s.summary)}</dd>
          <dt>{t('common:applicationSummary.addresses')}</dt>
          <dd>
            {s.sdohDomains
              .map((d) => (d in SDOH_KEYS ? t(SDOH_KEYS[d as SdohDomain]) : d))
              .join('; ') || '—'}
          </dd>
        </dl>
      </Section>
      <Section step="budget" editHref={edit('budget')} written={s.stepLanguages.budget}>
        <p>
          {t('common:applicationSummary.amountRequested')}{' '}
          <strong>{s.amountRequestedMinor === null ? '—' : money(s.amountRequestedMinor)}</strong>
        </p>
        {s.budgetLines.length ? (
          <TableFrame label={t('common:applicationSummary.budgetLines')}>
            <table>
              <caption>{t('common:applicationSummary.budgetLines')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('common:applicationSummary.item')}</th>
                  <th scope="col" className="num">
                    {t('common:applicationSummary.amount')}
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
                  <th scope="row">{t('common:applicationSummary.total')}</th>
                  <td className="num">
                    {money(s.budgetLines.reduce((sum, l) => sum + l.amountMinor, 0))}
                  </td>
                </tr>
              </tfoot>
            </table>
          </TableFrame>
        ) : (
          <p>{t('common:applicationSummary.noBudgetLines')}</p>
        )}
      </Section>
      {showSkills ? (
        <Section step="skills" editHref={edit('skills')} written={s.stepLanguages.skills}>
          {s.skillRequests.length ? (
            <ul>
              {s.skillRequests.map((r, i) => (
                <li key={i}>
                  {t('common:applicationSummary.skillHours', {
                    skill: r.skill in SKILL_KEYS ? t(SKILL_KEYS[r.skill as Skill]) : r.skill,
                    count: r.hours,
                    mode:
                      r.workMode in WORK_MODE_KEYS
                        ? t(WORK_MODE_KEYS[r.workMode as WorkMode])
                        : r.workMode,
                  })}
                  {r.languages.length
                    ? t('common:applicationSummary.skillLanguages', {
                        languages: r.languages.join(', '),
                      })
                    : ''}
                  {r.description ? `. ${r.description}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('common:applicationSummary.noSkills')}</p>
          )}
        </Section>
      ) : null}
      <Section step="questions" editHref={edit('questions')} written={s.stepLanguages.questions}>
        {s.answers.length ? (
          <dl className="facts">
            {s.answers.map((a) => (
              <div key={a.id} className="fact-pair">
                <dt lang={a.labelLang}>{a.label}</dt>
                <dd>{formatAnswer(t, a.kind, a.value)}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p>{t('common:applicationSummary.noQuestions')}</p>
        )}
      </Section>
    </>
  )
}
