import { describe, expect, it } from 'vitest'
import {
  backupEntries,
  backupVerdict,
  draftKeys,
  parseBackup,
  type DraftBackup,
} from '#app/utils/draft-backup.ts'

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
