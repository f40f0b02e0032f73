import type { ReactNode } from 'react'

export function Card({
  title,
  children,
  actions,
  headingLevel = 2,
}: {
  title?: ReactNode
  children: ReactNode
  actions?: ReactNode
  headingLevel?: 2 | 3
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section className="card">
      {title || actions ? (
        <header className="card-header">
          {title ? <Heading>{title}</Heading> : null}
          {actions ? <div className="card-actions">{actions}</div> : null}
        </header>
      ) : null}
      {children}
    </section>
  )
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  )
}
