import { Form } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { useMessage, type Message } from '#app/lib/i18n/message.ts'
import { Button } from './button.tsx'

/** Why a program's rubric or questions can no longer change, in place of the controls. */
export function LockedNotice({ locked, message }: { locked: boolean; message: Message }) {
  const tm = useMessage()
  if (!locked) return null
  return (
    <p className="form-error" role="status">
      {tm(message)}
    </p>
  )
}

/**
 * The edit link and the move and remove buttons under one row of an ordered list a funder edits.
 * Each carries the row's label for screen readers, since every row has the same buttons.
 */
export function RowControls({
  row,
  idField,
  editTo,
  moveIntent,
  removeIntent,
  canMoveUp,
  canMoveDown,
}: {
  row: { id: string; label: string }
  idField: string
  editTo: string
  moveIntent: string
  removeIntent: string
  canMoveUp: boolean
  canMoveDown: boolean
}) {
  const { t } = useTranslation('funder')
  const named = (
    <span className="visually-hidden"> {t('funder:rowControls.named', { label: row.label })}</span>
  )
  return (
    <div className="actions">
      <Link to={editTo}>
        {t('funder:rowControls.edit')}
        {named}
      </Link>
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value={moveIntent} />
        <input type="hidden" name={idField} value={row.id} />
        {canMoveUp ? (
          <Button variant="secondary" name="direction" value="up">
            {t('funder:rowControls.moveUp')}
            {named}
          </Button>
        ) : null}
        {canMoveDown ? (
          <Button variant="secondary" name="direction" value="down">
            {t('funder:rowControls.moveDown')}
            {named}
          </Button>
        ) : null}
      </Form>
      <Form method="post">
        <input type="hidden" name={idField} value={row.id} />
        <Button variant="link" name="intent" value={removeIntent}>
          {t('funder:rowControls.remove')}
          {named}
        </Button>
      </Form>
    </div>
  )
}
