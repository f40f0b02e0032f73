import { Moment } from './moment.tsx'

/** Offers back the edits this browser kept but the server never received. */
export function DraftBackupBanner({
  pending,
  restore,
  discard,
}: {
  pending: { savedAt: string; older: boolean } | null
  restore: () => void
  discard: () => void
}) {
  if (!pending) return null
  return (
    <div className="flash flash-info" role="status">
      <p>
        This browser kept changes you made on <Moment iso={pending.savedAt} /> that were not saved.
      </p>
      {pending.older ? (
        <p>
          <strong>A newer version was saved after that.</strong> Restoring puts your older changes
          back in the form in its place; check them before you save.
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="btn btn-primary" onClick={restore}>
          Restore my changes
        </button>
        <button type="button" className="btn btn-secondary" onClick={discard}>
          Discard them
        </button>
      </div>
    </div>
  )
}
