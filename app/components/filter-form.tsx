import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** A GET form: filters live in the URL, so they can be bookmarked and work without JavaScript. */
export function FilterForm({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <Form method="get" className="filters" role="search" aria-label={label}>
      {children}
      <button type="submit" className="btn btn-secondary">
        {t('common:filterForm.submit')}
      </button>
    </Form>
  )
}
