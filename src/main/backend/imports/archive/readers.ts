/**
 * The reader of each archive format: the mail reader for mbox files, Apple
 * Mail folders and `.eml` files, the calendar reader for `.ics` files. Both
 * call back once per message or meeting; the learning step pulls them as an
 * async iterable, so they are bridged here.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { ArchiveFormat } from '../../../../shared/imports'
import { readCalendar } from './calendar/read'
import type { ArchiveReader, ReaderOptions } from './formats'
import { readLinkedinExport } from './linkedin/read'
import { readMail } from './mail/read'
import type { Observation } from './observation'

/**
 * Turns a reader that calls `push` for each observation into an async
 * iterable. The readers let the event loop run between chunks, so what waits
 * here is at most one chunk's observations.
 */
async function* pulled(read: (push: (observation: Observation) => void) => Promise<unknown>): AsyncGenerator<Observation> {
  let waiting: Observation[] = []
  // Set from the reader's callbacks, so kept in an object the loop re-reads.
  const state: { finished: boolean; failure: { error: unknown } | null; wake: (() => void) | null } = { finished: false, failure: null, wake: null }
  const nudge = (): void => {
    const wake = state.wake
    state.wake = null
    wake?.()
  }
  read((observation) => {
    waiting.push(observation)
    nudge()
  }).then(
    () => {
      state.finished = true
      nudge()
    },
    (error: unknown) => {
      state.failure = { error }
      state.finished = true
      nudge()
    },
  )
  for (;;) {
    if (waiting.length > 0) {
      const batch = waiting
      waiting = []
      yield* batch
      continue
    }
    if (state.finished) {
      if (state.failure !== null) throw state.failure.error
      return
    }
    await new Promise<void>((resolve) => (state.wake = resolve))
  }
}

const mail: ArchiveReader = (archivePath: string, options: ReaderOptions) =>
  pulled(async (onObservation) => {
    const summary = await readMail(archivePath, {
      name: options.name,
      onObservation,
      signal: options.signal,
      onProgress: (p) => options.onProgress({ bytes: p.bytesRead, totalBytes: p.totalBytes }),
    })
    options.onOwnAddresses?.(summary.ownAddresses)
  })

const calendar: ArchiveReader = (archivePath: string, options: ReaderOptions) =>
  pulled(async (onObservation) => {
    const { size } = await fs.stat(archivePath)
    return readCalendar(archivePath, {
      name: options.name,
      onObservation,
      signal: options.signal,
      // The calendar is parsed whole, then walked event by event: progress is the share of events done.
      onProgress: (p) => options.onProgress({ bytes: p.totalEvents === 0 ? size : Math.round((size * p.events) / p.totalEvents), totalBytes: size }),
    })
  })

/** Messages that may reach the page name only the export's file, never where it is. */
const linkedin: ArchiveReader = (archivePath: string, options: ReaderOptions) => readLinkedinExport(archivePath, options, options.name ?? path.basename(archivePath))

/** The reader of each archive format Kith learns from. */
export const READERS: { readonly [F in ArchiveFormat]: ArchiveReader } = {
  mbox: mail,
  'apple-mbox': mail,
  eml: mail,
  ics: calendar,
  'linkedin-export': linkedin,
}
