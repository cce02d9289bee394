import { Paper, Text } from '@mantine/core'
import { forceCollide, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force'
import { useMemo, type ReactNode } from 'react'
import type { PathView } from '../../../../shared/types'
import classes from './PathPicture.module.css'

interface Node extends SimulationNodeDatum {
  id: number
  name: string
  column: number
  role: 'me' | 'connector' | 'target'
}

const COLUMN = 190
const ROW = 56

/** Me on the left, targets on the right, connectors in between; thicker lines are stronger ties. */
export function PathPicture({ paths }: { paths: PathView[] }): ReactNode {
  const { nodes, links, width, height } = useMemo(() => {
    const byId = new Map<number, Node>()
    const lastColumn = Math.max(...paths.map((p) => p.people.length - 1))
    for (const p of paths) {
      p.people.forEach((person, k) => {
        if (byId.has(person.id)) return
        const role = k === 0 ? 'me' : k === p.people.length - 1 ? 'target' : 'connector'
        byId.set(person.id, { id: person.id, name: person.name, column: role === 'target' ? lastColumn : k, role, x: (role === 'target' ? lastColumn : k) * COLUMN, y: byId.size * 10 })
      })
    }
    const list = [...byId.values()]
    forceSimulation(list)
      .force('x', forceX<Node>((n) => n.column * COLUMN).strength(1))
      .force('y', forceY(0).strength(0.05))
      .force('collide', forceCollide(ROW / 2))
      .stop()
      .tick(200)
    const seen = new Set<string>()
    const lines: { a: Node; b: Node; strength: number }[] = []
    for (const p of paths) {
      for (let k = 0; k + 1 < p.people.length; k++) {
        const a = byId.get(p.people[k]?.id ?? -1)
        const b = byId.get(p.people[k + 1]?.id ?? -1)
        const key = `${a?.id ?? ''}-${b?.id ?? ''}`
        if (a === undefined || b === undefined || seen.has(key)) continue
        seen.add(key)
        lines.push({ a, b, strength: p.strengths[k] ?? 1 })
      }
    }
    const ys = list.map((n) => n.y ?? 0)
    return { nodes: list, links: lines, width: lastColumn * COLUMN + 200, height: Math.max(...ys) - Math.min(...ys) + 80 }
  }, [paths])

  if (paths.length === 0) return null
  const minY = Math.min(...nodes.map((n) => n.y ?? 0)) - 36
  const description = paths.map((p) => p.people.map((q) => q.name).join(' to ')).join('; ')
  const targets = nodes.filter((n) => n.role === 'target').length

  return (
    <Paper withBorder className={classes.frame}>
      <svg viewBox={`-100 ${minY} ${width} ${height}`} className={classes.svg} role="img" aria-label={`The top paths: ${description}`}>
        {links.map((l, i) => (
          <line key={i} x1={l.a.x ?? 0} y1={l.a.y ?? 0} x2={l.b.x ?? 0} y2={l.b.y ?? 0} className={classes.link} strokeWidth={0.8 + l.strength * 1.1} />
        ))}
        {nodes.map((n) => (
          <g key={n.id} transform={`translate(${n.x ?? 0}, ${n.y ?? 0})`} className={classes[n.role]}>
            <circle r={n.role === 'connector' ? 9 : 13} />
            <text y={n.role === 'connector' ? 24 : 28} textAnchor="middle">
              {n.role === 'me' ? 'You' : n.name}
            </text>
          </g>
        ))}
      </svg>
      <Text size="xs" c="dimmed" px="sm" pb="xs">
        The top {paths.length} {paths.length === 1 ? 'path' : 'paths'}, from you (left) to {targets === 1 ? 'the target' : 'the targets'} (right). Thicker lines are stronger ties.
      </Text>
    </Paper>
  )
}
