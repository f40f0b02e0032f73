import './gift-split.css'

export interface SplitPart {
  key: string
  amountMinor: number
  /** What is still in the fund (drawn in the second tone), rather than a grant. */
  inFund?: boolean
}

/**
 * A gift's split as one bar: a segment per grant it funded and one for what is still in the
 * fund, each as wide as its share. Drawn as plain SVG (no JavaScript, no inline styles); hidden
 * from screen readers because the sentence beside it says the same with the amounts.
 */
export function GiftSplit({ parts }: { parts: SplitPart[] }) {
  const shown = parts.filter((p) => p.amountMinor > 0)
  const total = shown.reduce((sum, p) => sum + p.amountMinor, 0)
  if (total === 0 || shown.length === 0) return null
  let x = 0
  return (
    <svg className="gift-split" aria-hidden="true" focusable="false" width="100%" height="16">
      {shown.map((part) => {
        const width = (part.amountMinor / total) * 100
        const rect = (
          <rect
            key={part.key}
            className={part.inFund ? 'gift-split-fund' : 'gift-split-grant'}
            x={`${x}%`}
            y="0"
            width={`${width}%`}
            height="16"
          />
        )
        x += width
        return rect
      })}
    </svg>
  )
}
