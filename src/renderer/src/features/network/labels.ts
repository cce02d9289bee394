import type { NodeLabelDrawingFunction } from 'sigma/rendering'
import type { EdgeAttributes, NodeAttributes } from './graph'

/** A name's box on the screen, in CSS pixels: left, top, right, bottom. */
export type Box = readonly [number, number, number, number]

/** Room kept clear around each name, in CSS pixels. */
const GAP = 2

/**
 * Which names to draw, so that none overlaps another: every forced one (my
 * own name, the person found), then the others in the order given (sigma's
 * pick, larger dots first in each part of the map), each kept only if it
 * overlaps none kept before it.
 */
export function placeLabels(boxes: readonly Box[], forced: readonly boolean[]): boolean[] {
  const kept = boxes.map(() => false)
  const taken: Box[] = []
  const overlaps = (b: Box): boolean => taken.some((t) => b[0] < t[2] + GAP && t[0] < b[2] + GAP && b[1] < t[3] + GAP && t[1] < b[3] + GAP)
  for (const pass of [true, false]) {
    boxes.forEach((box, i) => {
      if ((forced[i] ?? false) !== pass || (!pass && overlaps(box))) return
      kept[i] = true
      taken.push(box)
    })
  }
  return kept
}

interface Queued {
  text: string
  x: number
  y: number
  size: number
  forced: boolean
  font: string
  color: string
}

/**
 * Sigma draws a name beside every dot it picks, whether or not it runs into
 * the next one: on a crowded map the names ran together ("Kemi MensahRuth
 * Romero"). This layer takes the names sigma would draw in a frame (`draw`,
 * its label drawer), then draws them once the frame is done (`flush`, on
 * sigma's afterRender) without overlaps, as `placeLabels` chooses. Each
 * frame starts with an empty queue (`clear`, on beforeRender).
 */
export class LabelLayer {
  private queued: Queued[] = []

  readonly draw: NodeLabelDrawingFunction<NodeAttributes, EdgeAttributes> = (_context, data, settings) => {
    if (typeof data.label !== 'string' || data.label === '') return
    // The map sets one colour for every name (the page's text colour), never a colour per node.
    const color = settings.labelColor.color ?? '#000'
    this.queued.push({
      text: data.label,
      x: data.x + data.size + 3,
      y: data.y,
      size: settings.labelSize,
      forced: data.forceLabel === true,
      font: `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`,
      color,
    })
  }

  /** Forgets names queued by a frame that never finished (called as each frame starts). */
  clear(): void {
    this.queued = []
  }

  /** Draws this frame's names on the label canvas (cleared by sigma at the frame's start), none over another. */
  flush(context: CanvasRenderingContext2D): void {
    const labels = this.queued
    this.queued = []
    if (labels.length === 0) return
    const boxes = labels.map((l): Box => {
      context.font = l.font
      // Sigma's baseline (a third of the size below the dot's centre); the box from the cap height to the descenders.
      const baseline = l.y + l.size / 3
      return [l.x, baseline - l.size * 0.8, l.x + context.measureText(l.text).width, baseline + l.size * 0.25]
    })
    const kept = placeLabels(boxes, labels.map((l) => l.forced))
    labels.forEach((l, i) => {
      if (kept[i] !== true) return
      context.font = l.font
      context.fillStyle = l.color
      context.fillText(l.text, l.x, l.y + l.size / 3)
    })
  }
}
