import { Paper, Text } from '@mantine/core'
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force'
import { useMemo, type KeyboardEvent, type ReactNode } from 'react'
import type { Neighbourhood as Hood } from '../../../../shared/types'
import { strengthWord } from '../../lib/format'
import classes from './Neighbourhood.module.css'

interface Node extends SimulationNodeDatum {
  id: number
  name: string
  center: boolean
  strength: number
}

interface Link extends SimulationLinkDatum<Node> {
  strength: number
  spoke: boolean
}

const WIDTH = 640
const HEIGHT = 380

/** Lays the neighbourhood out once (a fixed number of ticks, seeded positions): the same picture every time. */
function layout(hood: Hood): { nodes: Node[]; links: Link[] } {
  const count = hood.nodes.length
  const nodes: Node[] = [
    { id: hood.center.id, name: hood.center.name, center: true, strength: 5, x: 0, y: 0, fx: 0, fy: 0 },
    ...hood.nodes.map((n, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, count)
      const radius = 90 + (5 - n.strength) * 22
      return { id: n.id, name: n.name, center: false, strength: n.strength, x: radius * Math.cos(angle), y: radius * Math.sin(angle) }
    }),
  ]
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const links: Link[] = [
    ...hood.nodes.map((n) => ({ source: hood.center.id, target: n.id, strength: n.strength, spoke: true })),
    ...hood.edges.filter((e) => byId.has(e.a) && byId.has(e.b)).map((e) => ({ source: e.a, target: e.b, strength: e.strength, spoke: false })),
  ]
  forceSimulation(nodes)
    .force('charge', forceManyBody().strength(-260))
    .force(
      'link',
      forceLink<Node, Link>(links)
        .id((n) => n.id)
        .distance((l) => (l.spoke ? 80 + (5 - l.strength) * 25 : 90))
        .strength((l) => (l.spoke ? 0.7 : 0.15)),
    )
    .force('collide', forceCollide(30))
    .force('x', forceX(0).strength(0.04))
    .force('y', forceY(0).strength(0.06))
    .stop()
    .tick(220)
  return { nodes, links }
}

export function Neighbourhood({ hood, onOpen }: { hood: Hood; onOpen: (id: number) => void }): ReactNode {
  const { nodes, links } = useMemo(() => layout(hood), [hood])
  if (hood.nodes.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        No relationships yet, so there is no neighbourhood to draw.
      </Text>
    )
  }
  const xs = nodes.map((n) => n.x ?? 0)
  const ys = nodes.map((n) => n.y ?? 0)
  const pad = 70
  const minX = Math.min(...xs) - pad
  const minY = Math.min(...ys) - 30
  const width = Math.max(WIDTH, Math.max(...xs) + pad - minX)
  const height = Math.max(HEIGHT, Math.max(...ys) + 40 - minY)
  const position = (end: Node | number | string): { x: number; y: number } => {
    const node = typeof end === 'object' ? end : nodes.find((n) => n.id === end)
    return { x: node?.x ?? 0, y: node?.y ?? 0 }
  }
  const key = (event: KeyboardEvent, id: number): void => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      onOpen(id)
    }
  }
  const summary = `${hood.center.name} knows ${hood.total} ${hood.total === 1 ? 'person' : 'people'}${hood.total > hood.nodes.length ? `; the ${hood.nodes.length} closest are drawn` : ''}.`

  return (
    <Paper withBorder className={classes.frame}>
      <svg viewBox={`${minX} ${minY} ${width} ${height}`} className={classes.svg} role="group" aria-label={`Neighbourhood of ${hood.center.name}. ${summary}`}>
        {links.map((l, i) => {
          const s = position(l.source)
          const t = position(l.target)
          return (
            <line
              key={i}
              x1={s.x}
              y1={s.y}
              x2={t.x}
              y2={t.y}
              className={l.spoke ? classes.spoke : classes.edge}
              strokeWidth={0.6 + l.strength * 0.9}
            />
          )
        })}
        {nodes.map((n) => (
          <g
            key={n.id}
            transform={`translate(${n.x ?? 0}, ${n.y ?? 0})`}
            className={n.center ? classes.center : classes.node}
            role={n.center ? undefined : 'link'}
            tabIndex={n.center ? undefined : 0}
            aria-label={n.center ? undefined : `${n.name}, ${strengthWord(n.strength).toLowerCase()} (${n.strength} of 5)`}
            onClick={n.center ? undefined : () => onOpen(n.id)}
            onKeyDown={n.center ? undefined : (e) => key(e, n.id)}
          >
            <circle r={n.center ? 16 : 7 + n.strength * 1.6} />
            <text y={n.center ? 32 : 24} textAnchor="middle" aria-hidden="true">
              {n.name}
            </text>
          </g>
        ))}
      </svg>
      <Text size="xs" c="dimmed" px="sm" pb="xs">
        {summary} Thicker lines are stronger ties; grey lines link people who know each other.
      </Text>
    </Paper>
  )
}
