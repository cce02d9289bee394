/** What the preload script exposes on `window.kith` (and nothing more). */
import type { ApiResponse } from './api'

export const IPC_CALL = 'kith:call'
export const IPC_OPEN_EXTERNAL = 'kith:open-external'

/** The only URL schemes Kith will hand to the operating system. */
export const EXTERNAL_URL_SCHEMES = ['mailto:', 'https:'] as const

export function isAllowedExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > 100_000) return false
  try {
    const parsed = new URL(url)
    return (EXTERNAL_URL_SCHEMES as readonly string[]).includes(parsed.protocol)
  } catch {
    return false
  }
}

export interface KithBridge {
  call(method: string, args: unknown): Promise<ApiResponse<unknown>>
  openExternal(url: string): Promise<ApiResponse<null>>
  /**
   * True in the desktop app: the main process can show native file dialogs
   * (backup.saveCopy, backup.restoreFile), where the user, never the page,
   * chooses a file.
   */
  readonly canPickFiles: boolean
}
