import type { NodeHoverDrawingFunction } from 'sigma/rendering'
import type { EdgeAttributes, NodeAttributes } from './graph'

/** The colours of the card sigma draws under the pointer: the page's own surface and text, so it reads in either scheme. */
export interface HoverColours {
  background: string
  text: string
  border: string
}

/**
 * Draws the person under the pointer: a ring around their dot and their
 * name on a card in the page's colours. (Sigma's own hover card is always
 * white, which left the light label of the dark scheme unreadable.)
 */
export function hoverDrawer(colours: HoverColours): NodeHoverDrawingFunction<NodeAttributes, EdgeAttributes> {
  return (context, data, settings) => {
    const fontSize = settings.labelSize
    context.font = `${settings.labelWeight} ${fontSize}px ${settings.labelFont}`
    const padding = 4
    const ring = data.size + 2

    context.beginPath()
    context.arc(data.x, data.y, ring, 0, Math.PI * 2)
    context.fillStyle = colours.background
    context.fill()
    context.lineWidth = 1.5
    context.strokeStyle = colours.border
    context.stroke()
    context.beginPath()
    context.arc(data.x, data.y, data.size, 0, Math.PI * 2)
    context.fillStyle = data.color
    context.fill()

    if (typeof data.label !== 'string' || data.label === '') return
    const left = data.x + ring + 3
    const width = context.measureText(data.label).width + padding * 2
    const height = fontSize + padding * 2
    const top = data.y - height / 2
    context.beginPath()
    context.roundRect(left, top, width, height, 4)
    context.fillStyle = colours.background
    context.fill()
    context.lineWidth = 1
    context.strokeStyle = colours.border
    context.stroke()
    context.fillStyle = colours.text
    context.textBaseline = 'middle'
    context.fillText(data.label, left + padding, data.y + 0.5)
    context.textBaseline = 'alphabetic'
  }
}
