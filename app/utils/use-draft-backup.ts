import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'

interface Backup {
  /** The server version the user was editing when they typed this. */
  version: number
  savedAt: string
  /** Set when the form was posted; cleared by the next page if the save went through. */
  posted: boolean
  entries: [string, string][]
}

const PREFIX = 'commons-draft:'
const SKIP = new Set(['version', 'intent'])

function read(key: string): Backup | null {
  try {
    const raw = window.localStorage.getItem(PREFIX + key)
    return raw ? (JSON.parse(raw) as Backup) : null
  } catch {
    return null
  }
}

function entriesOf(form: HTMLFormElement): [string, string][] {
  return [...new FormData(form).entries()].filter(
    (e): e is [string, string] => typeof e[1] === 'string' && !SKIP.has(e[0]),
  )
}

/** Sets a control's value the way typing would, so React and react-hook-form both notice. */
function setControl(form: HTMLFormElement, name: string, values: string[]) {
  const controls = [...form.elements].filter(
    (el): el is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement =>
      'name' in el && (el as HTMLInputElement).name === name,
  )
  for (const el of controls) {
    if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
      el.checked = values.includes(el.value)
      el.dispatchEvent(new Event('click', { bubbles: true }))
      continue
    }
    const proto = Object.getPrototypeOf(el) as object
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, values[0] ?? '')
    el.dispatchEvent(new Event('input', { bubbles: true }))
    el.dispatchEvent(new Event('change', { bubbles: true }))
  }
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
  const [pending, setPending] = useState<Backup | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>()

  useEffect(() => {
    const form = formRef.current
    if (!form) return
    const backup = read(key)
    if (backup) {
      const saved = backup.posted && version > backup.version
      const same = JSON.stringify(backup.entries) === JSON.stringify(entriesOf(form))
      if (saved || same) window.localStorage.removeItem(PREFIX + key)
      else setPending(backup)
    }
    const write = (posted: boolean) => {
      const entry: Backup = {
        version,
        savedAt: new Date().toISOString(),
        posted,
        entries: entriesOf(form),
      }
      try {
        window.localStorage.setItem(PREFIX + key, JSON.stringify(entry))
      } catch {
        // Storage full or disabled: the server copy is still there.
      }
    }
    const onInput = () => {
      clearTimeout(timer.current)
      timer.current = setTimeout(() => write(false), 400)
    }
    const onSubmit = () => {
      clearTimeout(timer.current)
      write(true)
    }
    form.addEventListener('input', onInput)
    form.addEventListener('change', onInput)
    form.addEventListener('submit', onSubmit)
    return () => {
      clearTimeout(timer.current)
      form.removeEventListener('input', onInput)
      form.removeEventListener('change', onInput)
      form.removeEventListener('submit', onSubmit)
    }
  }, [key, version, formRef])

  const restore = useCallback(() => {
    const form = formRef.current
    if (!form || !pending) return
    const byName = new Map<string, string[]>()
    for (const [name, value] of pending.entries)
      byName.set(name, [...(byName.get(name) ?? []), value])
    for (const [name, values] of byName) setControl(form, name, values)
    setPending(null)
  }, [formRef, pending])

  const discard = useCallback(() => {
    window.localStorage.removeItem(PREFIX + key)
    setPending(null)
  }, [key])

  return { pending, restore, discard }
}
