import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData, useSearchParams } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Card, EmptyState } from '#app/components/card.tsx'
import { SelectField, TextField } from '#app/components/field.tsx'
import { FilterForm } from '#app/components/filter-form.tsx'
import { MatchReasons } from '#app/components/match-reasons.tsx'
import { Pagination } from '#app/components/table.tsx'
import {
  isVolunteerSkill,
  SKILL_KEYS,
  VOLUNTEER_SKILLS,
  WORK_MODE_KEYS,
  WORK_MODES,
  type WorkMode,
} from '#app/domain/skills.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { pageLinks, pageParam, textParam } from '#app/lib/search-params.ts'
import { batchSuggestionForVolunteer } from '#app/services/volunteers/batch-suggestions.server.ts'
import { rankedRequestsForVolunteer } from '#app/services/volunteers/matching.server.ts'
import { throwNotFound } from '#app/utils/http.server.ts'
import { requestLanguage, requestT } from '#app/utils/i18n.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { readQuery } from '#app/utils/request-body.server.ts'

// The skills' and work modes' names are the applications' words.
export const handle: I18nHandle = { i18n: ['volunteers', 'applications'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

const isWorkMode = (v: string | undefined): v is WorkMode =>
  (WORK_MODES as readonly (string | undefined)[]).includes(v)

/** Requests for you: the open requests that fit the volunteer best. Only volunteers reach it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const search = readQuery(request)
  // A GET filter with a value it does not know is ignored rather than refused.
  const skill = textParam(search, 'skill')
  const mode = textParam(search, 'mode')
  const reader = await requestLanguage(request)
  const list = await rankedRequestsForVolunteer(user.id, reader, {
    q: textParam(search, 'q'),
    skill: skill && isVolunteerSkill(skill) ? skill : undefined,
    mode: isWorkMode(mode) ? mode : undefined,
    page: pageParam(search),
  })
  if (!list) throwNotFound('volunteers:refusals.noProfile')
  const t = await requestT(request)
  const batch = await batchSuggestionForVolunteer(user.id, reader)
  return { title: t('volunteers:forYou.title'), batch, ...list }
}

export default function RequestsForYou() {
  const { requests, page, pages, total, batch } = useLoaderData<typeof loader>()
  const [search] = useSearchParams()
  const { t } = useTranslation('volunteers')
  return (
    <>
      <h1>{t('volunteers:forYou.title')}</h1>
      <p className="lede">{t('volunteers:forYou.lede')}</p>
      {batch ? (
        <Card title={t('volunteers:batch.suggestedForYou')}>
          <p className="hint">{t('volunteers:batch.suggestedForYouHint')}</p>
          <h3>
            <Link to={`/volunteer/requests/${batch.id}`}>{batch.title}</Link>
          </h3>
          <p className="eyebrow">
            {batch.groupName} · {t(SKILL_KEYS[batch.skill as keyof typeof SKILL_KEYS])} ·{' '}
            {t(WORK_MODE_KEYS[batch.workMode])}
          </p>
          <MatchReasons score={batch.score} reasons={batch.reasons} />
        </Card>
      ) : null}
      <FilterForm label={t('volunteers:forYou.filterLabel')}>
        <TextField
          label={t('volunteers:forYou.search')}
          type="search"
          name="q"
          defaultValue={search.get('q') ?? ''}
        />
        <SelectField
          label={t('volunteers:forYou.skill')}
          placeholder={t('volunteers:forYou.anySkill')}
          name="skill"
          defaultValue={search.get('skill') ?? ''}
          options={VOLUNTEER_SKILLS.map((s) => ({ value: s, label: t(SKILL_KEYS[s]) }))}
        />
        <SelectField
          label={t('volunteers:forYou.mode')}
          placeholder={t('volunteers:forYou.anyMode')}
          name="mode"
          defaultValue={search.get('mode') ?? ''}
          options={WORK_MODES.map((m) => ({ value: m, label: t(WORK_MODE_KEYS[m]) }))}
        />
      </FilterForm>
      <h2>{t('volunteers:forYou.count', { count: total })}</h2>
      {requests.length === 0 ? (
        <EmptyState title={t('volunteers:forYou.none')}>
          <p>{t('volunteers:forYou.noneText')}</p>
        </EmptyState>
      ) : (
        <ol className="stack">
          {requests.map((r) => (
            <li key={r.id}>
              <Card
                headingLevel={3}
                title={<Link to={`/volunteer/requests/${r.id}`}>{r.title}</Link>}
              >
                <p className="eyebrow">
                  {r.groupName} · {t(SKILL_KEYS[r.skill as keyof typeof SKILL_KEYS])} ·{' '}
                  {t(WORK_MODE_KEYS[r.workMode])}
                </p>
                <MatchReasons score={r.score} reasons={r.reasons} />
              </Card>
            </li>
          ))}
        </ol>
      )}
      <Pagination
        search={search}
        {...pageLinks(page, page < pages)}
        label={t('volunteers:forYou.pages')}
      />
    </>
  )
}
