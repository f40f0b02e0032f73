import { Link } from '@remix-run/react'
import { Moment } from './moment.tsx'
import { DataTable } from './table.tsx'

/** One audit row as the loaders send it: dates as ISO text, details as readable lines. */
export interface AuditRowView {
  id: number
  at: string
  action: string
  entityType: string
  entityId: string
  ip: string | null
  actorUserId: string | null
  actorName: string | null
  actorEmail: string | null
  entity: { label: string; detail?: string; href?: string } | null
  details: { key: string; value: string }[]
}

/** Details as "key: value" lines an admin can read, nested values kept on their line. */
export function detailLines(details: Record<string, unknown>) {
  return Object.entries(details).map(([key, value]) => ({
    key,
    value: typeof value === 'string' ? value : JSON.stringify(value),
  }))
}

/** A service's audit row made ready to send to the browser. */
export function auditRowView<T extends { at: Date; details: Record<string, unknown> }>(row: T) {
  return { ...row, at: row.at.toISOString(), details: detailLines(row.details) }
}

/** Who did it: their name, linking to their admin page, and their email below. */
function ActorCell({ row }: { row: AuditRowView }) {
  if (!row.actorEmail || !row.actorUserId) return <>system</>
  return (
    <>
      <Link to={`/admin/users/${row.actorUserId}`}>{row.actorName}</Link>
      <br />
      <span className="hint">{row.actorEmail}</span>
    </>
  )
}

/**
 * What it was about, by name where the entity still exists; the raw type and id stay on the
 * page (small, and in the title) because support asks for them.
 */
function EntityCell({ row }: { row: AuditRowView }) {
  const raw = `${row.entityType} ${row.entityId}`
  const { entity } = row
  return (
    <span title={raw}>
      {entity ? (
        <>
          {entity.href ? <Link to={entity.href}>{entity.label}</Link> : entity.label}
          {entity.detail ? (
            <>
              <br />
              <span className="hint">{entity.detail}</span>
            </>
          ) : null}
          <br />
        </>
      ) : null}
      <small className="hint">{raw}</small>
    </span>
  )
}

export function AuditTable({ caption, rows }: { caption: string; rows: AuditRowView[] }) {
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(r) => String(r.id)}
      columns={[
        { header: 'When', cell: (r) => <Moment iso={r.at} /> },
        { header: 'Actor', cell: (r) => <ActorCell row={r} /> },
        { header: 'Action', cell: (r) => <code>{r.action}</code> },
        { header: 'Entity', cell: (r) => <EntityCell row={r} /> },
        { header: 'Address', cell: (r) => r.ip ?? '' },
        {
          header: 'Details',
          cell: (r) => (
            <dl className="details">
              {r.details.map((d) => (
                <div key={d.key}>
                  <dt>{d.key}:</dt> <dd>{d.value}</dd>
                </div>
              ))}
            </dl>
          ),
        },
      ]}
    />
  )
}
