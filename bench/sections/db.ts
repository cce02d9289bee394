import fs from 'node:fs'
import path from 'node:path'
import { Backend } from '../../src/main/backend/backend'
import { medianMs, tempDir, type Section } from '../lib'

/** Opening and migrating a database, loading the sample network, checking and backing it up. */
export const dbSection: Section = {
  name: 'db',
  description: 'open + migrate, sample network, doctor, backup',
  async run() {
    const root = tempDir('db')
    try {
      const openNewMs = await medianMs(5, async (i) => {
        const backend = await Backend.open({ dataDir: path.join(root, `new-${i}`) })
        await backend.close()
      })
      const data = path.join(root, 'demo')
      const backend = await Backend.open({ dataDir: data })
      const demoStart = performance.now()
      const loaded = await backend.dispatch('demo.load', {})
      const demoLoadMs = performance.now() - demoStart
      if (!loaded.ok) throw new Error(loaded.error.message)
      const doctorMs = await medianMs(5, async () => {
        const res = await backend.dispatch('doctor', {})
        if (!res.ok) throw new Error(res.error.message)
      })
      const backupMs = await medianMs(5, async (i) => {
        const res = await backend.dispatch('backup.create', { to: path.join(root, `copy-${i}.sqlite`) })
        if (!res.ok) throw new Error(res.error.message)
      })
      await backend.close()
      const openExistingMs = await medianMs(5, async () => {
        const again = await Backend.open({ dataDir: data })
        await again.close()
      })
      return {
        open_new_ms: openNewMs,
        open_existing_ms: openExistingMs,
        demo_load_ms: Math.round(demoLoadMs * 1000) / 1000,
        doctor_ms: doctorMs,
        backup_ms: backupMs,
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  },
}
