import { useNavigate } from '@remix-run/react'
import { useCallback, useState, type FormEvent } from 'react'
import { fileProblem } from '#app/domain/file-types.ts'
import type { Message } from '#app/lib/i18n/message.ts'

export type UploadState =
  | { phase: 'idle' }
  | { phase: 'sending'; fileName: string; percent: number }
  | { phase: 'failed'; message: Message }

/**
 * Sends a file form with a progress report (fetch cannot report upload progress, so this uses
 * XMLHttpRequest), after refusing by name and size what the server would refuse anyway, so
 * nobody waits for 40 MB to travel only to hear it is too large. Without JavaScript the form
 * posts as usual and the server says the same things.
 */
export function useUpload() {
  const [state, setState] = useState<UploadState>({ phase: 'idle' })
  const navigate = useNavigate()
  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      const form = event.currentTarget
      const data = new FormData(form, (event.nativeEvent as SubmitEvent).submitter)
      const file = data.get('file')
      if (!(file instanceof File)) return
      event.preventDefault()
      const problem = file.name
        ? fileProblem(file.name, file.size)
        : 'applications:attachments.chooseFile'
      if (problem) return setState({ phase: 'failed', message: problem })
      setState({ phase: 'sending', fileName: file.name, percent: 0 })
      const request = new XMLHttpRequest()
      request.open('POST', form.action)
      request.setRequestHeader('Accept', 'application/json')
      request.upload.onprogress = (e) => {
        if (e.lengthComputable)
          setState({ phase: 'sending', fileName: file.name, percent: (100 * e.loaded) / e.total })
      }
      const fail = () =>
        setState({
          phase: 'failed',
          message: { key: 'applications:attachments.unfinished', values: { name: file.name } },
        })
      request.onerror = fail
      request.onload = () => {
        const location = readLocation(request)
        // An ended session sends the upload to the login page instead.
        if (!location && new URL(request.responseURL).pathname === '/login') {
          return setState({
            phase: 'failed',
            message: 'applications:attachments.signedOut',
          })
        }
        if (!location) return fail()
        setState({ phase: 'idle' })
        form.reset()
        navigate(location, { replace: true, preventScrollReset: true })
      }
      request.send(data)
    },
    [navigate],
  )
  return { state, onSubmit }
}

function readLocation(request: XMLHttpRequest): string | null {
  if (request.status !== 200) return null
  try {
    const body = JSON.parse(request.responseText) as { location?: unknown }
    return typeof body.location === 'string' ? body.location : null
  } catch {
    return null
  }
}
