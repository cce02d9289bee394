import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dataFlagFrom, defaultDataDir, resolveDataDir } from './data-dir'

describe('the data folder', () => {
  it('defaults to the folder Electron gives an app named Kith', () => {
    expect(defaultDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/Kith')
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ana')).toBe('/xdg/Kith')
    expect(defaultDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Kith')
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toBe(
      path.join('C:\\Users\\ana\\AppData\\Roaming', 'Kith'),
    )
  })

  it('takes --data over KITH_DATA_DIR over the default', () => {
    expect(resolveDataDir('/flag', { KITH_DATA_DIR: '/env' })).toBe('/flag')
    expect(resolveDataDir(undefined, { KITH_DATA_DIR: '/env' })).toBe('/env')
    expect(resolveDataDir(undefined, { XDG_CONFIG_HOME: '/xdg' })).toBe(path.resolve(defaultDataDir({ XDG_CONFIG_HOME: '/xdg' })))
  })

  it('reads --data in both spellings from a raw argument list', () => {
    expect(dataFlagFrom(['electron', '.', '--data', '/d'])).toBe('/d')
    expect(dataFlagFrom(['--data=/e'])).toBe('/e')
    expect(dataFlagFrom(['--other'])).toBeUndefined()
  })
})
