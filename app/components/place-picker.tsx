import { type Message, useMessage } from '#app/lib/i18n/message.ts'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { useEffect, useReducer, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { percentileRank, SVI_DATA_YEAR } from '#app/domain/places/vulnerability.ts'
import { DRAFT_ITEM_ATTRIBUTE } from '#app/lib/draft-backup.ts'
import { useDraftRestore } from '#app/lib/use-draft-backup.ts'
import { describeField, FieldShell, type FieldFrame } from './field.tsx'
import {
  countMessage,
  initialPickerState,
  pickerReducer,
  placesFromBackup,
  searchUrl,
  showsNoMatch,
  type PickedPlace,
} from './place-picker-state.ts'
import './place-picker.css'

export type { PickedPlace } from './place-picker-state.ts'

export interface PlacePickerProps {
  /** Each chosen county posts as `name=<fips>`; without JavaScript, lines post as `${name}Text`. */
  name: string
  label: string
  hint?: ReactNode
  error?: Message
  required?: boolean
  defaultValue: PickedPlace[]
  /** Only suggest counties in these states (full names or postal abbreviations). */
  states?: string[]
  /** What the no-JavaScript textarea held when the server sent it back with an error. */
  defaultText?: string
  /** Told of every change, e.g. to keep react-hook-form's copy of the value in step. */
  onChange?: (places: PickedPlace[]) => void
}

/** Wait this long after the last keystroke before asking the server. */
const DEBOUNCE_MS = 200

// True only until the first hydration is done: a picker mounted later (client navigation) starts
// as the combobox straight away instead of flashing the textarea.
let hydrating = true

function useHydrated() {
  const [hydrated, setHydrated] = useState(() => !hydrating)
  useEffect(() => {
    hydrating = false
    setHydrated(true)
  }, [])
  return hydrated
}

function statesHint(t: TFunction, states?: string[]) {
  if (!states || states.length === 0) return null
  return t('applications:steps.places.statesOnly', { states: states.join(', ') })
}

/** "SVI 2022: 87th percentile" in the reader's language (the ordinal by its plural rules). */
export function SviText({ percentile, year }: { percentile: number; year?: number | null }) {
  const { t } = useTranslation('applications')
  return t('applications:steps.places.svi', {
    year: year ?? SVI_DATA_YEAR,
    count: percentileRank(percentile),
    ordinal: true,
  })
}

function Svi({ svi }: { svi?: number }) {
  return svi === undefined ? null : (
    <span className="hint">
      <SviText percentile={svi} />
    </span>
  )
}

/**
 * US counties, several allowed. The server renders a textarea (one "County, State" per line) so
 * the form works before or without JavaScript; once hydrated it becomes a WAI-ARIA 1.2 combobox
 * with suggestions from /resources/places and the chosen counties as removable items.
 */
export function PlacePicker(props: PlacePickerProps) {
  const hydrated = useHydrated()
  return hydrated ? <PlaceCombobox {...props} /> : <PlaceLines {...props} />
}

/** The shared field frame, its hint saying how to enter counties in this form of the picker. */
function pickerFrame(
  t: TFunction,
  { hint, states, ...frame }: Omit<FieldFrame, 'hint'> & Pick<PlacePickerProps, 'hint' | 'states'>,
  form: 'lines' | 'combobox',
): FieldFrame {
  const howTo =
    form === 'lines'
      ? t('applications:steps.places.howToLines')
      : t('applications:steps.places.howToCombobox')
  const how = [howTo, statesHint(t, states)].filter(Boolean).join(' ')
  return {
    ...frame,
    hint: hint ? (
      <>
        {hint} {how}
      </>
    ) : (
      how
    ),
  }
}

/** The no-JavaScript form: the server reads it with resolvePlaceLines. */
function PlaceLines({
  name,
  label,
  hint,
  error,
  required,
  defaultValue,
  states,
  defaultText,
}: PlacePickerProps) {
  const { t } = useTranslation('applications')
  const frame = pickerFrame(t, { name, label, hint, error, required, states }, 'lines')
  const ids = describeField(frame)
  return (
    <FieldShell frame={frame} ids={ids}>
      <textarea
        id={ids.id}
        name={`${name}Text`}
        rows={Math.max(3, defaultValue.length + 1)}
        defaultValue={defaultText ?? defaultValue.map((p) => p.label).join('\n')}
        {...ids.aria}
      />
      {defaultValue.some((p) => p.svi !== undefined) ? (
        <ul
          className="place-list"
          aria-label={t('applications:steps.places.savedVulnerability', { label })}
        >
          {defaultValue.map((p) => (
            <li key={p.fips}>
              <span>{p.label}</span>
              <Svi svi={p.svi} />
            </li>
          ))}
        </ul>
      ) : null}
    </FieldShell>
  )
}

function PlaceCombobox({
  name,
  label,
  hint,
  error,
  required,
  defaultValue,
  states,
  onChange,
}: PlacePickerProps) {
  const { t } = useTranslation('applications')
  const tm = useMessage()
  const [state, dispatch] = useReducer(pickerReducer, defaultValue, initialPickerState)
  const inputRef = useRef<HTMLInputElement>(null)
  const id = `field-${name}`
  const listId = `${id}-listbox`
  const optionId = (i: number) => `${id}-option-${i}`
  const statesKey = (states ?? []).join('|')

  // Debounced search; a newer keystroke cancels the pending timer and any request in flight.
  useEffect(() => {
    if (state.status !== 'loading') return
    const query = state.query
    const controller = new AbortController()
    const timer = setTimeout(() => {
      fetch(searchUrl(query, statesKey ? statesKey.split('|') : []), {
        signal: controller.signal,
        headers: { Accept: 'application/json' },
      })
        .then((r) => (r.ok ? (r.json() as Promise<PickedPlace[]>) : Promise.reject(r.status)))
        .then((results) => dispatch({ type: 'loaded', query, results }))
        .catch(() => {
          if (!controller.signal.aborted) dispatch({ type: 'failed', query })
        })
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [state.query, state.status, statesKey])

  const onChangeRef = useRef(onChange)
  onChangeRef.current = onChange
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    onChangeRef.current?.(state.selected)
    // The chosen counties are hidden inputs now in the form: tell its browser backup (a `change`
    // React ignores, as the text box's value is the same).
    inputRef.current?.dispatchEvent(new Event('change', { bubbles: true }))
  }, [state.selected])

  useDraftRestore(name, inputRef, (items) =>
    dispatch({ type: 'replace', selected: placesFromBackup(items, state.selected) }),
  )

  // Keep the option the arrow keys are on in view inside the scrolling list.
  useEffect(() => {
    if (state.active < 0) return
    document.getElementById(optionId(state.active))?.scrollIntoView?.({ block: 'nearest' })
  })

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault()
        dispatch({ type: 'move', by: event.key === 'ArrowDown' ? 1 : -1 })
        break
      case 'Enter':
        // While suggestions are showing, Enter picks one and never submits the form.
        if (state.open) {
          event.preventDefault()
          dispatch({ type: 'choose' })
        }
        break
      case 'Escape':
        if (state.open) {
          event.preventDefault()
          dispatch({ type: 'close' })
        } else if (state.query) {
          event.preventDefault()
          dispatch({ type: 'typed', query: '' })
        }
        break
    }
  }

  const frame = pickerFrame(t, { name, label, hint, error, required, states }, 'combobox')
  const ids = describeField(frame)
  const active = state.open && state.active >= 0 ? optionId(state.active) : undefined
  return (
    <FieldShell frame={frame} ids={ids}>
      <div className="combobox">
        <input
          ref={inputRef}
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={state.open}
          aria-controls={listId}
          aria-activedescendant={active}
          {...ids.aria}
          // Once a county is chosen the field is filled, whatever the text box holds.
          aria-required={required && state.selected.length === 0 ? true : undefined}
          value={state.query}
          onChange={(e) => dispatch({ type: 'typed', query: e.target.value })}
          onKeyDown={onKeyDown}
          onBlur={() => dispatch({ type: 'close' })}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={t('applications:steps.places.suggestions', { label })}
          hidden={!state.open}
        >
          {state.open
            ? state.results.map((p, i) => (
                <li
                  key={p.fips}
                  id={optionId(i)}
                  role="option"
                  tabIndex={-1}
                  aria-selected={i === state.active}
                  // Keeps focus in the input, so the choice below does not blur and close the list.
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseMove={() => i !== state.active && dispatch({ type: 'hover', index: i })}
                  onClick={() => dispatch({ type: 'choose', index: i })}
                  // Focus normally stays in the input (aria-activedescendant), but a screen
                  // reader's browse mode can land on an option and press keys there.
                  onKeyDown={(e) => {
                    if (e.key !== 'Enter' && e.key !== ' ') return
                    e.preventDefault()
                    dispatch({ type: 'choose', index: i })
                    inputRef.current?.focus()
                  }}
                >
                  {p.label}
                  <Svi svi={p.svi} />
                </li>
              ))
            : null}
        </ul>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {state.status === 'loading' || !state.announcement ? '' : tm(state.announcement)}
      </p>
      {/* Already announced by the live region above; shown here for everyone else. */}
      {showsNoMatch(state) ? (
        <p className="hint" aria-hidden="true">
          {tm(countMessage(0))}
        </p>
      ) : null}
      {state.selected.length > 0 ? (
        <ul className="place-list" aria-label={t('applications:steps.places.chosen', { label })}>
          {state.selected.map((p) => (
            <li key={p.fips}>
              <span>
                {p.label} <Svi svi={p.svi} />
              </span>
              <button
                type="button"
                className="btn btn-link"
                onClick={() => {
                  dispatch({ type: 'remove', fips: p.fips })
                  // The button goes away with the county; focus returns to where more are added.
                  inputRef.current?.focus()
                }}
              >
                {t('applications:steps.remove')}
                <span className="visually-hidden"> {p.label}</span>
              </button>
              <input
                type="hidden"
                name={name}
                value={p.fips}
                {...{ [DRAFT_ITEM_ATTRIBUTE]: JSON.stringify(p) }}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('applications:steps.places.noneChosen')}</p>
      )}
    </FieldShell>
  )
}
