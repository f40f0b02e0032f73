import { useState } from 'react'
import type { UseFormRegisterReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { otherLanguage } from '#app/domain/bilingual.ts'
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from '#app/lib/i18n/config.ts'
import type { Message } from '#app/lib/i18n/message.ts'
import { SelectField, TextareaField, TextField } from './field.tsx'

type Field = (name: string) => UseFormRegisterReturn & { defaultValue?: string }

/** A field holding the other language's version of a field above it. */
export type TranslationField = {
  name: string
  /** A translation key: the words of the field's label, e.g. 'funder:content.fields.title'. */
  labelKey: string
  rows?: number
  hintKey?: string
}

/**
 * The language the funder writes the form's texts in, and beside them the same texts in the
 * other language, optional (docs/decisions/015-bilingual-content.md). The group says which
 * language it wants: Spanish when the texts above are English, English when they are Spanish.
 */
export function ContentLanguageFields({
  field: fieldOf,
  errorOf,
  fields,
}: {
  field: (name: never) => UseFormRegisterReturn & { defaultValue?: string }
  errorOf: (name: string) => Message | undefined
  fields: readonly TranslationField[]
}) {
  // Its namespace, so that it loads on a client-side navigation too.
  const { t } = useTranslation('funder')
  // The form's field names are checked by its schema; here they are plain strings.
  const field = fieldOf as unknown as Field
  const select = field('contentLanguage')
  const [language, setLanguage] = useState<Language>(
    isLanguage(select.defaultValue) ? select.defaultValue : 'en',
  )
  const translation = otherLanguage(language)
  const inLanguage =
    translation === 'es' ? t('funder:content.form.inSpanish') : t('funder:content.form.inEnglish')
  return (
    <fieldset className="field">
      <legend>{t('funder:content.form.legend')}</legend>
      <SelectField
        label={t('funder:content.form.language')}
        hint={t('funder:content.form.languageHint')}
        options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
        error={errorOf('contentLanguage')}
        {...select}
        onChange={(event) => {
          if (isLanguage(event.target.value)) setLanguage(event.target.value)
          return select.onChange(event)
        }}
      />
      <fieldset className="field content-translation">
        <legend>
          {translation === 'es'
            ? t('funder:content.form.spanishVersion')
            : t('funder:content.form.englishVersion')}
        </legend>
        <p className="hint">{t('funder:content.form.translationHint')}</p>
        {fields.map((f) => {
          const props = {
            // "Title (Spanish)": a name of its own, apart from the field it translates.
            label: t(f.labelKey, { language: inLanguage }),
            hint: f.hintKey ? t(f.hintKey) : undefined,
            error: errorOf(f.name),
            lang: translation,
            ...field(f.name),
          }
          return f.rows ? (
            <TextareaField key={f.name} rows={f.rows} {...props} />
          ) : (
            <TextField key={f.name} {...props} />
          )
        })}
      </fieldset>
    </fieldset>
  )
}
