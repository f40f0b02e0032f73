/**
 * React 18 puts a textarea back to its server-rendered text while hydrating, so what a user
 * typed into one before the scripts arrived (a slow phone connection) would vanish. The client
 * entry notes such text just before hydrating, and the draft backup takes it back afterwards.
 */
const typed = new WeakMap<HTMLTextAreaElement, string>()

export function notePreHydrationTyping(root: ParentNode) {
  for (const el of root.querySelectorAll('textarea')) {
    if (el.value !== el.defaultValue) typed.set(el, el.value)
  }
}

/** The text typed into this textarea before hydration, once; undefined when there was none. */
export function takePreHydrationTyping(el: HTMLTextAreaElement): string | undefined {
  const value = typed.get(el)
  typed.delete(el)
  return value
}
