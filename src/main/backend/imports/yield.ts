/** Lets other work (IPC, timers, progress polls) run between slices of a long job. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** Every `every` items, yields and reports progress. */
export async function pace(i: number, total: number, onProgress?: (fraction: number) => void, every = 5_000): Promise<void> {
  if (i === 0 || i % every !== 0) return
  onProgress?.(i / total)
  await yieldToEventLoop()
}
