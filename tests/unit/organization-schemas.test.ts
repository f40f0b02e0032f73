import { describe, expect, it } from 'vitest'
import { AddMemberSchema, NewOrganizationSchema } from '#app/schemas/organization.ts'
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
