import { Alert, Box, Button, ColorSwatch, Group, List, Paper, Progress, SegmentedControl, Stack, Text, TextInput, UnstyledButton } from '@mantine/core'
import { useComputedColorScheme, useMantineTheme } from '@mantine/core'
import { useReducedMotion } from '@mantine/hooks'
import Sigma from 'sigma'
import { EdgeLineProgram } from 'sigma/rendering'
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { NetworkMap } from '../../../../shared/types'
import { buildGraph, layoutRequest, tieColour, webglAvailable, type EdgeAttributes, type NodeAttributes } from './graph'
import { LabelLayer } from './labels'
import { hoverDrawer } from './hover'
import { colourGroups, findPeople, LARGE_MAP, MANY_TIES, ME_COLOUR, nameClusters, seedPositions, SMALL_MAP, summarise } from './map-model'
import { useLayout } from './useLayout'

type ColourBy = 'organisation' | 'cluster'

/** How long after the map last moved the layout's positions wait before they are drawn. */
const MOVE_PAUSE_MS = 400
/** Each "Arrange again" turns the starting rings by this much more of a circle (the golden ratio's part, so turns never repeat). */
const ARRANGE_TURN = 0.381966

/** The drawn map of one `network.map` answer, with its legend, search and layout controls. */
export function NetworkView({ map, onOpenPerson }: { map: NetworkMap; onOpenPerson: (id: number) => void }): ReactNode {
  const reduceMotion = useReducedMotion()
  const dark = useComputedColorScheme('light') === 'dark'
  const theme = useMantineTheme()
  const [colourBy, setColourBy] = useState<ColourBy>('organisation')
  const [query, setQuery] = useState('')
  const [selected, setSelected] = useState<number | null>(null)
  const [drawError, setDrawError] = useState<string | null>(null)
  const [canDraw] = useState(webglAvailable)
  const graph = useMemo(() => buildGraph(map), [map])
  const [sigma, setSigma] = useState<Sigma<NodeAttributes, EdgeAttributes> | null>(null)
  const large = map.ids.length > LARGE_MAP || map.edges.length / 3 > MANY_TIES
  const small = map.ids.length <= SMALL_MAP
  const open = useRef(onOpenPerson)
  useEffect(() => {
    open.current = onOpenPerson
  }, [onOpenPerson])

  // While the map is being moved, the layout's newest positions wait: redrawing everyone mid-gesture makes it stutter.
  const movedAt = useRef(0)
  const waiting = useRef<{ xy: Float32Array | null; timer: number | null }>({ xy: null, timer: null })
  const applyPositions = useCallback(
    (xy: Float32Array) => {
      const held = waiting.current
      held.xy = xy
      const place = (): void => {
        held.timer = null
        const wait = movedAt.current + MOVE_PAUSE_MS - performance.now()
        if (wait > 0) {
          held.timer = window.setTimeout(place, wait)
          return
        }
        const latest = held.xy
        held.xy = null
        if (latest === null) return
        graph.updateEachNodeAttributes(
          (node, attributes) => {
            const i = Number(node)
            attributes.x = latest[i * 2] ?? attributes.x
            attributes.y = latest[i * 2 + 1] ?? attributes.y
            return attributes
          },
          { attributes: ['x', 'y'] },
        )
      }
      if (held.timer === null) place()
    },
    [graph],
  )
  useEffect(() => {
    const held = waiting.current
    return () => {
      if (held.timer !== null) window.clearTimeout(held.timer)
    }
  }, [])
  const layout = useLayout(() => layoutRequest(map, graph), applyPositions, reduceMotion)

  // Arranging again starts from turned rings, so it settles into a new picture rather than where it already is.
  const turns = useRef(0)
  const { restart } = layout
  const arrangeAgain = useCallback(() => {
    turns.current += 1
    const xy = seedPositions(map, map.organisation, turns.current * ARRANGE_TURN)
    waiting.current.xy = null
    graph.updateEachNodeAttributes(
      (node, attributes) => {
        const i = Number(node)
        attributes.x = xy[i * 2] ?? attributes.x
        attributes.y = xy[i * 2 + 1] ?? attributes.y
        return attributes
      },
      { attributes: ['x', 'y'] },
    )
    restart()
  }, [map, graph, restart])

  const clusterNames = useMemo(() => (layout.clusters === null ? null : nameClusters(map, layout.clusters.cluster)), [map, layout.clusters])
  const meColour = dark ? ME_COLOUR.dark : ME_COLOUR.light
  const clusterLegend = useMemo(
    () => (layout.clusters === null || clusterNames === null ? null : colourGroups(map, layout.clusters.cluster, (c) => clusterNames.get(c) ?? 'a cluster', meColour)),
    [map, layout.clusters, clusterNames, meColour],
  )
  const orgLegend = useMemo(() => colourGroups(map, map.organisation, (o) => map.organisations[o]?.name ?? 'an organisation', meColour), [map, meColour])
  const legend = colourBy === 'cluster' && clusterLegend !== null ? clusterLegend : orgLegend
  const summary = summarise(
    map,
    layout.clusters === null || clusterLegend === null
      ? null
      : { count: layout.clusters.count, largest: clusterLegend.entries.filter((e) => e.label !== 'You' && e.label !== 'Everyone else') },
  )

  useEffect(() => {
    graph.updateEachNodeAttributes(
      (node, attributes) => {
        attributes.color = legend.colours[Number(node)] ?? attributes.color
        return attributes
      },
      { attributes: ['color'] },
    )
  }, [graph, legend])

  // Sigma lives as long as the element it draws in (a ref callback with its cleanup).
  const attach = useCallback(
    (element: HTMLDivElement | null) => {
      if (element === null) return undefined
      let renderer: Sigma<NodeAttributes, EdgeAttributes>
      // Names are drawn once a frame is done, so that none runs into another.
      const labels = new LabelLayer()
      try {
        renderer = new Sigma<NodeAttributes, EdgeAttributes>(graph, element, {
          allowInvalidContainer: true,
          // Room around the map, so the names at its edge (drawn to the right of each dot) are not cut off.
          stagePadding: small ? 90 : 40,
          // Small maps: every name. Large maps: labels only once zoomed in, and no edges or labels while panning.
          labelRenderedSizeThreshold: large ? 9 : small ? 0 : 5,
          labelDensity: large ? 0.3 : 1,
          hideEdgesOnMove: large,
          hideLabelsOnMove: large,
          // Large maps draw ties as hairlines: far cheaper to draw than sigma's default quads, and they read the same when many.
          defaultEdgeType: large ? 'hairline' : 'line',
          edgeProgramClasses: { hairline: EdgeLineProgram },
          zIndex: true,
          defaultDrawNodeLabel: labels.draw,
        })
      } catch {
        setDrawError('This browser could not start drawing the map.')
        return undefined
      }
      const labelContext = renderer.getCanvases().labels?.getContext('2d') ?? null
      const flush = (): void => {
        if (labelContext !== null) labels.flush(labelContext)
      }
      renderer.on('beforeRender', () => labels.clear())
      renderer.on('afterRender', flush)
      // Sigma drew its first frame in its constructor, before these listeners: its names are queued, not yet drawn.
      flush()
      renderer.getCamera().on('updated', () => {
        movedAt.current = performance.now()
      })
      renderer.on('clickNode', ({ node }) => {
        const id = map.ids[Number(node)]
        if (id !== undefined) open.current(id)
      })
      setSigma(renderer)
      return () => {
        renderer.kill()
        setSigma(null)
      }
    },
    [graph, map, large, small],
  )

  // Ties in the page's own greys, solid enough to read on either scheme's background.
  useEffect(() => {
    const palette = dark ? { mine: theme.colors.dark[0], others: theme.colors.dark[2] } : { mine: theme.colors.gray[7], others: theme.colors.gray[6] }
    graph.updateEachEdgeAttributes(
      (_edge, attributes) => {
        attributes.color = tieColour(palette, attributes.mine, large)
        return attributes
      },
      { attributes: ['color'] },
    )
  }, [graph, dark, theme, large])

  // Labels and the card under the pointer in the page's own colours, for either scheme.
  useEffect(() => {
    if (sigma === null || sigma.getGraph() !== graph) return
    const text = dark ? theme.colors.dark[0] : theme.colors.gray[9]
    sigma.setSetting('labelColor', { color: text })
    sigma.setSetting(
      'defaultDrawNodeHover',
      hoverDrawer({ background: dark ? theme.colors.dark[7] : theme.white, text, border: dark ? theme.colors.dark[3] : theme.colors.gray[5] }),
    )
  }, [sigma, graph, dark, theme])

  // The chosen person stands out and the camera goes to them.
  const matches = useMemo(() => findPeople(map, query, 6), [map, query])
  const chosen = selected !== null && matches.includes(selected) ? selected : (matches[0] ?? null)
  useEffect(() => {
    const renderer = sigma
    // Until the new map's renderer is set, `sigma` may still be the old one, already ended: leave it alone.
    if (renderer === null || renderer.getGraph() !== graph) return
    const key = chosen === null ? null : String(chosen)
    const meKey = String(map.me)
    // The chosen person stands out; my own name always shows.
    renderer.setSetting('nodeReducer', (node, data) =>
      node === key ? { ...data, size: Math.max(data.size * 1.8, 8), highlighted: true, forceLabel: true, zIndex: 2 } : node === meKey ? { ...data, forceLabel: true, zIndex: 1 } : data,
    )
    if (key === null || !graph.hasNode(key)) return
    // The camera moves in the framed graph's coordinates: from the person's place, through the screen.
    const { x, y } = graph.getNodeAttributes(key)
    const target = renderer.viewportToFramedGraph(renderer.graphToViewport({ x, y }))
    void renderer.getCamera().animate({ ...target, ratio: Math.min(renderer.getCamera().ratio, 0.35) }, { duration: reduceMotion ? 0 : 400 })
  }, [sigma, graph, chosen, reduceMotion, map.me])

  // Once the layout ends the whole map comes into view, unless someone found by the search has the camera.
  const chosenRef = useRef(chosen)
  useEffect(() => {
    chosenRef.current = chosen
  }, [chosen])
  useEffect(() => {
    if (layout.running || sigma === null || sigma.getGraph() !== graph || chosenRef.current !== null) return
    void sigma.getCamera().animatedReset({ duration: reduceMotion ? 0 : 300 })
  }, [layout.running, sigma, graph, reduceMotion])

  const describe = (i: number): string => {
    const org = map.organisations[map.organisation[i] ?? -1]?.name
    return org === undefined ? (map.names[i] ?? '') : `${map.names[i] ?? ''}, ${org}`
  }
  const openIndex = (i: number): void => {
    const id = map.ids[i]
    if (id !== undefined) onOpenPerson(id)
  }

  return (
    <Stack gap="md">
      <Text id="network-summary">{summary}</Text>
      <Group align="flex-start" gap="md" wrap="wrap">
        <Stack gap="xs" w={300}>
          <TextInput
            label="Find a person on the map"
            description="The map goes to the first match; Enter opens their page."
            value={query}
            onChange={(e) => {
              setQuery(e.currentTarget.value)
              setSelected(null)
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && chosen !== null) {
                e.preventDefault()
                openIndex(chosen)
              }
            }}
          />
          {query.trim() !== '' && matches.length === 0 && <Text size="sm">Nobody on the map by that name.</Text>}
          {matches.length > 0 && (
            <List listStyleType="none" spacing={4} aria-label="People found on the map">
              {matches.map((i) => (
                <List.Item key={i}>
                  <UnstyledButton onClick={() => setSelected(i)} aria-pressed={i === chosen} fw={i === chosen ? 700 : 400}>
                    {describe(i)}
                  </UnstyledButton>
                </List.Item>
              ))}
            </List>
          )}
          {chosen !== null && (
            <Button variant="light" onClick={() => openIndex(chosen)}>
              Open {map.names[chosen]}
            </Button>
          )}
          <SegmentedControl
            aria-label="Colour the map by"
            value={colourBy}
            onChange={(value) => setColourBy(value === 'cluster' ? 'cluster' : 'organisation')}
            data={[
              { value: 'organisation', label: 'Organisations' },
              { value: 'cluster', label: 'Clusters', disabled: clusterLegend === null },
            ]}
          />
          <Paper withBorder p="xs" component="section" aria-label="Legend">
            <List listStyleType="none" spacing={2} size="sm">
              {legend.entries.map((entry) => (
                <List.Item key={entry.label} icon={<ColorSwatch color={entry.colour} size={12} aria-hidden />}>
                  {entry.label} ({entry.people.toLocaleString('en')})
                </List.Item>
              ))}
            </List>
          </Paper>
        </Stack>
        <Stack gap="xs" style={{ flex: 1, minWidth: 320 }}>
          {layout.running ? (
            <Group gap="sm" wrap="nowrap">
              <Progress
                value={layout.progress === null ? 0 : (100 * layout.progress.done) / layout.progress.total}
                aria-label="Arranging the map"
                style={{ flex: 1 }}
                animated={!reduceMotion}
              />
              <Text size="sm" aria-live="polite">
                {layout.progress === null ? 'Finding clusters…' : `Arranging: ${layout.progress.done} of ${layout.progress.total} steps`}
              </Text>
              <Button size="xs" variant="default" onClick={layout.stop}>
                Stop
              </Button>
            </Group>
          ) : (
            <Group gap="sm">
              <Text size="sm" c="dimmed">
                {layout.failed ?? 'Drag to move, scroll to zoom, click someone to open their page.'}
              </Text>
              <Button size="xs" variant="default" onClick={arrangeAgain}>
                Arrange again
              </Button>
            </Group>
          )}
          {!canDraw || drawError !== null ? (
            <Alert color="yellow" title="The map cannot be drawn here" role="status">
              {drawError ?? 'This browser has WebGL turned off or unavailable, which the map needs.'} The summary and the search still work: find
              someone by name and press Enter to open them.
            </Alert>
          ) : (
            <Box ref={attach} h={600} role="img" aria-label={`Map of your network. ${summary}`} />
          )}
        </Stack>
      </Group>
    </Stack>
  )
}
