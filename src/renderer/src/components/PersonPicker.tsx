import { MultiSelect, Select } from '@mantine/core'
import { useEffect, useState, type ReactNode } from 'react'
import type { PersonRef, SearchHit } from '../../../shared/types'
import { call } from '../lib/client'

function useSearch(query: string): SearchHit[] {
  const [hits, setHits] = useState<SearchHit[]>([])
  useEffect(() => {
    let current = true
    const timer = setTimeout(() => {
      call('search', { query, limit: 12 })
        .then((found) => {
          if (current) setHits(found)
        })
        .catch(() => {
          if (current) setHits([])
        })
    }, 60)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [query])
  return hits
}

function optionLabel(p: PersonRef & { company?: string | null }): string {
  return p.company === undefined || p.company === null ? p.name : `${p.name} (${p.company})`
}

interface CommonProps {
  label: string
  description?: string
  error?: ReactNode
  required?: boolean
  placeholder?: string
  autoFocus?: boolean
  /** People who cannot be chosen here (say, the other side of a relationship). */
  exclude?: readonly number[]
}

/** Choose one person by typing part of their name (typos are fine). */
export function PersonPicker({
  value,
  onChange,
  exclude = [],
  autoFocus = false,
  onResults,
  ...props
}: CommonProps & {
  value: PersonRef | null
  onChange: (person: PersonRef | null) => void
  /** Told what was typed and how many people match it. */
  onResults?: (query: string, matches: number) => void
}): ReactNode {
  const [query, setQuery] = useState(value?.name ?? '')
  const hits = useSearch(query)
  useEffect(() => {
    onResults?.(query, hits.length)
  }, [onResults, query, hits.length])
  const known = new Map<string, PersonRef & { company?: string | null }>()
  if (value !== null) known.set(String(value.id), value)
  for (const h of hits) if (!exclude.includes(h.id)) known.set(String(h.id), h)
  return (
    <Select
      {...props}
      data-autofocus={autoFocus || undefined}
      searchable
      clearable
      data={[...known.entries()].map(([id, p]) => ({ value: id, label: optionLabel(p) }))}
      value={value === null ? null : String(value.id)}
      onChange={(id) => onChange(id === null ? null : (known.get(id) ?? null))}
      searchValue={query}
      onSearchChange={setQuery}
      filter={({ options }) => options}
      description={hint(props.description, query, known.size)}
    />
  )
}

/**
 * "No one matches" goes in the field's description, read with the field,
 * not inside the list (a list box must hold only options).
 */
function hint(description: string | undefined, query: string, options: number): string | undefined {
  if (query.trim() === '' || options > 0) return description
  return description === undefined ? `No one matches “${query.trim()}”` : `${description} · No one matches “${query.trim()}”`
}

/** Choose several people by typing part of their names. */
export function PeoplePicker({
  value,
  onChange,
  exclude = [],
  autoFocus = false,
  ...props
}: CommonProps & { value: PersonRef[]; onChange: (people: PersonRef[]) => void }): ReactNode {
  const [query, setQuery] = useState('')
  const hits = useSearch(query)
  const known = new Map<string, PersonRef & { company?: string | null }>()
  for (const p of value) known.set(String(p.id), p)
  for (const h of hits) if (!exclude.includes(h.id)) known.set(String(h.id), h)
  return (
    <MultiSelect
      {...props}
      data-autofocus={autoFocus || undefined}
      searchable
      data={[...known.entries()].map(([id, p]) => ({ value: id, label: optionLabel(p) }))}
      value={value.map((p) => String(p.id))}
      onChange={(ids) => onChange(ids.flatMap((id) => { const p = known.get(id); return p === undefined ? [] : [{ id: p.id, name: p.name }] }))}
      searchValue={query}
      onSearchChange={setQuery}
      filter={({ options }) => options}
      description={hint(props.description, query, hits.length)}
    />
  )
}
