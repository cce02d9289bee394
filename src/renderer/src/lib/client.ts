/**
 * The renderer's typed client. In the desktop app it talks through the
 * preload bridge; in browser mode it POSTs to /api/<method> with the token
 * the page was opened with.
 */
import { isApiResponse, type ApiError, type ApiResponse, type DuplicateMatch, type ErrorCode, type FieldIssue, type OpenImport } from '../../../shared/api'
import type { ArgsIn, MethodName, Result } from '../../../shared/contract'

export class ApiCallError extends Error {
  readonly code: ErrorCode
  /** people.create: who the new person seems to be already */
  readonly duplicates: DuplicateMatch[]
  /** imports.start: the import already open in this data folder */
  readonly openImport: OpenImport | null
  /** bad_request: each refused argument with its path, for the form to show next to its field */
  readonly issues: FieldIssue[]

  constructor(code: ErrorCode, message: string, duplicates: DuplicateMatch[] = [], openImport: OpenImport | null = null, issues: FieldIssue[] = []) {
    super(message)
    this.name = 'ApiCallError'
    this.code = code
    this.duplicates = duplicates
    this.openImport = openImport
    this.issues = issues
  }

  /** The error an envelope carries, with everything it says besides the message. */
  static from(error: ApiError): ApiCallError {
    return new ApiCallError(error.code, error.message, error.duplicates, error.openImport ?? null, error.issues)
  }
}

type Transport = (method: string, args: unknown) => Promise<ApiResponse<unknown>>

const TOKEN_KEY = 'kith.token'

/** Moves the token from the URL (where `kith serve` put it) into sessionStorage. */
export function takeTokenFromUrl(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash)
  if (match?.[1] !== undefined) {
    sessionStorage.setItem(TOKEN_KEY, match[1])
    history.replaceState(null, '', window.location.pathname + window.location.search)
  }
  return sessionStorage.getItem(TOKEN_KEY)
}

/** A body longer than this (a file's contents, say) is sent as a Blob (see `httpTransport`). */
const LARGE_BODY = 64 * 1024

function httpTransport(token: string): Transport {
  return async (method, args) => {
    let response: Response
    try {
      const json = JSON.stringify(args)
      response = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Kith-Token': token },
        body: json.length > LARGE_BODY ? new Blob([json], { type: 'application/json' }) : json,
      })
    } catch {
      return { ok: false, error: { code: 'io', message: 'Kith is not running: start it again with "npm start".' } }
    }
    const body: unknown = await response.json().catch(() => null)
    if (isApiResponse(body)) return body
    return { ok: false, error: { code: 'internal', message: `Unexpected answer from Kith (HTTP ${response.status}).` } }
  }
}

export type Mode = 'desktop' | 'browser' | 'browser-without-token'

let transport: Transport | null = null
/** Browser mode's token, for uploads (which go beside the API, not through it). */
let uploadToken: string | null = null

export function connect(): Mode {
  if (window.kith !== undefined) {
    const bridge = window.kith
    transport = (method, args) => bridge.call(method, args)
    return 'desktop'
  }
  const token = takeTokenFromUrl()
  if (token === null) return 'browser-without-token'
  transport = httpTransport(token)
  uploadToken = token
  return 'browser'
}

export async function call<M extends MethodName>(method: M, args: ArgsIn<M>): Promise<Result<M>> {
  if (transport === null) throw new ApiCallError('forbidden', 'Kith is not connected.')
  const response = await transport(method, args)
  if (!response.ok) throw ApiCallError.from(response.error)
  return response.data as Result<M>
}

/**
 * Browser mode only: sends an archive's bytes to `kith serve` (which keeps a
 * private temporary copy and starts an archive import on it), reporting the
 * share sent. Resolves with the job's id; aborting `signal` stops the upload.
 */
export function uploadArchive(file: File, myAddresses: readonly string[], onProgress: (fraction: number) => void, signal: AbortSignal): Promise<string> {
  const token = uploadToken
  if (token === null) return Promise.reject(new ApiCallError('forbidden', 'Uploading an archive is possible only in browser mode.'))
  return new Promise((resolve, reject) => {
    const query = new URLSearchParams([['name', file.name], ...myAddresses.map((a): [string, string] => ['my', a])])
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/upload/archive?${query.toString()}`)
    xhr.setRequestHeader('X-Kith-Token', token)
    xhr.setRequestHeader('Content-Type', 'application/octet-stream')
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total)
    }
    xhr.onload = () => {
      let body: unknown = null
      try {
        body = JSON.parse(xhr.responseText)
      } catch {
        // Answered below as unexpected.
      }
      if (!isApiResponse(body)) {
        reject(new ApiCallError('internal', `Unexpected answer from Kith (HTTP ${xhr.status}).`))
        return
      }
      if (!body.ok) {
        reject(ApiCallError.from(body.error))
        return
      }
      const data = body.data
      if (typeof data === 'object' && data !== null && 'jobId' in data && typeof data.jobId === 'string') resolve(data.jobId)
      else reject(new ApiCallError('internal', 'Kith did not say which import it started.'))
    }
    xhr.onerror = () => reject(new ApiCallError('io', 'The upload stopped: is Kith still running?'))
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'))
    signal.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send(file)
  })
}

/** True in the desktop app, where the main process shows native file dialogs (browser mode has none). */
export function canPickFiles(): boolean {
  return window.kith?.canPickFiles === true
}

/** Opens a mailto: or https: link in the user's own programs. */
export async function openExternal(url: string): Promise<void> {
  // The same check the desktop app's main process makes, so browser mode opens nothing else either.
  // Loaded when first needed: its email check brings zod, which the first page does not need.
  const { isAllowedExternalUrl } = await import('../../../shared/external-url')
  if (!isAllowedExternalUrl(url)) throw new ApiCallError('bad_request', 'Kith opens only https: links and mailto: links to email addresses.')
  if (window.kith !== undefined) {
    const res = await window.kith.openExternal(url) // eng-disable OPEN_EXTERNAL_JS_CHECK: the main process opens only mailto: and https: links
    if (!res.ok) throw new ApiCallError(res.error.code, res.error.message)
    return
  }
  if (url.startsWith('mailto:')) window.location.href = url
  else window.open(url, '_blank', 'noopener,noreferrer')
}
