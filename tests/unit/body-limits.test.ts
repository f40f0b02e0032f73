import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bodyLimits } from '../../server/body-limits.ts'

let server: http.Server
let port = 0
let reached = 0

beforeAll(async () => {
  const app = express()
  app.use(bodyLimits)
  app.all('*', (req, res) => {
    reached++
    req.resume()
    req.on('end', () => res.status(200).send('read'))
  })
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  port = (server.address() as AddressInfo).port
})

afterAll(() => new Promise((resolve) => server.close(resolve)))

/** Sends only the headers and `sent` bytes of a body that claims to be `declared` long. */
function postDeclaring(path: string, declared: number, sent = 16) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': String(declared),
        },
      },
      (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (c: string) => (body += c))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
      },
    )
    request.on('error', reject)
    request.write(Buffer.alloc(Math.min(sent, declared), 97))
    if (sent >= declared) request.end()
  })
}

describe('body limits at the HTTP server', () => {
  it('answers a 300 MB form 413 with a page saying why, before reading it or reaching the app', async () => {
    const before = reached
    const out = await postDeclaring('/login', 300 * 1024 * 1024)
    expect(out.status).toBe(413)
    expect(out.body).toContain('That was too large to accept')
    expect(out.body).toContain('1 MB')
    expect(reached).toBe(before)
  })

  it('allows an upload up to 10 MB but not beyond', async () => {
    const over = await postDeclaring('/applications/abc/attachments', 11 * 1024 * 1024)
    expect(over.status).toBe(413)
    expect(over.body).toContain('10 MB')
    const form = await postDeclaring('/login', 2 * 1024 * 1024)
    expect(form.status).toBe(413)
    const upload = await postDeclaring(
      '/applications/abc/attachments',
      2 * 1024 * 1024,
      2 * 1024 * 1024,
    )
    expect(upload.status).toBe(200)
  })

  it('lets an ordinary form through', async () => {
    const out = await postDeclaring('/login', 16, 16)
    expect(out.status).toBe(200)
    expect(out.body).toBe('read')
  })
})
