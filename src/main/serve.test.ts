import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { inProcess } from './host/in-process'
import { startServer, type RunningServer } from './serve'
import { openTempBackend, tempDir } from './backend/testing/temp'

let server: RunningServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

interface Reply {
  status: number
  body: string
  headers: http.IncomingHttpHeaders
}

/** A raw request, so Host and Origin can be forged as an attacker would. */
function request(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }))
      },
    )
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

async function setup(maxBodyBytes?: number): Promise<{ port: number; token: string; staticDir: string; count: () => Promise<number> }> {
  const backend = await openTempBackend()
  const staticDir = tempDir()
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Kith</title>')
  fs.mkdirSync(path.join(staticDir, 'assets'))
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)')
  fs.writeFileSync(path.join(path.dirname(staticDir), 'secret.txt'), 'do not serve')
  server = await startServer({ backend: inProcess(backend), staticDir, maxBodyBytes })
  const count = async () => (await backend.db.selectFrom('person').selectAll().execute()).length
  return { port: server.port, token: server.token, staticDir, count }
}

describe('browser mode server', () => {
  it('prints a 127.0.0.1 URL carrying the token', async () => {
    const { port, token } = await setup()
    expect(server?.url).toBe(`http://127.0.0.1:${port}/#token=${token}`)
    expect(token.length).toBeGreaterThanOrEqual(40)
  })

  it('answers API calls that carry the token, from its own origin', async () => {
    const { port, token, count } = await setup()
    const host = `127.0.0.1:${port}`
    const res = await request(port, {
      method: 'POST',
      path: '/api/demo.load',
      headers: { Host: host, Origin: `http://${host}`, 'X-Kith-Token': token, 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, data: { counts: { people: 200 } } })
    expect(await count()).toBe(200)
    const viaLocalhost = await request(port, {
      method: 'POST',
      path: '/api/doctor',
      headers: { Host: `localhost:${port}`, 'X-Kith-Token': token },
    })
    expect(JSON.parse(viaLocalhost.body)).toMatchObject({ ok: true, data: { ok: true } })
  })

  it('refuses a missing or wrong token, a foreign Host or Origin, and writes nothing', async () => {
    const { port, token, count } = await setup()
    const host = `127.0.0.1:${port}`
    const attempts: { headers: Record<string, string>; why: string }[] = [
      { headers: { Host: host }, why: 'no token' },
      { headers: { Host: host, 'X-Kith-Token': `${token.slice(0, -1)}x` }, why: 'wrong token' },
      { headers: { Host: host, 'X-Kith-Token': '' }, why: 'empty token' },
      { headers: { Host: `evil.example:${port}`, 'X-Kith-Token': token }, why: 'DNS rebinding' },
      { headers: { Host: '127.0.0.1:1', 'X-Kith-Token': token }, why: 'other port' },
      { headers: { Host: host, Origin: 'https://evil.example', 'X-Kith-Token': token }, why: 'foreign origin' },
      { headers: { Host: host, Origin: 'null', 'X-Kith-Token': token }, why: 'opaque origin' },
      { headers: { Host: host, Origin: `http://${host}.evil.example`, 'X-Kith-Token': token }, why: 'look-alike origin' },
      { headers: { Host: `${host}.evil.example`, 'X-Kith-Token': token }, why: 'look-alike host' },
      { headers: { Host: host, 'X-Kith-Token': token.toUpperCase() }, why: 'token in the wrong case' },
      { headers: { Host: host, Authorization: `Bearer ${token}` }, why: 'token in another header' },
    ]
    for (const attempt of attempts) {
      const res = await request(port, { method: 'POST', path: '/api/demo.load', headers: attempt.headers, body: '{}' })
      expect(res.status, attempt.why).toBe(403)
      expect(JSON.parse(res.body), attempt.why).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(await count()).toBe(0)
  })

  it('refuses a token in the query string, and a request without a Host', async () => {
    const { port, token, count } = await setup()
    const inQuery = await request(port, { method: 'POST', path: `/api/demo.load?token=${token}`, headers: { Host: `127.0.0.1:${port}` }, body: '{}' })
    expect(inQuery.status).toBe(403)
    const noHost = await new Promise<number>((resolve, reject) => {
      const socket = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/demo.load', setHost: false, headers: { 'X-Kith-Token': token } }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      socket.on('error', reject)
      socket.end('{}')
    })
    expect([400, 403]).toContain(noHost)
    expect(await count()).toBe(0)
  })

  it('refuses static files to a foreign Host too', async () => {
    const { port } = await setup()
    const res = await request(port, { path: '/', headers: { Host: `attacker.example:${port}` } })
    expect(res.status).toBe(403)
    expect(res.body).not.toContain('<title>Kith</title>')
  })

  it('takes POST only, limits the body, and rejects malformed JSON', async () => {
    const { port, token, count } = await setup(1024)
    const headers = { Host: `127.0.0.1:${port}`, 'X-Kith-Token': token }
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const res = await request(port, { method, path: '/api/demo.load', headers })
      expect(res.status, method).toBe(405)
    }
    const oversized = JSON.stringify({ padding: 'x'.repeat(2048) })
    const declared = await request(port, { method: 'POST', path: '/api/demo.load', headers, body: oversized })
    expect(declared.status).toBe(413)
    const chunked = await request(port, {
      method: 'POST',
      path: '/api/demo.load',
      headers: { ...headers, 'Transfer-Encoding': 'chunked' },
      body: oversized,
    })
    expect(chunked.status).toBe(413)
    const bad = await request(port, { method: 'POST', path: '/api/demo.load', headers, body: '{"half":' })
    expect(bad.status).toBe(400)
    expect(await count()).toBe(0)
  })

  it('serves the app with security headers and never a file outside it', async () => {
    const { port } = await setup()
    const headers = { Host: `127.0.0.1:${port}` }
    const index = await request(port, { path: '/', headers })
    expect(index.status).toBe(200)
    expect(index.body).toContain('<title>Kith</title>')
    expect((await request(port, { path: '/assets/app.js', headers })).status).toBe(200)
    for (const evil of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00']) {
      const res = await request(port, { path: evil, headers })
      expect([400, 403, 404], evil).toContain(res.status)
      expect(res.body, evil).not.toContain('do not serve')
    }
  })

  it('reports an unknown method as a typed error', async () => {
    const { port, token } = await setup()
    const res = await request(port, {
      method: 'POST',
      path: '/api/drop.everything',
      headers: { Host: `127.0.0.1:${port}`, 'X-Kith-Token': token },
      body: '{}',
    })
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
  })
})

describe('browser mode errors', () => {
  it('carries the people a new person duplicates in the error, as the backend gave them', async () => {
    const { port, token, count } = await setup()
    const host = `127.0.0.1:${port}`
    const add = (body: unknown) =>
      request(port, {
        method: 'POST',
        path: '/api/people.create',
        headers: { Host: host, Origin: `http://${host}`, 'X-Kith-Token': token, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
    expect(JSON.parse((await add({ name: 'Ana Lima', emails: ['ana@x.com'] })).body)).toMatchObject({ ok: true })
    const refused = await add({ name: 'Ana Lima' })
    expect(refused.status).toBe(200)
    expect(JSON.parse(refused.body)).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Already in Kith: Ana Lima (#1) has the same name.', duplicates: [{ id: 1, name: 'Ana Lima', company: null, reason: 'the same name' }] },
    })
    expect(await count()).toBe(1)
  })

  it('gives a browser launcher a sign-in address without the token, exchanged once for it and then refused', async () => {
    const { port, token, count } = await setup()
    const host = `127.0.0.1:${port}`
    const login = server?.loginUrl() ?? ''
    expect(login).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/login/[A-Za-z0-9_-]{40,}$`))
    expect(login).not.toContain(token)
    const loginPath = new URL(login).pathname

    // A forged Host is refused before the code is looked at, so it stays good.
    const rebound = await request(port, { path: loginPath, headers: { Host: `evil.example:${port}` } })
    expect(rebound.status).toBe(403)
    expect(rebound.body).not.toContain(token)
    expect((await request(port, { method: 'POST', path: loginPath, headers: { Host: host } })).status).toBe(405)

    const first = await request(port, { path: loginPath, headers: { Host: host } })
    expect(first.status).toBe(303)
    expect(first.headers.location).toBe(`/#token=${token}`)
    expect(first.headers['cache-control']).toBe('no-store')

    // Spent: whoever reads the code from the process list afterwards gets nothing.
    for (const attempt of [loginPath, `${loginPath.slice(0, -1)}x`, '/login/guess']) {
      const again = await request(port, { path: attempt, headers: { Host: host } })
      expect(again.status, attempt).toBe(403)
      expect(again.headers.location, attempt).toBeUndefined()
      expect(again.body, attempt).not.toContain(token)
    }
    // Each launch gets its own code.
    expect(server?.loginUrl()).not.toBe(login)
    expect(await count()).toBe(0)
  })
})
