/**
 * Tests that need a second process (one killed half way through an import,
 * one holding the import lock) start a script from this folder under tsx and
 * wait for the first line it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

export interface TestChild {
  child: ChildProcess
  /** the first line the script printed, trimmed; rejects if it ends first */
  firstLine: Promise<string>
  /** kills the process and waits until it has gone */
  kill(): Promise<void>
}

/** Runs `testing/<script>` with `args` in a new Node process. */
export function startTestChild(script: string, args: string[]): TestChild {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, script), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  const firstLine = new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('\n')) resolve(out.trim())
    })
    child.on('exit', () => reject(new Error(`${script} ended before it said anything: ${out} ${stderr}`)))
  })
  return {
    child,
    firstLine,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    },
  }
}
