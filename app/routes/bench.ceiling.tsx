import type { MetaFunction } from '@remix-run/node'
import { useTranslation } from 'react-i18next'
import { type I18nHandle } from '#app/lib/i18n/config.ts'

/**
 * The framework's ceiling for `npm run bench:load`: a page with no loader of its own, rendered
 * through the root route like every page, so its throughput is what any page can reach at most.
 * (Its title stays a fixed word: a loader to translate it would lower the very ceiling measured.)
 */
export const handle: I18nHandle = { i18n: ['admin'] }

export const meta: MetaFunction = () => [
  { title: 'Ceiling · Commons Fund' },
  { name: 'robots', content: 'noindex' },
]

export default function Ceiling() {
  const { t } = useTranslation('admin')
  return <h1>{t('admin:bench.ceiling')}</h1>
}
