/**
 * The Electron entry: one window, the security guards and the IPC bridge.
 * Everything else is the backend, which runs on its own thread
 * (`host/host.ts`), the same as in browser mode: this process never touches
 * SQLite.
 */
import path from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, Notification, protocol, session, shell, type IpcMainInvokeEvent } from 'electron'
import type { ApiResponse } from '../shared/api'
import { IPC_CALL, IPC_OPEN_EXTERNAL } from '../shared/bridge'
import { isAllowedExternalUrl } from '../shared/external-url'
import { APP_PAGE_URL, APP_SCHEME, isAppPage, isAppUrl, serveAppRequest } from './app-protocol'
import { dataFlagFrom, resolveDataDir } from './backend/data-dir'
import { errorMessage } from './backend/errors'
import { BackendHost } from './host/host'
import { applicationMenu, isDevToolsShortcut } from './menu'
import { electronNativeBinding } from './native-binding'
import { nativeFilePicker } from './desktop/file-picker'
import { wireHistoryButtons } from './desktop/history-buttons'

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
/** The built renderer, served as app://kith/ (src/main/app-protocol.ts). */
const rendererDir = path.join(import.meta.dirname, '../renderer')

let mainWindow: BrowserWindow | null = null
let backend: BackendHost | null = null

const forbidden: ApiResponse<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Calls are accepted only from the Kith window.' },
}

/** Only our own window, showing our own page, may call the backend. */
function fromOurWindow(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  if (mainWindow === null || event.sender !== mainWindow.webContents || frame === null) return false
  if (devServerUrl !== undefined) return new URL(frame.url).origin === new URL(devServerUrl).origin
  return isAppPage(frame.url)
}

/** The page the window shows: the built one on app://, or the dev server in development. */
function isOurPage(url: string): boolean {
  if (devServerUrl !== undefined) return URL.canParse(url) && new URL(url).origin === new URL(devServerUrl).origin
  return isAppPage(url)
}

/** The app:// protocol, the only way the window reaches the built page's files. */
function installAppProtocol(): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererDir))
}

function installGuards(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault())
    // Any frame, the page's own included: it may only ever show the page.
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame || !isOurPage(event.url)) event.preventDefault()
    })
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
    // A packaged build has no DevTools (webPreferences.devTools), no menu item
    // for them, and swallows their shortcuts.
    if (app.isPackaged) {
      contents.on('before-input-event', (event, input) => {
        if (isDevToolsShortcut(input)) event.preventDefault()
      })
    }
  })
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  // The spellchecker downloads dictionaries; it stays off for every window.
  ses.setSpellCheckerEnabled(false)
  // Nothing leaves the machine, and the page reads nothing but its own files
  // on app:// (which serves only the renderer's folder), or the dev server in
  // development. No file:// at all.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url
    const ours =
      isAppUrl(url) ||
      (!app.isPackaged && url.startsWith('devtools://')) ||
      url.startsWith('data:') ||
      // Exports are saved from in-memory blobs the page makes.
      url.startsWith('blob:') ||
      (devServerUrl !== undefined && isOurPage(url))
    callback({ cancel: !ours })
  })
}

function installIpc(): void {
  ipcMain.handle(IPC_CALL, async (event, method: unknown, args: unknown) => {
    if (!fromOurWindow(event)) return forbidden
    if (backend === null) return { ok: false, error: { code: 'internal', message: 'The database is not open.' } }
    return backend.dispatch(method, args)
  })
  ipcMain.handle(IPC_OPEN_EXTERNAL, async (event, url: unknown): Promise<ApiResponse<null>> => {
    if (!fromOurWindow(event)) return forbidden
    if (!isAllowedExternalUrl(url)) {
      return { ok: false, error: { code: 'bad_request', message: 'Kith opens only https: links and mailto: links to email addresses.' } }
    }
    await shell.openExternal(url) // eng-disable OPEN_EXTERNAL_JS_CHECK: isAllowedExternalUrl above lets only mailto: and https: through
    return { ok: true, data: null }
  })
}

