import { data, type HeadersFunction, type LoaderFunctionArgs } from '@remix-run/node'
import type { MetaFunction } from '@remix-run/react'
import { useLoaderData } from '@remix-run/react'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { PrintButton } from '#app/components/print-button.tsx'
import { receiptText } from '#app/domain/donations/receipt.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { findReceiptByToken, receiptPath } from '#app/services/donations/receipts.server.ts'
import { throwNotFound } from '#app/utils/http.server.ts'
import { fixedT, requestLanguage } from '#app/utils/i18n.server.ts'
import { RECEIPT_HEADERS } from '#app/utils/receipts.server.ts'

export const handle: I18nHandle = { i18n: ['donations'] }

/** A receipt names the donor: never kept by a cache, never indexed. */
export const headers: HeadersFunction = () => RECEIPT_HEADERS

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...titleMeta(data, matches),
  { name: 'robots', content: 'noindex' },
]

/**
 * A gift's receipt, printable (the print stylesheet leaves the receipt alone on the page), with
 * its PDF. Whoever holds the link (mailed to the donor, shown on the thanks page) may read it; an
 * unknown link and a gift not received yet are both 404. In the reader's language.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = await requestLanguage(request)
  const gift = await findReceiptByToken(params.token ?? '', language)
  if (!gift) throwNotFound('donations:receipt.notFound')
  const text = receiptText(gift.receipt, fixedT(language), language)
  return data(
    { title: text.title, text, pdfPath: `${receiptPath(gift.token)}/pdf` },
    { headers: RECEIPT_HEADERS },
  )
}

export default function ReceiptPage() {
  const { text, pdfPath } = useLoaderData<typeof loader>()
  const { t } = useTranslation('donations')
  return (
    <article className="receipt">
      <h1>{text.title}</h1>
      {text.void ? (
        <p className="receipt-void">
          <strong>{text.refund}</strong>
        </p>
      ) : (
        <p>{t('donations:receipt.thanks')}</p>
      )}
      <p className="receipt-actions">
        <PrintButton label={t('donations:receipt.print')} />
        <a className="btn btn-secondary" href={pdfPath} download>
          {t('donations:receipt.download')}
        </a>
      </p>
      <h2 className="visually-hidden">{t('donations:receipt.details')}</h2>
      <dl className="facts receipt-facts">
        {text.rows.map((row) => (
          <Fragment key={row.label}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </Fragment>
        ))}
      </dl>
      {text.tribute ? <p>{text.tribute}</p> : null}
      {text.refund && !text.void ? (
        <p>
          <strong>{text.refund}</strong>
        </p>
      ) : null}
      <p>
        <strong>{text.statement}</strong>
      </p>
    </article>
  )
}
