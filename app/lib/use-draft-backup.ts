import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import {
  backupEntries,
  backupVerdict,
  draftBackupShelf,
  DRAFT_ITEM_ATTRIBUTE,
  DRAFT_RESTORE_EVENT,
  type DraftBackup,
  type Entries,
} from './draft-backup.ts'
import { takePreHydrationTyping } from './pre-hydration-typing.ts'

const shelf = draftBackupShelf(() => window.localStorage)

/**
 * Tells open forms a backup is gone, so none keeps offering it. A form that remounts after a save
 * (the blank "Add a question" form) reads its backup in its own effect, which React runs before
 * the root's effect that drops the saved backup; without this, the blank form offered to restore
 * what had just been saved.
 */
const forgotten = new EventTarget()
const FORGOTTEN = 'draft-backup-forgotten'

/**
 * Drops every unsaved-edit backup in this browser and stops every form opened before now from
 * writing another, pending ones included. Run on logout: backups are kept per record, so on a
 * shared computer the next person to sign in could otherwise be offered someone else's text.
 */
export function forgetAllDraftBackups() {
  shelf.forgetAll()
  forgotten.dispatchEvent(new CustomEvent<string | null>(FORGOTTEN, { detail: null }))
}

/** Drops this browser's backup of a form, once the server has said it has the save. */
export function forgetDraftBackup(key: string) {
  shelf.forget(key)
  forgotten.dispatchEvent(new CustomEvent<string | null>(FORGOTTEN, { detail: key }))
}

const isPasswordInput = (el: Element): el is HTMLInputElement =>
  el instanceof HTMLInputElement && el.type === 'password'

const isDraftItem = (el: Element): el is HTMLInputElement =>
  el instanceof HTMLInputElement && el.hasAttribute(DRAFT_ITEM_ATTRIBUTE)

const itemKey = (name: string, value: string) => `${name}\u0000${value}`

function entriesOf(form: HTMLFormElement): Entries {
  const passwords = new Set([...form.elements].filter(isPasswordInput).map((el) => el.name))
  const items = new Map(
    [...form.elements]
      .filter(isDraftItem)
      .map(
        (el) => [itemKey(el.name, el.value), el.getAttribute(DRAFT_ITEM_ATTRIBUTE) ?? ''] as const,
      ),
  )
  return backupEntries(new FormData(form).entries(), passwords).map(([name, value]) => [
    name,
    items.get(itemKey(name, value)) ?? value,
  ])
}

const isCheckable = (el: Element): el is HTMLInputElement =>
  el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')

/**
 * Sets a control's value the way typing or ticking would, so React and react-hook-form both
 * notice: the prototype's setter goes around React's own record of the value, so the event that
 * follows reads as a change.
 */
function setControl(form: HTMLFormElement, name: string, values: string[]) {
  const controls = [...form.elements].filter(
    (el): el is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement =>
      'name' in el &&
      (el as HTMLInputElement).name === name &&
      !isPasswordInput(el) &&
      !isDraftItem(el),
  )
  for (const el of controls) {
    const checkable = isCheckable(el)
    const setter = Object.getOwnPropertyDescriptor(
      Object.getPrototypeOf(el) as object,
      checkable ? 'checked' : 'value',
    )?.set
    setter?.call(el, checkable ? values.includes(el.value) : (values[0] ?? ''))
    el.dispatchEvent(new Event(checkable ? 'click' : 'input', { bubbles: true }))
    el.dispatchEvent(new Event('change', { bubbles: true }))
  }
}

function restorePreHydrationTyping(form: HTMLFormElement) {
  for (const el of form.querySelectorAll('textarea')) {
    const value = takePreHydrationTyping(el)
    if (value !== undefined && value !== el.value) setControl(form, el.name, [value])
  }
}

/** Whether any control differs from what the server rendered into it. */
function changedSinceRendered(form: HTMLFormElement): boolean {
  return [...form.elements].some((el) => {
    if (el instanceof HTMLSelectElement)
      return [...el.options].some((o) => o.selected !== o.defaultSelected)
    if (el instanceof HTMLTextAreaElement) return el.value !== el.defaultValue
    if (!(el instanceof HTMLInputElement) || el.type === 'password') return false
    if (el.type === 'checkbox' || el.type === 'radio') return el.checked !== el.defaultChecked
    return el.type !== 'file' && el.type !== 'hidden' && el.value !== el.defaultValue
  })
}

