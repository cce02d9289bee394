/**
 * The preload bridge: the page gets `window.kith` with exactly two calls and
 * one flag (native file dialogs exist), and no access to ipcRenderer, Node or Electron.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { ApiResponse } from '../shared/api'
import { IPC_CALL, IPC_OPEN_EXTERNAL, type KithBridge } from '../shared/bridge'

const bridge: KithBridge = {
  call: (method: string, args: unknown) => ipcRenderer.invoke(IPC_CALL, method, args) as Promise<ApiResponse<unknown>>,
  openExternal: (url: string) => ipcRenderer.invoke(IPC_OPEN_EXTERNAL, url) as Promise<ApiResponse<null>>,
  canPickFiles: true,
}

contextBridge.exposeInMainWorld('kith', bridge)
