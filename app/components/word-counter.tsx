import { useEffect, useState } from 'react'
import { wordCount } from '#app/schemas/applications/application.ts'

/** How long typing pauses before the count changes (and is announced): not every keystroke. */
const SETTLE_MS = 700

const number = (n: number) => n.toLocaleString('en-US')

/**
 * "n of N words" under a word-limited text box, updated once typing pauses, and announced
 * politely then. Over the limit it reads as an error, saying by how much. The same count as the
 * schemas (`wordCount`), so the counter and the save agree.
 */
export function WordCounter({ text, limit }: { text: string; limit: number }) {
  const [count, setCount] = useState(() => wordCount(text))
  useEffect(() => {
    const settled = setTimeout(() => setCount(wordCount(text)), SETTLE_MS)
    return () => clearTimeout(settled)
  }, [text])
  const over = count - limit
  return (
    <p className={over > 0 ? 'word-count word-count-over' : 'word-count'} aria-live="polite">
      {over > 0
        ? `${number(count)} of ${number(limit)} words: ${number(over)} over the limit`
        : `${number(count)} of ${number(limit)} words`}
    </p>
  )
}
