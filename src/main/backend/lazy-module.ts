/**
 * Packages that only one kind of work needs, loaded at their first use
 * rather than when the backend starts. The parsers an import needs (iCalendar,
 * zip, CSV, mail addresses and encoded words, quoted-printable) took 70 to
 * 130 ms to load together, and every start of the app's backend and of each
 * CLI command paid it before anyone imported anything. Loaded with Node's own
 * `require`, so the bundle leaves them as they are in node_modules.
 */
import { createRequire } from 'node:module'

const load = createRequire(import.meta.url)

/** A package by name, typed by the caller (`import type`), loaded at the first `get`. */
export class LazyModule<T> {
  private loaded: T | undefined

  constructor(private readonly name: string) {}

  get(): T {
    return (this.loaded ??= load(this.name) as T)
  }
}
