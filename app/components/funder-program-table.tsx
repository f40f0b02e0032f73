import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { PROGRAM_STATUS_KEYS } from '#app/domain/programs/funder-words.ts'
import type { ProgramStatus } from '#app/domain/programs/program-status.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
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
 * A funder's programs with the way into each one's applications, most pressing first. Its words
 * are in `common` (`funderProgramTable.*`), so the pages that show it need no other namespace.
 */
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
  const { t } = useTranslation()
  const format = useFormatters()
  /**
   * When the program closes, or for one that has closed, when it did (closing early records the
   * moment as its closing time), so a past date never reads as a deadline still to come.
   */
  const closing = (p: FunderProgram) => {
    const when = p.closesAt ? format.dateTime(p.closesAt, p.timeZone) : null
    if (HAS_CLOSED.includes(p.status))
      return when
        ? t('common:funderProgramTable.closedAt', { when })
        : t('common:funderProgramTable.closed')
    return when ?? t('common:funderProgramTable.notSet')
  }
  const base = (p: FunderProgram) => `/orgs/${p.organizationSlug}/programs/${p.slug}`
  const columns: Column<FunderProgram>[] = [
    {
      header: t('common:funderProgramTable.program'),
      cell: (p) => <Link to={base(p)}>{p.title}</Link>,
    },
    ...(showFunder
      ? [
          {
            header: t('common:funderProgramTable.funder'),
            cell: (p: FunderProgram) => p.organizationName,
          },
        ]
      : []),
    { header: t('common:funderProgramTable.fund'), cell: (p) => p.fundName },
    {
      header: t('common:funderProgramTable.status'),
      cell: (p) => t(PROGRAM_STATUS_KEYS[p.status]),
    },
    { header: t('common:funderProgramTable.closes'), cell: closing },
    {
      header: t('common:funderProgramTable.applications'),
      numeric: true,
      cell: (p) => (
        <Link
          to={`${base(p)}/applications`}
          aria-label={t('common:funderProgramTable.submittedTo', {
            count: p.submitted,
            title: p.title,
          })}
        >
          {format.number(p.submitted)}
        </Link>
      ),
    },
  ]
  return <DataTable caption={caption} rows={programs} rowKey={(p) => p.id} columns={columns} />
}
