import type { Flash } from '#app/utils/flash.ts'

export function FlashMessage({ flash }: { flash: Flash | null }) {
  if (!flash) return null
  return (
    <div className={`flash flash-${flash.kind}`} role={flash.kind === 'error' ? 'alert' : 'status'}>
      {flash.message}
    </div>
  )
}
