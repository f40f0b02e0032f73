import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  backupEntries,
  backupVerdict,
  draftBackupShelf,
  draftKeys,
  parseBackup,
  type BackupStorage,
  type DraftBackup,
} from '#app/lib/draft-backup.ts'

describe('backupEntries', () => {
  it('keeps typed text, including repeated names, in form order', () => {
    const data = new FormData()
    data.append('title', 'Healthy blocks')
    data.append('sdohDomains', 'housing')
    data.append('sdohDomains', 'food')
    expect(backupEntries(data.entries())).toEqual([
      ['title', 'Healthy blocks'],
      ['sdohDomains', 'housing'],
      ['sdohDomains', 'food'],
    ])
  })

  it('never keeps a password: neither a password input nor a field named like one', () => {
    const data = new FormData()
    data.append('name', 'Ana')
    data.append('secret', 'typed into a password input')
    data.append('currentPassword', 'hunter2')
    data.append('newPassword', 'hunter3')
    expect(backupEntries(data.entries(), new Set(['secret']))).toEqual([['name', 'Ana']])
  })

  it('leaves out files and the form’s own control fields', () => {
    const data = new FormData()
    data.append('version', '3')
    data.append('intent', 'next')
    data.append('file', new Blob(['x']), 'a.txt')
    data.append('summary', 'What we do')
    expect(backupEntries(data.entries())).toEqual([['summary', 'What we do']])
  })
})

describe('backupVerdict', () => {
  const backup = (over: Partial<DraftBackup> = {}): DraftBackup => ({
    version: 1000,
    savedAt: '2026-12-01T10:00:00.000Z',
    posted: false,
    entries: [['description', 'typed but not saved']],
    ...over,
  })
  const shown: [string, string][] = [['description', 'the saved text']]

  it('offers edits the server never received', () => {
    expect(backupVerdict(backup(), 1000, shown)).toBe('offer')
  })

  it('drops a posted backup once the saved version moved past it', () => {
    expect(backupVerdict(backup({ posted: true }), 2000, shown)).toBe('drop')
  })

  it('offers a posted backup whose save did not land (the version did not move)', () => {
    expect(backupVerdict(backup({ posted: true }), 1000, shown)).toBe('offer')
  })

  it('offers, marked older, unposted edits made before a newer save', () => {
    expect(backupVerdict(backup(), 2000, shown)).toBe('offer-older')
  })

  it('drops a backup holding exactly what the form already shows', () => {
    expect(backupVerdict(backup(), 1000, [['description', 'typed but not saved']])).toBe('drop')
    expect(backupVerdict(backup(), 2000, [['description', 'typed but not saved']])).toBe('drop')
  })

  it('never calls a "new record" form’s backup older (its version is always 0)', () => {
    expect(backupVerdict(backup({ version: 0, posted: true }), 0, shown)).toBe('offer')
  })
})

describe('parseBackup', () => {
  it('reads what the hook writes', () => {
    const stored: DraftBackup = {
      version: 5,
      savedAt: '2026-12-01T10:00:00.000Z',
      posted: true,
      entries: [['title', 'A']],
    }
    expect(parseBackup(JSON.stringify(stored))).toEqual(stored)
  })

  it('treats missing, broken or misshapen storage as no backup', () => {
    expect(parseBackup(null)).toBeNull()
    expect(parseBackup('{not json')).toBeNull()
    expect(parseBackup('null')).toBeNull()
    expect(parseBackup(JSON.stringify({ version: '5', savedAt: 'x', entries: [] }))).toBeNull()
    expect(parseBackup(JSON.stringify({ version: 5, savedAt: 'x' }))).toBeNull()
  })

  it('drops password-named and malformed entries even if something stored them', () => {
    const raw = JSON.stringify({
      version: 0,
      savedAt: 'x',
      posted: false,
      entries: [['name', 'Ana'], ['password', 'hunter2'], 'junk', [3, 'x']],
    })
    expect(parseBackup(raw)?.entries).toEqual([['name', 'Ana']])
  })
})

