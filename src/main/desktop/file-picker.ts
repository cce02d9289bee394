/**
 * The desktop app's native file dialogs. The page asks for a dialog
 * (backup.saveCopy, backup.restoreFile, imports.archiveChoose) but never names a file: the user
 * chooses it here, in the main process, and the backup service gets the path.
 */
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron'
import type { FilePicker } from '../backend/backend'

const BACKUP_FILTERS = [
  { name: 'Kith backups', extensions: ['sqlite'] },
  { name: 'All files', extensions: ['*'] },
]

const ARCHIVE_FILTERS = [
  { name: 'Mail, calendars and LinkedIn exports', extensions: ['mbox', 'mbx', 'eml', 'ics', 'zip'] },
  { name: 'All files', extensions: ['*'] },
]

/** Dialogs attached to the Kith window when there is one (it may be closed on macOS). */
export function nativeFilePicker(window: () => BrowserWindow | null): FilePicker {
  return {
    async saveBackupAs(suggestedName) {
      const options: SaveDialogOptions = {
        title: 'Save a copy of your Kith data',
        defaultPath: suggestedName,
        buttonLabel: 'Save copy',
        filters: BACKUP_FILTERS,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      }
      const parent = window()
      const chosen = parent === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(parent, options)
      return chosen.canceled || chosen.filePath === '' ? null : chosen.filePath
    },
    async openBackup() {
      const options: OpenDialogOptions = {
        title: 'Restore Kith data from a backup file',
        buttonLabel: 'Restore',
        filters: BACKUP_FILTERS,
        properties: ['openFile'],
      }
      const parent = window()
      const chosen = parent === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options)
      return chosen.canceled ? null : (chosen.filePaths[0] ?? null)
    },
    async openArchive(what) {
      // Windows and Linux cannot offer files and folders in one dialog, so the page says which.
      const options: OpenDialogOptions = {
        title: what === 'file' ? 'Learn from a mail or calendar archive' : 'Learn from a folder of mail (an Apple Mail export, .eml files)',
        buttonLabel: 'Read it',
        filters: what === 'file' ? ARCHIVE_FILTERS : undefined,
        properties: [what === 'file' ? 'openFile' : 'openDirectory'],
      }
      const parent = window()
      const chosen = parent === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options)
      return chosen.canceled ? null : (chosen.filePaths[0] ?? null)
    },
  }
}
