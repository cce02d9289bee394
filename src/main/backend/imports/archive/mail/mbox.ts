/**
 * Splits an mbox file into messages without reading their bodies: the bytes
 * are scanned (Buffer.indexOf, native) for a line that starts with `From `,
 * the `From ` line is kept for its date, the header block is cut at the first
 * blank line (CRLF or LF), and everything after it is skipped unread until the
 * next `From ` line. `>From ` in a body is body text (it does not start with
 * `From `). A `From ` line counts only when the line after it looks like a
 * header, so an unescaped body line is not taken for a new message. Memory
 * stays constant: one read chunk plus at most one header block.
 */
import fs from 'node:fs'
import { fileFailure } from '../../../files'
import { yieldToEventLoop } from '../../yield'

/** A header block longer than this is cut here (a broadcast with thousands of addresses); the rest is skipped. */
export const HEADER_CAP = 256 * 1024
const CHUNK = 1 << 20
const NL_FROM = Buffer.from('\nFrom ')

export interface MboxSink {
  /** one message: its `From ` line (without the newline) and its header block */
  message: (envelope: string, header: Buffer) => void
  /** bytes of the file read so far, after each chunk */
  progress: (bytesRead: number) => void
  signal?: AbortSignal | undefined
}

type Step =
  | { kind: 'more' }
  | { kind: 'skip'; next: number }
  | { kind: 'message'; envelope: string; header: Buffer; next: number }

/** Reads one mbox file to its end (or until the signal aborts); `label` names it in errors. Returns false when cancelled. */
export async function splitMbox(file: string, label: string, sink: MboxSink): Promise<boolean> {
  const stream = fs.createReadStream(file, { highWaterMark: CHUNK })
  // As if a line had just ended, so a `From ` on the first line (or after blank lines) is found.
  let carry: Buffer = Buffer.from('\n')
  let seeking = true
  let read = 0
  try {
    for await (const raw of stream) {
      const chunk = asBuffer(raw)
      if (chunk === null) continue
      if (sink.signal?.aborted === true) return false
      read += chunk.length
      const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk
      let pos = 0
      for (;;) {
        if (seeking) {
          const at = data.indexOf(NL_FROM, pos)
          if (at < 0) {
            carry = data.subarray(Math.max(pos, data.length - NL_FROM.length + 1))
            break
          }
          pos = at + 1
          seeking = false
        }
        const step = readMessageStart(data, pos)
        if (step.kind === 'more') {
          carry = data.subarray(pos)
          break
        }
        if (step.kind === 'message') sink.message(step.envelope, step.header)
        pos = step.next
        seeking = true
      }
      sink.progress(read)
      await yieldToEventLoop()
    }
  } catch (err) {
    throw fileFailure(err, label, 'read')
  } finally {
    stream.destroy()
  }
  if (!seeking && carry.length > 0) {
    // The last message ends inside its header (no blank line, no body).
    const end = carry.indexOf(10)
    if (end > 0 && end + 1 < carry.length) sink.message(carry.toString('latin1', 0, end).trimEnd(), carry.subarray(end + 1))
  }
  return true
}

/** `pos` is at the `F` of a `From ` line: reads that line and the header block after it, if they are whole in `data`. */
function readMessageStart(data: Buffer, pos: number): Step {
  const lineEnd = data.indexOf(10, pos)
  if (lineEnd < 0) return data.length - pos > HEADER_CAP ? { kind: 'skip', next: data.length - NL_FROM.length } : { kind: 'more' }
  const start = lineEnd + 1
  // The next line must look like a header ("Name:"), or this `From ` was body text.
  for (let j = start; ; j++) {
    if (j >= data.length) return { kind: 'more' }
    const b = data[j] ?? 0
    if (b === 58 && j > start) break
    if (b <= 32 || b > 126) return { kind: 'skip', next: lineEnd }
  }
  let p = start
  for (;;) {
    const nl = data.indexOf(10, p)
    if (nl < 0 || nl - start > HEADER_CAP) {
      if (data.length - start <= HEADER_CAP) return { kind: 'more' }
      return { kind: 'message', envelope: envelopeOf(data, pos, lineEnd), header: data.subarray(start, start + HEADER_CAP), next: start + HEADER_CAP }
    }
    const next = nl + 1
    if (next >= data.length || (data[next] === 13 && next + 1 >= data.length)) return { kind: 'more' }
    if (data[next] === 10 || (data[next] === 13 && data[next + 1] === 10)) {
      return { kind: 'message', envelope: envelopeOf(data, pos, lineEnd), header: data.subarray(start, nl), next: nl }
    }
    p = next
  }
}

/** A read chunk, typed: the stream yields Buffers (no encoding is set). */
function asBuffer(raw: unknown): Buffer | null {
  return raw instanceof Uint8Array ? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength) : null
}

function envelopeOf(data: Buffer, pos: number, lineEnd: number): string {
  return data.toString('latin1', pos, lineEnd).trimEnd()
}
