/**
 * Browser mode: the same renderer and the same dispatch over HTTP, on
 * 127.0.0.1 only. Every API call carries a random start-up token; requests
 * with a foreign Host (DNS rebinding) or a foreign Origin are refused before
 * anything is read or written.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { z } from 'zod'
import type { ApiError, ApiResponse } from '../shared/api'
import { NOTHING_POLICY } from '../shared/csp'
import { contentTypeOf } from './content-types'
import { servePage } from './page-seal'
import { KithError } from './backend/errors'
import { receiveUpload, removeUploads, type UploadedCopy } from './backend/imports/archive/upload'

export const TOKEN_HEADER = 'x-kith-token'
/** Large enough for a 50 MB contact file in a JSON string, no larger. */
/** Room for a 50 MB import file sent as base64 (4/3 of its size) in a JSON body. */
export const MAX_BODY_BYTES = 72 * 1024 * 1024
/** How long a one-time sign-in code stays good: long enough for a browser to start. */
export const LOGIN_CODE_TTL_MS = 2 * 60_000

/**
 * What the server asks of the backend. `kith serve` gives it the backend
 * host (`host/host.ts`), so this thread never touches SQLite; tests may give
 * it a backend in the same thread (`host/in-process.ts`).
 */
export interface ServerBackend {
  readonly dataDir: string
  dispatch(method: unknown, args: unknown): Promise<ApiResponse<unknown>>
  /** Starts an archive job on an upload's private copy; the answer is the API's envelope with the job's status. */
  startUploadedArchive(copy: UploadedCopy): Promise<ApiResponse<unknown>>
  /** Cancels one archive job (the page went away as its upload ended). */
  cancelArchiveJob(jobId: string): void
  /** Cancels every archive job not being written and removes the uploads' copies (the server stops). */
  stopArchiveJobs(): Promise<void>
}

const startedJob = z.object({ ok: z.literal(true), data: z.object({ jobId: z.string() }) })

export interface ServerOptions {
  backend: ServerBackend
  /** Folder with the built renderer (index.html and assets). */
  staticDir: string
  /** 0 picks a free port. */
  port?: number
  token?: string
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number
}

export interface RunningServer {
  /** The address with the token, for the user's own terminal only. */
  url: string
  port: number
  token: string
  /**
   * A new one-time sign-in address (`/login/CODE`), for a browser launcher's
   * command line, which every user of the machine can read: it carries no
   * token, and its code is exchanged for the token once, within
   * LOGIN_CODE_TTL_MS, then refused.
   */
  loginUrl(): string
  close(): Promise<void>
}

const SECURITY_HEADERS = {
  // API answers and refusals: nothing may run or load. The page gets its own policy.
  'Content-Security-Policy': NOTHING_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
    ...extra,
  })
  res.end(text)
}

