import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { findGivingFund } from '#app/services/donations/giving.server.ts'
import { throwNotFound } from '#app/utils/http.server.ts'
import { requestLanguage, requestT } from '#app/utils/i18n.server.ts'

export const handle: I18nHandle = { i18n: ['donations'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

/** Where Stripe sends a donor who left the checkout: nothing was charged. Anyone may see it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const fund = await findGivingFund(params.fundSlug ?? '', await requestLanguage(request))
  if (!fund) throwNotFound('donations:give.notFound')
  const t = await requestT(request)
  return { title: t('donations:cancelled.title'), fund: { name: fund.name, slug: fund.slug } }
}

export default function Cancelled() {
  const { fund } = useLoaderData<typeof loader>()
  const { t } = useTranslation('donations')
  return (
    <>
      <h1>{t('donations:cancelled.title')}</h1>
      <p>{t('donations:cancelled.text')}</p>
      <p className="actions">
        <Link className="btn btn-primary" to={`/funds/${fund.slug}/give`}>
          {t('donations:cancelled.again')}
        </Link>
        <Link to={`/funds/${fund.slug}`}>{t('donations:thanks.back', { fund: fund.name })}</Link>
      </p>
    </>
  )
}
