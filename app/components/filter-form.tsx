import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'

/** A GET form: filters live in the URL, so they can be bookmarked and work without JavaScript. */
export function FilterForm({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Form method="get" className="filters" role="search" aria-label={label}>
      {children}
      <button type="submit" className="btn btn-secondary">
        Filter
      </button>
    </Form>
  )
}
