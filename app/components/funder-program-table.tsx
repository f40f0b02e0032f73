import { Link } from '@remix-run/react'
import { PROGRAM_STATUS_LABELS } from '#app/domain/programs/program-status.ts'
import type { ProgramStatus } from '#app/domain/programs/program-status.ts'
import { formatDateTime } from '#app/lib/format.ts'
import { DataTable, type Column } from './table.tsx'

export interface FunderProgram {
  id: string
  slug: string
  title: string
  status: ProgramStatus
  closesAt: string | null
  timeZone: string
  fundName: string
  organizationName: string
  organizationSlug: string
  submitted: number
}

/** Past the open stage a program no longer takes applications: it has closed. */
const HAS_CLOSED: readonly ProgramStatus[] = ['closed', 'in_review', 'decided']

/**
 * When the program closes, or for one that has closed, when it did (closing early records the
 * moment as its closing time), so a past date never reads as a deadline still to come.
 */
function closing(p: FunderProgram) {
  const when = p.closesAt ? formatDateTime(p.closesAt, p.timeZone) : null
  if (HAS_CLOSED.includes(p.status)) return when ? `Closed ${when}` : 'Closed'
  return when ?? 'Not set'
}

/** A funder's programs with the way into each one's applications, most pressing first. */
export function FunderProgramTable({
  caption,
  programs,
  showFunder,
}: {
  caption: string
  programs: FunderProgram[]
  /** On the dashboard a user may manage programs for several funders. */
  showFunder: boolean
}) {
  const base = (p: FunderProgram) => `/orgs/${p.organizationSlug}/programs/${p.slug}`
  const columns: Column<FunderProgram>[] = [
    { header: 'Program', cell: (p) => <Link to={base(p)}>{p.title}</Link> },
    ...(showFunder ? [{ header: 'Funder', cell: (p: FunderProgram) => p.organizationName }] : []),
    { header: 'Fund', cell: (p) => p.fundName },
    { header: 'Status', cell: (p) => PROGRAM_STATUS_LABELS[p.status] },
    { header: 'Closes', cell: closing },
    {
      header: 'Applications',
      numeric: true,
      cell: (p) => (
        <Link to={`${base(p)}/applications`} aria-label={`${p.submitted} submitted to ${p.title}`}>
          {p.submitted}
        </Link>
      ),
    },
  ]
  return <DataTable caption={caption} rows={programs} rowKey={(p) => p.id} columns={columns} />
}
