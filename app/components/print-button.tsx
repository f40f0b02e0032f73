import { useEffect, useState } from 'react'

/**
 * Opens the browser's print dialog. It appears only once the page runs scripts; without them the
 * browser's own Print does the same.
 */
export function PrintButton({ label }: { label: string }) {
  const [available, setAvailable] = useState(false)
  useEffect(() => setAvailable(typeof window.print === 'function'), [])
  if (!available) return null
  return (
    <button type="button" className="btn btn-secondary" onClick={() => window.print()}>
      {label}
    </button>
  )
}
