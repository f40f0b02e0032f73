import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Copies a text to the clipboard and says so. It appears only once the page runs in a browser
 * that offers the clipboard; without it the text stays selectable where it is shown.
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation()
  const [available, setAvailable] = useState(false)
  const [copied, setCopied] = useState(false)
  useEffect(() => setAvailable(Boolean(navigator.clipboard)), [])
  if (!available) return null
  return (
    <p className="actions">
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => {
          void navigator.clipboard.writeText(text).then(() => setCopied(true))
        }}
      >
        {label}
      </button>
      <span role="status">{copied ? t('common:copyButton.copied') : ''}</span>
    </p>
  )
}
