import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { FORM_BODY_LIMIT, UPLOAD_BODY_LIMIT } from '#app/domain/request-limits.ts'

/** server/index.ts is compiled on its own and repeats the limits: they must not drift apart. */
describe('the HTTP server and the app refuse bodies at the same sizes', () => {
  const source = readFileSync(path.resolve(import.meta.dirname, '../../server/index.ts'), 'utf8')
  const valueOf = (name: string) => {
    const expression = source.match(new RegExp(`const ${name} = ([\\d *+]+)\\n`))?.[1] ?? 'NaN'
    return Number(Function(`return ${expression}`)())
  }

  it.each([
    ['FORM_BODY_LIMIT', FORM_BODY_LIMIT],
    ['UPLOAD_BODY_LIMIT', UPLOAD_BODY_LIMIT],
  ])('%s', (name, expected) => expect(valueOf(name)).toBe(expected))
})