/**
 * Keeps what the user types in this browser until the server has it: a closed tab, a reload or
 * a lost connection loses at most the field being typed. When unsaved edits are found for this
 * form, `pending` describes them and `restore`/`discard` act on them.
 */
export function useDraftBackup(
  key: string,
  version: number,
  formRef: RefObject<HTMLFormElement | null>,
) {
  const [pending, setPending] = useState<(DraftBackup & { older: boolean }) | null>(null)

  useEffect(() => {
    const form = formRef.current
    if (!form) return
    const backup = shelf.read(key)
    let offered = false
    if (backup) {
      const verdict = backupVerdict(backup, version, entriesOf(form))
      if (verdict === 'drop') forgetDraftBackup(key)
      else {
        offered = true
        setPending({ ...backup, older: verdict === 'offer-older' })
      }
    }
    const writer = shelf.open(key)
    const snapshot = (posted: boolean): DraftBackup => ({
      version,
      savedAt: new Date().toISOString(),
      posted,
      entries: entriesOf(form),
    })
    const onInput = () => writer.later(() => snapshot(false), 400)
    const onSubmit = () => writer.now(snapshot(true))
    // What was typed while the page was still loading raised no event we heard: keep it now.
    restorePreHydrationTyping(form)
    if (!offered && changedSinceRendered(form)) writer.now(snapshot(false))
    form.addEventListener('input', onInput)
    form.addEventListener('change', onInput)
    form.addEventListener('submit', onSubmit)
    // Leaving the page (reload, closed tab, another address) within the pause keeps the change.
    window.addEventListener('pagehide', writer.flush)
    const onForgotten = (event: Event) => {
      const gone = (event as CustomEvent<string | null>).detail
      if (gone === null || gone === key) setPending(null)
    }
    forgotten.addEventListener(FORGOTTEN, onForgotten)
    return () => {
      forgotten.removeEventListener(FORGOTTEN, onForgotten)
      window.removeEventListener('pagehide', writer.flush)
      writer.cancel()
      form.removeEventListener('input', onInput)
      form.removeEventListener('change', onInput)
      form.removeEventListener('submit', onSubmit)
    }
  }, [key, version, formRef])

  const restore = useCallback(() => {
    const form = formRef.current
    if (!form || !pending) return
    const byName = new Map<string, string[]>()
    // Unticked boxes and removed items are absent from the backup, so every box and every
    // item-holding control is set, not only those with something kept.
    for (const el of form.elements) {
      if ((isCheckable(el) || isDraftItem(el)) && el.name && !el.disabled) byName.set(el.name, [])
    }
    for (const [name, value] of pending.entries)
      byName.set(name, [...(byName.get(name) ?? []), value])
    for (const [name, values] of byName) setControl(form, name, values)
    form.dispatchEvent(new CustomEvent(DRAFT_RESTORE_EVENT, { detail: Object.fromEntries(byName) }))
    setPending(null)
  }, [formRef, pending])

  const discard = useCallback(() => {
    forgetDraftBackup(key)
    setPending(null)
  }, [key])

  return { pending, restore, discard }
}

/**
 * For a control that renders its own inputs (marked with DRAFT_ITEM_ATTRIBUTE): `take` gets its
 * name's kept items (the attribute's JSON strings, none when it had none) when the backup of the
 * form around `ref` is restored. Such a control fires a bubbling `change` when its items change,
 * so the backup is written as for any field.
 */
export function useDraftRestore(
  name: string,
  ref: RefObject<HTMLElement | null>,
  take: (items: string[]) => void,
) {
  const takeRef = useRef(take)
  takeRef.current = take
  useEffect(() => {
    const form = ref.current?.closest('form')
    if (!form) return
    const onRestore = (event: Event) => {
      const values = (event as CustomEvent<Record<string, string[]>>).detail[name]
      if (values) takeRef.current(values)
    }
    form.addEventListener(DRAFT_RESTORE_EVENT, onRestore)
    return () => form.removeEventListener(DRAFT_RESTORE_EVENT, onRestore)
  }, [name, ref])
}
