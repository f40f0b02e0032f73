import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ShownText } from '#app/domain/bilingual.ts'

/** The note under funder-written words shown in the other language than the reader's. */
export function UntranslatedNote({ shown }: { shown: ShownText | readonly ShownText[] }) {
  const { t } = useTranslation()
  const list = Array.isArray(shown) ? shown : [shown as ShownText]
  if (!list.some((s) => s.untranslated)) return null
  return <p className="hint untranslated-note">{t('common:content.untranslated')}</p>
}

/**
 * Funder-written words in a block, marked with the language they are in (so a screen reader
 * reads Spanish as Spanish on an English page), with the note when they were not translated.
 * `children` renders the text (paragraphs); without it the text is shown as it is.
 */
export function ContentBlock({ shown, children }: { shown: ShownText; children?: ReactNode }) {
  return (
    <>
      <div lang={shown.lang}>{children ?? shown.text}</div>
      <UntranslatedNote shown={shown} />
    </>
  )
}

/** Funder-written words inside a line (a heading, a label, an option), marked with their language. */
export function ContentText({ shown }: { shown: ShownText }) {
  const { t } = useTranslation()
  return (
    <>
      <span lang={shown.lang}>{shown.text}</span>
      {shown.untranslated ? (
        <span className="untranslated-note"> ({t('common:content.untranslatedShort')})</span>
      ) : null}
    </>
  )
}
