import type { Flash } from '#app/lib/flash.ts'
import { useMessage } from '#app/lib/i18n/message.ts'

export function FlashMessage({ flash }: { flash: Flash | null }) {
  const tm = useMessage()
  // A message about one field is shown beside it by the page that owns the field.
  if (!flash || flash.field) return null
  return (
    <div className={`flash flash-${flash.kind}`} role={flash.kind === 'error' ? 'alert' : 'status'}>
      {tm(flash.message)}
    </div>
  )
}
