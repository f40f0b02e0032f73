import type { Message } from '#app/lib/i18n/message.ts'
import { resolvePlaceField } from '#app/services/places.server.ts'

/**
 * The one county a profile or request names, from the picker's hidden input or, without
 * JavaScript, a typed line; none is fine, more than one is refused, as is a line that matches no
 * county (with the picker's own explanation).
 */
export async function resolveOnePlace(
  fips: readonly string[],
  text: string,
): Promise<{ ok: true; fips: string | null } | { ok: false; error: Message }> {
  const { places, unmatched } = await resolvePlaceField({ fips, text })
  if (unmatched.length) return { ok: false, error: unmatched }
  if (places.length > 1) return { ok: false, error: 'validation:volunteers.onePlace' }
  return { ok: true, fips: places[0]?.fips ?? null }
}
