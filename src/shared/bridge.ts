/** What the preload script exposes on `window.kith` (and nothing more). */
import type { ApiResponse } from './api'

export const IPC_CALL = 'kith:call'
export const IPC_OPEN_EXTERNAL = 'kith:open-external'

/** Links are checked by `isAllowedExternalUrl` (src/shared/external-url.ts) before anything opens them. */
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
