import { isSecretField } from './forms.ts'

/** Which browser backup a form uses: one key per record the user sees, and its saved version. */
export interface DraftBackupKey {
  key: string
  /**
   * The server version the form was loaded at: a version counter, the record's `updatedAt` in
   * epoch milliseconds, or 0 for a form that creates a record.
   */
  version: number
}

export type Entries = [string, string][]

export interface DraftBackup {
  /** The server version the user was editing when they typed this. */
  version: number
  savedAt: string
  /** Set when the form was posted; cleared by the next page if the save went through. */
  posted: boolean
  entries: Entries
}

/** Keys of the funder and organisation forms; the actions name them again when a save lands. */
export const draftKeys = {
  newOrganization: (userId: string) => `org-new:${userId}`,
  organizationProfile: (organizationId: string) => `org:${organizationId}:profile`,
  newFund: (organizationId: string) => `fund-new:${organizationId}`,
  fund: (fundId: string) => `fund:${fundId}`,
  newProgram: (fundId: string) => `program-new:${fundId}`,
  programDetails: (programId: string) => `program:${programId}:details`,
  criterion: (criterionId: string) => `criterion:${criterionId}`,
  newQuestion: (programId: string) => `question-new:${programId}`,
  question: (questionId: string) => `question:${questionId}`,
}

/** Fields that carry no typing of the user's: the version the form was loaded at, the button. */
const CONTROL_FIELDS = new Set(['version', 'intent'])

/**
 * The part of a form's data worth keeping: text only (no files), never the form's own control
 * fields, and never a password, whether named like one or typed into a password input.
 */
export function backupEntries(
  data: Iterable<[string, FormDataEntryValue]>,
  passwordInputs: ReadonlySet<string> = new Set(),
): Entries {
  return [...data].filter(
    (e): e is [string, string] =>
      typeof e[1] === 'string' &&
      !CONTROL_FIELDS.has(e[0]) &&
      !passwordInputs.has(e[0]) &&
      !isSecretField(e[0]),
  )
}

/**
 * What to do with a backup found when the form opens at `version` showing `shown`: drop it when
 * the server has it (posted, and the version moved since) or when it holds nothing the form does
 * not already show; otherwise offer it, saying so when a newer version was saved after it.
 */
export function backupVerdict(
  backup: DraftBackup,
  version: number,
  shown: Entries,
): 'drop' | 'offer' | 'offer-older' {
  if (backup.posted && version > backup.version) return 'drop'
  if (JSON.stringify(backup.entries) === JSON.stringify(shown)) return 'drop'
  return backup.version < version ? 'offer-older' : 'offer'
}

/** Reads a stored backup; anything unreadable or misshapen counts as none. */
export function parseBackup(raw: string | null): DraftBackup | null {
  if (!raw) return null
  try {
    const value = JSON.parse(raw) as Partial<DraftBackup> | null
    if (
      !value ||
      typeof value.version !== 'number' ||
      typeof value.savedAt !== 'string' ||
      !Array.isArray(value.entries)
    )
      return null
    return {
      version: value.version,
      savedAt: value.savedAt,
      posted: value.posted === true,
      entries: backupEntries(
        value.entries.filter(
          (e): e is [string, string] => Array.isArray(e) && typeof e[0] === 'string',
        ),
      ),
    }
  } catch {
    return null
  }
}
