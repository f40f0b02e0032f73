import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { wordCount } from '#app/schemas/applications/application.ts'

/** How long typing pauses before the count changes (and is announced): not every keystroke. */
const SETTLE_MS = 700

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
  const { t } = useTranslation('applications')
  const { number } = useFormatters()
  const over = count - limit
  return (
    <p className={over > 0 ? 'word-count word-count-over' : 'word-count'} aria-live="polite">
      {over > 0
        ? t('applications:steps.wordsOver', {
            count: limit,
            written: number(count),
            limit: number(limit),
            over: number(over),
          })
        : t('applications:steps.words', {
            count: limit,
            written: number(count),
            limit: number(limit),
          })}
    </p>
  )
}
