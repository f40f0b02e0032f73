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
  grantReport: (milestoneId: string) => `grant-report:${milestoneId}`,
  volunteerProfile: (userId: string) => `volunteer:${userId}`,
  newVolunteerRequest: (organizationId: string, projectType: string) =>
    `volunteer-request-new:${organizationId}:${projectType}`,
  volunteerRequest: (requestId: string) => `volunteer-request:${requestId}`,
}

/**
 * Marks a hidden input that stands for something chosen (a county in the place picker) which its
 * value alone cannot show again: the backup keeps this attribute's JSON in place of the value,
 * and on restore the control owning the name takes the items back from DRAFT_RESTORE_EVENT.
 */
export const DRAFT_ITEM_ATTRIBUTE = 'data-draft-item'

/**
 * Dispatched on the form when a backup is restored, with every restored name's values (a
 * Record<string, string[]>), so that controls which render their own inputs can restore themselves.
 */
export const DRAFT_RESTORE_EVENT = 'draft-backup-restore'

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

/** The part of the Web Storage API the backups use. */
export type BackupStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>

const BACKUP_PREFIX = 'commons-draft:'
/**
 * Changes whenever someone logs out in this browser. A form notes it when it opens and writes
 * nothing once it has changed: a backup still pending at logout (the 400 ms pause after the last
 * keystroke, or the `change` a blur fires as the Log out button is pressed) and a form left open
 * in another tab would otherwise put the last person's text back after logout cleared it.
 */
const EPOCH_KEY = 'commons-draft-epoch'

/**
 * This browser's unsaved-edit backups, one per form key, in `storage` (localStorage in the app).
 * Every access is guarded: storage that is full, disabled or missing only means no backup.
 */
export function draftBackupShelf(
  storage: () => BackupStorage,
  timers: {
    set: (run: () => void, ms: number) => unknown
    clear: (handle: unknown) => void
  } = { set: (run, ms) => setTimeout(run, ms), clear: (h) => clearTimeout(h as number) },
) {
  const pending = new Set<unknown>()
  const attempt = <T>(act: (s: BackupStorage) => T, otherwise: T): T => {
    try {
      return act(storage())
    } catch {
      return otherwise
    }
  }
  const epoch = () => attempt((s) => s.getItem(EPOCH_KEY), null)

  return {
    read: (key: string) => attempt((s) => parseBackup(s.getItem(BACKUP_PREFIX + key)), null),
    forget: (key: string) => attempt((s) => s.removeItem(BACKUP_PREFIX + key), undefined),

    /**
     * Drops every backup in this browser and stops every writer opened before now, here or in
     * another tab, cancelling their pending writes. Run on logout.
     */
    forgetAll() {
      for (const handle of pending) timers.clear(handle)
      pending.clear()
      attempt((s) => {
        s.setItem(EPOCH_KEY, `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`)
        const keys = Array.from({ length: s.length }, (_, i) => s.key(i))
        for (const key of keys) if (key?.startsWith(BACKUP_PREFIX)) s.removeItem(key)
      }, undefined)
    },

    /**
     * A writer for one form, valid until the next logout: `now` keeps a backup at once, `later`
     * after `ms` without another call, `flush` keeps what is pending at once (the page is being
     * left: a reload or a closed tab within the pause would lose the last change), `cancel` drops
     * what is pending (the form is gone).
     */
    open(key: string) {
      const openedIn = epoch()
      let timer: unknown
      let pendingBackup: (() => DraftBackup) | undefined
      const cancel = () => {
        pendingBackup = undefined
        if (timer === undefined) return
        timers.clear(timer)
        pending.delete(timer)
        timer = undefined
      }
      const now = (backup: DraftBackup) => {
        cancel()
        if (epoch() !== openedIn) return
        attempt((s) => s.setItem(BACKUP_PREFIX + key, JSON.stringify(backup)), undefined)
      }
      const later = (backup: () => DraftBackup, ms: number) => {
        cancel()
        const handle = timers.set(() => {
          pending.delete(handle)
          if (timer === handle) timer = undefined
          pendingBackup = undefined
          now(backup())
        }, ms)
        timer = handle
        pendingBackup = backup
        pending.add(handle)
      }
      const flush = () => {
        // Nothing pending, or logout cancelled it (its timer is gone from `pending`).
        if (!pendingBackup || !pending.has(timer)) return
        now(pendingBackup())
      }
      return { now, later, flush, cancel }
    },
  }
}