describe('draftKeys', () => {
  it('gives each record and each "new" form a key of its own', () => {
    const keys = [
      draftKeys.newOrganization('u1'),
      draftKeys.organizationProfile('o1'),
      draftKeys.newFund('o1'),
      draftKeys.fund('f1'),
      draftKeys.newProgram('f1'),
      draftKeys.programDetails('p1'),
      draftKeys.programDetails('p2'),
    ]
    expect(new Set(keys).size).toBe(keys.length)
    expect(draftKeys.programDetails('p1')).toBe('program:p1:details')
    expect(draftKeys.newFund('o1')).toBe('fund-new:o1')
  })
})

/** Node has no localStorage: the same few calls over a Map, one per "browser". */
function memoryStorage(): BackupStorage & { dump: () => string } {
  const items = new Map<string, string>()
  return {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
    key: (i) => [...items.keys()][i] ?? null,
    get length() {
      return items.size
    },
    dump: () => JSON.stringify([...items]),
  }
}

describe('draftBackupShelf: logging out on a shared computer leaves no text behind', () => {
  const typed = (text: string): DraftBackup => ({
    version: 1,
    savedAt: '2026-11-29T10:00:00.000Z',
    posted: false,
    entries: [['title', text]],
  })
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('keeps a backup 400 ms after the last keystroke, and reads it back', () => {
    const storage = memoryStorage()
    const shelf = draftBackupShelf(() => storage)
    shelf.open('app:1:project').later(() => typed('Healthy blocks'), 400)
    expect(shelf.read('app:1:project')).toBeNull()
    vi.advanceTimersByTime(400)
    expect(shelf.read('app:1:project')?.entries).toEqual([['title', 'Healthy blocks']])
  })

  it('leaving the page within the pause keeps the last change at once (a reload lost a ticked box)', () => {
    const storage = memoryStorage()
    const shelf = draftBackupShelf(() => storage)
    const writer = shelf.open('program:1:details')
    writer.now(typed('Described'))
    writer.later(() => typed('Described, and a box ticked'), 400)
    writer.flush()
    expect(shelf.read('program:1:details')?.entries).toEqual([
      ['title', 'Described, and a box ticked'],
    ])
    // Kept once: the pause ending later writes nothing new, and a second flush is a no-op.
    storage.removeItem('commons-draft:program:1:details')
    vi.advanceTimersByTime(400)
    writer.flush()
    expect(shelf.read('program:1:details')).toBeNull()
  })

  it('leaving the page after a logout keeps nothing that was pending', () => {
    const storage = memoryStorage()
    const shelf = draftBackupShelf(() => storage)
    const writer = shelf.open('app:1:project')
    writer.later(() => typed('Left on a shared computer'), 400)
    shelf.forgetAll()
    writer.flush()
    expect(storage.dump()).not.toContain('Left on a shared computer')
  })

  it('a backup still pending when the person logs out never lands (the flaky e2e test)', () => {
    const storage = memoryStorage()
    const shelf = draftBackupShelf(() => storage)
    // The blur as Log out is pressed fires `change`, which schedules one more write.
    shelf.open('app:1:project').later(() => typed('Left on a shared computer'), 400)
    shelf.forgetAll()
    vi.advanceTimersByTime(5_000)
    expect(storage.dump()).not.toContain('Left on a shared computer')
  })

  it('a form left open in another tab writes nothing after a logout in this one', () => {
    const storage = memoryStorage()
    const otherTab = draftBackupShelf(() => storage)
    const thisTab = draftBackupShelf(() => storage)
    const stale = otherTab.open('app:1:project')
    thisTab.forgetAll()
    stale.now(typed('Typed in the other tab'))
    stale.later(() => typed('Typed later in the other tab'), 400)
    vi.advanceTimersByTime(400)
    expect(storage.dump()).not.toContain('Typed')
  })

  it('forms opened after logging in again keep backups as before', () => {
    const storage = memoryStorage()
    const shelf = draftBackupShelf(() => storage)
    shelf.open('app:1:project').now(typed('First person'))
    shelf.forgetAll()
    expect(storage.dump()).not.toContain('First person')
    shelf.open('app:2:project').now(typed('Next person'))
    expect(shelf.read('app:2:project')?.entries).toEqual([['title', 'Next person']])
  })

  it('storage that throws means no backup, never an error', () => {
    const shelf = draftBackupShelf(() => {
      throw new Error('SecurityError: storage is disabled')
    })
    expect(() => {
      shelf.open('k').now(typed('x'))
      shelf.forgetAll()
    }).not.toThrow()
    expect(shelf.read('k')).toBeNull()
  })
})
