import { describe, expect, it } from 'vitest'
import {
  AddMemberSchema,
  NewOrganizationSchema,
  OrganizationReceiptSchema,
} from '#app/schemas/organization.ts'
import { slugify } from '#app/services/slugs.server.ts'

describe('organisation schema', () => {
  const base = { kind: 'community_group', name: 'Eastside Health' }

  it('fills optional text with empty strings and an empty budget band with null', () => {
    const parsed = NewOrganizationSchema.parse({ ...base, budgetBand: '' })
    expect(parsed).toMatchObject({ mission: '', website: '', budgetBand: null })
  })

  it('needs a kind and a name', () => {
    const result = NewOrganizationSchema.safeParse({ name: ' ' })
    expect(result.success).toBe(false)
    const paths = result.success ? [] : result.error.issues.map((i) => i.path[0])
    expect(paths).toEqual(expect.arrayContaining(['kind', 'name']))
  })

  it('wants a full web address', () => {
    expect(NewOrganizationSchema.safeParse({ ...base, website: 'example.org' }).success).toBe(false)
    expect(
      NewOrganizationSchema.safeParse({ ...base, website: 'https://example.org' }).success,
    ).toBe(true)
  })

  it('rejects an unknown budget band', () => {
    expect(NewOrganizationSchema.safeParse({ ...base, budgetBand: 'lots' }).success).toBe(false)
  })

  it('rejects an unknown role for a new member', () => {
    expect(AddMemberSchema.safeParse({ email: 'a@b.org', role: 'superuser' }).success).toBe(false)
  })
})

describe('slugify', () => {
  it.each([
    ['Eastside Health Collective', 'eastside-health-collective'],
    ['  Café Niños & Familias!! ', 'cafe-ninos-familias'],
    ['!!!', 'organization'],
  ])('%s → %s', (name, slug) => expect(slugify(name)).toBe(slug))
})

describe('receipt details schema', () => {
  const errorOf = (input: Record<string, string>) => {
    const result = OrganizationReceiptSchema.safeParse(input)
    return result.success ? null : result.error.issues.map((i) => [i.path[0], i.message])
  }

  it('trims both and lets either be empty', () => {
    expect(
      OrganizationReceiptSchema.parse({
        legalName: '  Riverbend Community Foundation, Inc. ',
        registrationNumber: ' 31-1234567 ',
      }),
    ).toEqual({
      legalName: 'Riverbend Community Foundation, Inc.',
      registrationNumber: '31-1234567',
    })
    expect(OrganizationReceiptSchema.parse({})).toEqual({ legalName: '', registrationNumber: '' })
  })

  it('takes letters, digits, spaces, hyphens, dots and slashes in a registration number', () => {
    for (const ok of ['12-3456789', 'RCN 1234/56.7', 'Nº 12 ÁB']) {
      expect(errorOf({ registrationNumber: ok })).toBe(null)
    }
    for (const bad of ['12_345', '<b>1</b>', '12,345', 'EIN: 12']) {
      expect(errorOf({ registrationNumber: bad })).toEqual([
        ['registrationNumber', 'validation:organization.registrationNumber.invalid'],
      ])
    }
  })

  it('keeps a registration number to 50 characters', () => {
    expect(errorOf({ registrationNumber: '1'.repeat(50) })).toBe(null)
    expect(errorOf({ registrationNumber: '1'.repeat(51) })?.[0]?.[0]).toBe('registrationNumber')
  })
})
