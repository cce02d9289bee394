import { useMantineColorScheme } from '@mantine/core'
import { createSpotlight, Spotlight, useSpotlight } from '@mantine/spotlight'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { PersonRef, SearchHit } from '../../../../shared/types'
import { call } from '../../lib/client'
import { useNav } from '../../lib/nav'
import { recentPeople, rememberPerson } from '../../lib/recent-people'
import { PAGES } from '../../pages'
import { useDialogs } from '../../dialogs/Dialogs'
import { rankActions, type PaletteAction } from './palette-ranking'

interface Action extends PaletteAction {
  description?: string
  run: () => void
}

const [paletteStore, palette] = createSpotlight()

/** Opens the command palette (Ctrl/Cmd+K does too). */
export const openPalette = palette.open

/**
 * Marks the first result as chosen, so Enter acts on it. The palette's own keys
 * (arrows, Enter) find the choice by this attribute; results that arrive after the
 * query (people found by the search) replace the rows it was on.
 */
function selectFirst(): void {
  const { listId } = paletteStore.getState()
  const list = listId === '' ? null : document.getElementById(listId)
  if (list === null) return
  for (const row of list.querySelectorAll('[data-selected]')) row.removeAttribute('data-selected')
  const first = list.querySelector('[data-action]')
  if (first === null) return
  first.setAttribute('data-selected', 'true')
  paletteStore.updateState((state) => ({ ...state, selected: 0 }))
}

function personDescription(h: SearchHit): string | undefined {
  return [h.title, h.company].filter((x) => x !== null).join(' · ') || undefined
}

/** Ctrl/Cmd+K: jump to anyone (typos are fine) or run an action. Opens empty, with the first result chosen. */
export function CommandPalette(): ReactNode {
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<{ query: string; hits: SearchHit[] }>({ query: '', hits: [] })
  const [recent, setRecent] = useState<PersonRef[]>([])
  const { opened, listId } = useSpotlight(paletteStore)
  const { go } = useNav()
  const dialogs = useDialogs()
  const { setColorScheme } = useMantineColorScheme()
  /** whether the search box has had the focus since the palette last opened */
  const searchReached = useRef(false)

  // The search box takes the focus a moment after the palette opens (later on a busy machine):
  // what is typed right after Ctrl+K, before then, would go to the page and be lost. It is typed
  // into the search instead. Once the box has had the focus, keys go where the focus is.
  useEffect(() => {
    const typedEarly = (event: KeyboardEvent): void => {
      if (!paletteStore.getState().opened || searchReached.current || event.defaultPrevented || event.isComposing) return
      if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return
      event.preventDefault()
      setQuery((q) => q + event.key)
    }
    window.addEventListener('keydown', typedEarly, true)
    return () => window.removeEventListener('keydown', typedEarly, true)
  }, [])

  useEffect(() => {
    let current = true
    const q = query.trim()
    const timer = setTimeout(() => {
      if (q === '') {
        if (current) setFound({ query, hits: [] })
        return
      }
      call('search', { query: q, limit: 8 })
        .then((hits) => {
          if (current) setFound({ query, hits })
        })
        .catch(() => {
          if (current) setFound({ query, hits: [] })
        })
    }, 30)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [query])

  const openPerson = (person: PersonRef): void => {
    rememberPerson(person)
    go({ page: 'person', id: person.id })
  }
  const actions: Action[] = [
    { id: 'add-person', label: 'Add a person', keywords: ['new', 'contact'], run: () => dialogs.open({ kind: 'person' }) },
    { id: 'log-interaction', label: 'Log an interaction', description: 'Ctrl+I', keywords: ['meeting', 'call'], run: () => dialogs.open({ kind: 'interaction' }) },
    { id: 'add-relationship', label: 'Add a relationship', description: 'who knows whom', run: () => dialogs.open({ kind: 'relationship' }) },
    {
      id: 'log-favor',
      label: 'Log a favor',
      keywords: ['favour'],
      // The likely giver is you: the form opens with you as "Who gave".
      run: () => {
        call('me.get', {})
          .then((me) => dialogs.open({ kind: 'favor', giver: me }))
          .catch(() => dialogs.open({ kind: 'favor' }))
      },
    },
    ...PAGES.map((p) => ({ id: `go-${p.id}`, label: `Go to ${p.label}`, description: p.hint, keywords: [p.hint], run: () => go({ page: p.id }) })),
    { id: 'theme-auto', label: 'Follow the system theme', keywords: ['appearance', 'colour', 'color', 'auto'], run: () => setColorScheme('auto') },
    { id: 'theme-light', label: 'Use the light theme', keywords: ['appearance', 'colour', 'color'], run: () => setColorScheme('light') },
    { id: 'theme-dark', label: 'Use the dark theme', keywords: ['appearance', 'colour', 'color', 'night'], run: () => setColorScheme('dark') },
  ]
  const empty = query.trim() === ''
  const ranked = rankActions(query, actions)
  const people = empty ? [] : found.query === query ? found.hits : []
  const rows = `${empty ? recent.map((p) => p.id).join() : ''}|${people.map((h) => h.id).join()}|${ranked.named.map((a) => a.id).join()}|${ranked.contains.map((a) => a.id).join()}`

  // Whatever the results now are, the first one is chosen.
  // The list may appear a frame after the palette opens (its opening transition).
  useEffect(() => {
    if (!opened) return
    selectFirst()
    const frame = requestAnimationFrame(selectFirst)
    return () => cancelAnimationFrame(frame)
  }, [opened, listId, rows])

  const actionRows = (list: Action[]): ReactNode =>
    list.map((a) => <Spotlight.Action key={a.id} label={a.label} description={a.description} onClick={a.run} />)

  return (
    <Spotlight.Root
      store={paletteStore}
      query={query}
      onQueryChange={setQuery}
      // It opens empty (cleared on closing), or with what was typed before the search box took the focus.
      onSpotlightOpen={() => setRecent(recentPeople())}
      onSpotlightClose={() => {
        searchReached.current = false
        setQuery('')
      }}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      scrollable
      maxHeight={420}
      // The dialog has no visible title: it is named for what it does.
      attributes={{ content: { 'aria-label': 'Command palette' } }}
    >
      <Spotlight.Search
        placeholder="Find someone or run an action…"
        aria-label="Find someone or run an action"
        onFocus={() => {
          searchReached.current = true
        }}
      />
      <Spotlight.ActionsList aria-label="Results">
        {empty && recent.length > 0 && (
          <Spotlight.ActionsGroup label="Recent people">
            {recent.map((p) => (
              <Spotlight.Action key={`recent-${p.id}`} label={p.name} onClick={() => openPerson(p)} />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {ranked.named.length > 0 && <Spotlight.ActionsGroup label="Actions">{actionRows(ranked.named)}</Spotlight.ActionsGroup>}
        {people.length > 0 && (
          <Spotlight.ActionsGroup label="People">
            {people.map((h) => (
              <Spotlight.Action key={`person-${h.id}`} label={h.name} description={personDescription(h)} onClick={() => openPerson(h)} />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {ranked.contains.length > 0 && <Spotlight.ActionsGroup label="More actions">{actionRows(ranked.contains)}</Spotlight.ActionsGroup>}
        {people.length === 0 && ranked.named.length === 0 && ranked.contains.length === 0 && !empty && found.query === query && (
          <Spotlight.Empty>No one and nothing matches.</Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  )
}
