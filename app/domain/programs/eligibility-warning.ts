/**
 * Words by which an eligibility rule would gate on a protected characteristic (race, colour,
 * ethnicity, national origin, religion, sex, gender), in English and Spanish. A rule that
 * admits or excludes applicants by these carries legal risk for a US funder (Title VI and VII of
 * the Civil Rights Act, 42 U.S.C. § 1981, and the post-2023 challenges to race-conscious
 * grant programs), so the program form warns, and suggests place- and need-based criteria
 * (place vulnerability, budget size, leadership by people with lived experience) instead. It
 * warns, never refuses: the words can be innocent ("religious buildings used as shelters"), and
 * only a person can judge. Matching is on whole words, case- and accent-insensitive, so
 * "Black-led" warns and "blackberry" does not.
 */
const PROTECTED_TERMS = [
  // The characteristics named.
  'race',
  'races',
  'racial',
  'racially',
  'ethnicity',
  'ethnicities',
  'ethnic',
  'national origin',
  'nationality',
  'religion',
  'religions',
  'religious',
  'faith-based',
  'sex',
  'gender',
  'genders',
  // Groups named by them.
  'black',
  'white',
  'african american',
  'african-american',
  'hispanic',
  'latino',
  'latina',
  'latinx',
  'latine',
  'asian',
  'asian american',
  'native american',
  'indigenous',
  'christian',
  'muslim',
  'jewish',
  'catholic',
  'women',
  'woman',
  'men',
  'female',
  'male',
  // Spanish.
  'raza',
  'razas',
  'etnia',
  'etnias',
  'etnico',
  'etnica',
  'origen nacional',
  'nacionalidad',
  'religion',
  'religiones',
  'religioso',
  'religiosa',
  'sexo',
  'genero',
  'negro',
  'negra',
  'negros',
  'negras',
  'afroamericano',
  'afroamericana',
  'afroamericanos',
  'afroamericanas',
  'blanco',
  'blanca',
  'blancos',
  'blancas',
  'hispano',
  'hispana',
  'hispanos',
  'hispanas',
  'latinos',
  'latinas',
  'indigena',
  'indigenas',
  'cristiano',
  'cristiana',
  'musulman',
  'musulmana',
  'judio',
  'judia',
  'catolico',
  'catolica',
  'mujer',
  'mujeres',
  'hombre',
  'hombres',
] as const

/** Lower case without accents, so "Religión" and "religion" are the same word. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')

/** One pattern for every term, each bounded by non-letters (a hyphen is a boundary). */
const PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...new Set(PROTECTED_TERMS)]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
)

/**
 * The protected-characteristic words an eligibility text uses, folded (lower case, no accents),
 * each once, in the order they first appear; empty when there is nothing to warn about.
 */
export function protectedCharacteristicTerms(text: string): string[] {
  const found = fold(text).match(PATTERN) ?? []
  return [...new Set(found.map((t) => t.replace(/\s+/g, ' ')))]
}