function refuse(res: http.ServerResponse, status: number, code: ApiError['code'], message: string, extra?: Record<string, string>): void {
  sendJson(res, status, { ok: false, error: { code, message } }, extra)
}

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && crypto.timingSafeEqual(a, b)
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0')
    if (declared > limit) {
      resolve('too_large')
      req.resume()
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) over = true
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(over ? 'too_large' : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? crypto.randomBytes(32).toString('base64url')
  const root = path.resolve(options.staticDir)
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES
  let port = options.port ?? 0

  /** Unspent sign-in codes and when each stops being good. */
  const loginCodes = new Map<string, number>()

  /** Spends a code: true once for a code that was issued and is still good. */
  function spendLoginCode(given: string): boolean {
    const now = Date.now()
    for (const [code, expires] of loginCodes) {
      if (expires <= now) {
        loginCodes.delete(code)
        continue
      }
      if (sameToken(given, code)) {
        loginCodes.delete(code)
        return true
      }
    }
    return false
  }

  function handleLogin(req: http.IncomingMessage, res: http.ServerResponse, code: string): void {
    if (req.method !== 'GET') {
      refuse(res, 405, 'bad_request', 'The sign-in address takes GET only.', { Allow: 'GET' })
      return
    }
    if (!spendLoginCode(code)) {
      const text = 'This sign-in address has been used already or is out of date. Open the address "kith serve" printed in its terminal.\n'
      res.writeHead(403, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
        'Content-Length': Buffer.byteLength(text),
      })
      res.end(text)
      return
    }
    // The page moves the token from the fragment into sessionStorage and out of the address bar.
    res.writeHead(303, { ...SECURITY_HEADERS, Location: `/#token=${token}`, 'Cache-Control': 'no-store', 'Content-Length': 0 })
    res.end()
  }

  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  const allowedOrigins = (): Set<string> => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`])

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') {
      refuse(res, 405, 'bad_request', 'The API takes POST requests only.', { Allow: 'POST' })
      return
    }
    if (!sameToken(req.headers[TOKEN_HEADER], token)) {
      refuse(res, 403, 'forbidden', 'Missing or wrong Kith token: open the URL that "kith serve" printed.')
      return
    }
    const body = await readBody(req, maxBodyBytes)
    if (body === 'too_large') {
      refuse(res, 413, 'bad_request', `The request is larger than ${(maxBodyBytes / 1024 / 1024).toFixed(1)} MB.`, {
        Connection: 'close',
      })
      return
    }
    let args: unknown = {}
    if (body.length > 0) {
      try {
        args = JSON.parse(body.toString('utf8'))
      } catch {
        refuse(res, 400, 'bad_request', 'The request body is not valid JSON.')
        return
      }
    }
    sendJson(res, 200, await options.backend.dispatch(method, args))
  }

  /**
   * `POST /upload/archive?name=NAME&my=ADDRESS…`: a mail or calendar archive
   * as the raw body, any size, with the same token as the API. It is streamed
   * into a private temporary copy and an archive job starts on it; the answer
   * is the API's envelope with the job's status.
   */
  async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse, query: URLSearchParams): Promise<void> {
    if (req.method !== 'POST') {
      refuse(res, 405, 'bad_request', 'Uploads take POST requests only.', { Allow: 'POST' })
      req.resume()
      return
    }
    if (!sameToken(req.headers[TOKEN_HEADER], token)) {
      refuse(res, 403, 'forbidden', 'Missing or wrong Kith token: open the URL that "kith serve" printed.', { Connection: 'close' })
      req.resume()
      return
    }
    try {
      // The bytes go to a private copy here (file I/O only); the backend's thread reads the copy.
      const copy = await receiveUpload(options.backend.dataDir, { name: query.get('name') ?? '', myAddresses: query.getAll('my') }, req)
      const answer = await options.backend.startUploadedArchive(copy)
      const started = startedJob.safeParse(answer)
      // The page went away (closed, or Cancel pressed) as the upload ended: nobody will come back for this import.
      if (req.socket.destroyed) {
        if (started.success) options.backend.cancelArchiveJob(started.data.data.jobId)
      } else sendJson(res, 200, answer)
    } catch (err) {
      if (res.headersSent || req.socket.destroyed) return
      const error = err instanceof KithError ? err.toApiError() : { code: 'internal' as const, message: 'The upload could not be taken in.' }
      // What was not read of a refused upload is not waited for.
      sendJson(res, 200, { ok: false, error }, req.complete ? {} : { Connection: 'close' })
      if (!req.complete) req.resume()
    }
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      refuse(res, 405, 'bad_request', 'Static files take GET only.', { Allow: 'GET, HEAD' })
      return
    }
    let decoded: string
    try {
      decoded = decodeURIComponent(pathname)
    } catch {
      refuse(res, 400, 'bad_request', 'Malformed path.')
      return
    }
    if (decoded.includes('\0') || decoded.includes('\\')) {
      refuse(res, 400, 'bad_request', 'Malformed path.')
      return
    }
    const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
    const file = path.resolve(root, relative)
    if (!file.startsWith(root + path.sep)) {
      refuse(res, 403, 'forbidden', 'That path is outside the app.')
      return
    }
    let stat: fs.Stats
    try {
      stat = fs.statSync(file)
    } catch {
      refuse(res, 404, 'not_found', 'No such file.')
      return
    }
    if (!stat.isFile()) {
      refuse(res, 404, 'not_found', 'No such file.')
      return
    }
    // The page goes out with a fresh style nonce and its policy (the script
    // hashes its tags carry, that nonce, and no framing by any other page).
    const page = path.extname(file) === '.html' ? servePage(fs.readFileSync(file, 'utf8'), { frameAncestors: true }) : null
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      ...(page === null ? {} : { 'Content-Security-Policy': page.policy }),
      'Content-Type': contentTypeOf(file),
      'Content-Length': page === null ? stat.size : Buffer.byteLength(page.html),
      'Cache-Control': relative === 'index.html' ? 'no-store' : 'max-age=3600',
    })
    if (req.method === 'HEAD') res.end()
    else if (page !== null) res.end(page.html)
    else fs.createReadStream(file).pipe(res)
  }

  const server = http.createServer((req, res) => {
    // Before anything else: a page from another site must not reach us, even
    // through a DNS name rebound to 127.0.0.1.
    if (!allowedHosts().has(req.headers.host ?? '')) {
      refuse(res, 403, 'forbidden', 'Foreign Host header.')
      req.resume()
      return
    }
    const origin = req.headers.origin
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      refuse(res, 403, 'forbidden', 'Foreign Origin.')
      req.resume()
      return
    }
    const [pathname = '/', search = ''] = (req.url ?? '/').split('?')
    if (pathname === '/upload/archive') {
      void handleUpload(req, res, new URLSearchParams(search))
      return
    }
    const api = /^\/api\/([^/]+)$/.exec(pathname)
    if (api?.[1] !== undefined) {
      handleApi(req, res, api[1]).catch((err: unknown) => {
        if (!res.headersSent) refuse(res, 500, 'internal', err instanceof Error ? err.message : String(err))
      })
      return
    }
    const login = /^\/login\/([A-Za-z0-9_-]{1,100})$/.exec(pathname)
    if (login?.[1] !== undefined) {
      handleLogin(req, res, login[1])
      return
    }
    if (pathname.startsWith('/api/')) {
      refuse(res, 404, 'unknown_method', 'No such API path.')
      return
    }
    handleStatic(req, res, pathname)
  })

  // An upload of a large archive may take longer than Node's default five minutes for a request.
  server.requestTimeout = 0
  // Copies of uploads a stopped server left behind are removed before any new one arrives.
  removeUploads(options.backend.dataDir, 'left-behind')

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('The server has no TCP address.')
  port = address.port

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    loginUrl: () => {
      const code = crypto.randomBytes(32).toString('base64url')
      loginCodes.set(code, Date.now() + LOGIN_CODE_TTL_MS)
      return `http://127.0.0.1:${port}/login/${code}`
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          // Imports read from an upload cannot go on without it: they are let go, and every copy removed.
          void options.backend
            .stopArchiveJobs()
            .catch(() => undefined)
            .then(() => {
              removeUploads(options.backend.dataDir, 'mine')
              resolve()
            })
        })
      }),
  }
}

/** The built renderer, whether we run from sources (tsx) or from out/main. */
export function findRendererDir(from: string = import.meta.dirname): string | null {
  const candidates = [path.resolve(from, '../renderer'), path.resolve(from, '../../out/renderer')]
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? null
}