/** What the backend reports by itself: a notification for each follow-up that falls due (it says each once), failed backups on stderr. */
function showEvents(host: BackendHost): void {
  host.onEvent((event) => {
    if (event.kind === 'backup.failed') console.error(`Kith: the automatic backup failed: ${event.message}`)
    // The page shows its banner at its next status call; this is for whoever reads the log.
    if (event.kind === 'damage.found') console.error(`Kith: found damage in the database: ${event.problems.join('; ')}`)
    if (event.kind !== 'tasks.due' || !Notification.isSupported()) return
    const note = new Notification({ title: 'Kith: a follow-up is due', body: event.title })
    note.on('click', () => mainWindow?.show())
    note.show()
  })
}

/**
 * On the chosen day and time, a notification and a badge once the week's
 * list is ready (once a week).
 */
function watchWeeklyReview(): void {
  let announced = ''
  const check = async (): Promise<void> => {
    if (backend === null) return
    const settings = await backend.call('settings.weekly.get', {}).catch(() => null)
    if (settings === null) return
    const { enabled, day, time } = settings
    const now = new Date()
    const isoDay = now.getDay() === 0 ? 7 : now.getDay()
    const [hours, minutes] = time.split(':').map(Number)
    const due = isoDay > day || (isoDay === day && now.getHours() * 60 + now.getMinutes() >= (hours ?? 9) * 60 + (minutes ?? 0))
    if (!enabled || !due) return
    const week = await backend.call('week.get', {}).catch(() => null)
    if (week === null) return
    const { week: label, suggestions } = week
    if (announced === label) return
    announced = label
    const open = suggestions.filter((s) => s.status === 'open').length
    app.setBadgeCount(open)
    if (Notification.isSupported() && open > 0) {
      const note = new Notification({ title: 'Kith: this week’s list is ready', body: `${open} introductions you could make.` })
      note.on('click', () => mainWindow?.show())
      note.show()
    }
  }
  setInterval(() => void check(), 60_000)
  void check()
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Kith',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1a1b1e' : '#ffffff',
    // Written out here, where Electronegativity reads them; docs/security.md explains each.
    webPreferences: {
      preload: path.join(import.meta.dirname, '../preload/index.cjs'), // eng-disable PRELOAD_JS_CHECK: it exposes two calls through contextBridge, nothing of Node or Electron
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // No spellchecker: its dictionaries are downloaded from the network.
      spellcheck: false,
      // A middle click must not open a link in a new window.
      disableBlinkFeatures: 'Auxclick',
      // DevTools only in development.
      devTools: !app.isPackaged,
    },
  })
  mainWindow = window
  wireHistoryButtons(window)
  window.once('ready-to-show', () => window.show())
  window.on('closed', () => {
    mainWindow = null
  })
  if (devServerUrl !== undefined) void window.loadURL(devServerUrl)
  else void window.loadURL(APP_PAGE_URL)
}

async function start(dataDir: string): Promise<void> {
  await app.whenReady()
  installAppProtocol()
  installGuards()
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenu({ platform: process.platform, packaged: app.isPackaged })))
  installIpc()
  try {
    backend = await BackendHost.start({
      dataDir,
      nativeBinding: electronNativeBinding(app.getAppPath(), process.resourcesPath, app.isPackaged),
      // Files outside the data folder are chosen by the user in native dialogs, never named by the page.
      filePicker: nativeFilePicker(() => mainWindow),
      autoBackups: true,
      dueTaskCheckMs: 60_000,
    })
  } catch (err) {
    dialog.showErrorBox('Kith cannot open your data', errorMessage(err))
    app.exit(1)
    return
  }
  showEvents(backend)
  createWindow()
  watchWeeklyReview()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
}

const dataDir = resolveDataDir(dataFlagFrom(process.argv))
// Set before the single-instance lock, which is kept per userData folder:
// two data folders may be open at once, one folder only once.
app.setPath('userData', dataDir)
// Chromium's own storage stays in a subfolder, apart from Kith's data.
app.setPath('sessionData', path.join(dataDir, 'session'))
app.enableSandbox()
// Before ready: app:// is a standard, secure origin (ES modules, fetch, storage work as on https).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', () => {
    void backend?.close()
  })
  void start(dataDir)
}
