import { useCallback, useEffect, useRef, useState } from 'react'
import type { LayoutReport, LayoutRequest } from './layout-protocol'

export interface LayoutState {
  /** clusters once found: one number per person (-1 for none), and how many */
  clusters: { cluster: Int32Array; count: number } | null
  /** steps done and planned; null before the first batch */
  progress: { done: number; total: number } | null
  running: boolean
  failed: string | null
  stop: () => void
  restart: () => void
}

/**
 * Runs the layout in a worker for one network and hands each batch of
 * positions to `onPositions` (straight to the graph: no re-render per
 * batch). With `settleFirst` (reduced motion) positions are handed over
 * once, when the layout ends or is stopped, instead of moving on screen.
 */
export function useLayout(request: () => LayoutRequest, onPositions: (positions: Float32Array) => void, settleFirst: boolean): LayoutState {
  const [clusters, setClusters] = useState<LayoutState['clusters']>(null)
  const [progress, setProgress] = useState<LayoutState['progress']>(null)
  const [running, setRunning] = useState(true)
  const [failed, setFailed] = useState<string | null>(null)
  const [generation, setGeneration] = useState(0)
  const worker = useRef<Worker | null>(null)
  const latest = useRef<Float32Array | null>(null)
  const handlers = useRef({ request, onPositions, settleFirst })
  useEffect(() => {
    handlers.current = { request, onPositions, settleFirst }
  }, [request, onPositions, settleFirst])

  const stop = useCallback(() => {
    worker.current?.terminate()
    worker.current = null
    setRunning(false)
    if (handlers.current.settleFirst && latest.current !== null) handlers.current.onPositions(latest.current)
  }, [])

  useEffect(() => {
    let w: Worker
    try {
      w = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'kith-map-layout' })
    } catch {
      // Reported after this effect: the page shows the seeded picture and says why it stays still.
      queueMicrotask(() => {
        setFailed('The map could not start arranging itself; it shows people where they started.')
        setRunning(false)
      })
      return undefined
    }
    worker.current = w
    latest.current = null
    w.onmessage = (event: MessageEvent<LayoutReport>) => {
      const report = event.data
      if (report.kind === 'clusters') setClusters({ cluster: report.cluster, count: report.count })
      else if (report.kind === 'failed') {
        setFailed(`The map stopped arranging itself: ${report.message}`)
        setRunning(false)
      } else {
        latest.current = report.positions
        setProgress({ done: report.done, total: report.total })
        if (!handlers.current.settleFirst || report.done >= report.total) handlers.current.onPositions(report.positions)
        if (report.done >= report.total) {
          setRunning(false)
          w.terminate()
          if (worker.current === w) worker.current = null
        }
      }
    }
    w.onerror = () => {
      setFailed('The map could not start arranging itself; it shows people where they started.')
      setRunning(false)
    }
    const message = handlers.current.request()
    w.postMessage(message, [message.pairs.buffer, message.weights.buffer, message.positions.buffer])
    return () => {
      w.terminate()
      if (worker.current === w) worker.current = null
    }
  }, [generation])

  const restart = useCallback(() => {
    setRunning(true)
    setProgress(null)
    setFailed(null)
    setGeneration((g) => g + 1)
  }, [])
  return { clusters, progress, running, failed, stop, restart }
}
