/**
 * Blind review: what stands in for a name, an address or a website the group wrote into its own
 * words. Not a word of any language, so both languages read it the same.
 */
export const REDACTED = '[…]'

/** Shorter than this, an identifier (initials, "Co") would blank out ordinary words. */
const MIN_IDENTIFIER = 3

/** The forms a website is written in: as given, and its bare host ("eastside.org"). */
export function websiteForms(website: string): string[] {
  const given = website.trim()
  if (!given) return []
  const host = given
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/[/?#].*$/, '')
  return [given, host]
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Under blind review the reviewer reads the group's words with every literal mention of who they
 * are (the organisation's name, its people's names and emails, its website) replaced by
 * REDACTED, ignoring case, as whole words. Longer identifiers go first, so "Eastside Health Collective" is
 * replaced whole before "Eastside" could be. A name written differently (a nickname, a
 * misspelling) is not found.
 */
export function redactIdentity(text: string, identifiers: readonly string[]): string {
  const forms = [
    ...new Set(identifiers.map((i) => i.trim()).filter((i) => i.length >= MIN_IDENTIFIER)),
  ]
  if (forms.length === 0 || !text) return text
  forms.sort((a, b) => b.length - a.length)
  // Whole words only: a member called "Ana" leaves "analysis" alone.
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${forms.map(escape).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  )
  return text.replace(pattern, REDACTED)
}
