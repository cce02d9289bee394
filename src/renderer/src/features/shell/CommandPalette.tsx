import { Spotlight } from '@mantine/spotlight'
import { useEffect, useState, type ReactNode } from 'react'
import type { SearchHit } from '../../../../shared/types'
import { call } from '../../lib/client'
import { useNav } from '../../lib/nav'
import { PAGES } from '../../pages'
import { useDialogs } from '../../dialogs/Dialogs'

interface Action {
  id: string
  label: string
  description?: string
  run: () => void
}

/** Ctrl/Cmd+K: jump to anyone (typos are fine) or run an action. */
export function CommandPalette(): ReactNode {
  const [query, setQuery] = useState('')
  const [hits, setHits] = useState<SearchHit[]>([])
  const { go } = useNav()
  const dialogs = useDialogs()

  useEffect(() => {
    let current = true
    const q = query.trim()
    const timer = setTimeout(() => {
      if (q === '') {
        if (current) setHits([])
        return
      }
      call('search', { query: q, limit: 8 })
        .then((found) => {
          if (current) setHits(found)
        })
        .catch(() => {
          if (current) setHits([])
        })
    }, 30)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [query])

  const actions: Action[] = [
    { id: 'add-person', label: 'Add a person', run: () => dialogs.open({ kind: 'person' }) },
    { id: 'log-interaction', label: 'Log an interaction', description: 'Ctrl+I', run: () => dialogs.open({ kind: 'interaction' }) },
    { id: 'add-relationship', label: 'Add a relationship', description: 'who knows whom', run: () => dialogs.open({ kind: 'relationship' }) },
    { id: 'log-favor', label: 'Log a favor', run: () => dialogs.open({ kind: 'favor' }) },
    ...PAGES.map((p) => ({ id: `go-${p.id}`, label: `Go to ${p.label}`, description: p.hint, run: () => go({ page: p.id }) })),
  ]
  const q = query.trim().toLowerCase()
  const matchingActions = actions.filter((a) => q === '' || a.label.toLowerCase().includes(q))

  return (
<Spotlight.Root query={query} onQueryChange={setQuery} shortcut={['mod + K']} tagsToIgnore={[]} scrollable maxHeight={420}>
      <Spotlight.Search placeholder="Find someone or run an action…" aria-label="Find someone or run an action" />
      <Spotlight.ActionsList aria-label="Results">
        {hits.length > 0 && (
          <Spotlight.ActionsGroup label="People">
            {hits.map((h) => (
              <Spotlight.Action
                key={`person-${h.id}`}
                label={h.name}
                description={[h.title, h.company].filter((x) => x !== null).join(' · ') || undefined}
                onClick={() => go({ page: 'person', id: h.id })}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {matchingActions.length > 0 && (
          <Spotlight.ActionsGroup label="Actions">
            {matchingActions.map((a) => (
              <Spotlight.Action key={a.id} label={a.label} description={a.description} onClick={a.run} />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {hits.length === 0 && matchingActions.length === 0 && <Spotlight.Empty>No one and nothing matches.</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  )
}
