import { Combobox, MultiSelect, Text, TextInput, useCombobox } from '@mantine/core'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { PersonRef, SearchHit } from '../../../shared/types'
import { call } from '../lib/client'

/** Matches for what was typed, tagged with that text so a late answer is never shown for newer text. */
function useSearch(query: string): { query: string; hits: SearchHit[] } {
  const [found, setFound] = useState<{ query: string; hits: SearchHit[] }>({ query: '', hits: [] })
  useEffect(() => {
    let current = true
    const timer = setTimeout(() => {
      call('search', { query, limit: 12 })
        .then((hits) => {
          if (current) setFound({ query, hits })
        })
        .catch(() => {
          if (current) setFound({ query, hits: [] })
        })
    }, 60)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [query])
  return found
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

const CREATE = 'create-new'

/**
 * Choose one person by typing part of their name (typos are fine): a WAI-ARIA combobox
 * with a list box of matches. Typing replaces the choice; the list shows only matches for
 * the text as typed. With `onCreate`, the list ends with "Add “…” to Kith", which mouse
 * and keyboard reach like any other option.
 */
export function PersonPicker({
  label,
  description,
  error,
  required,
  placeholder,
  value,
  onChange,
  onCreate,
  exclude = [],
  autoFocus = false,
}: CommonProps & {
  value: PersonRef | null
  onChange: (person: PersonRef | null) => void
  /** Offered for the typed name when it may be someone new. */
  onCreate?: (name: string) => void
}): ReactNode {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() })
  const [query, setQuery] = useState(value?.name ?? '')
  // The choice this field last reported: a different value comes from outside (a reset, a default).
  // The same person under another name (known by id first, their name arriving later) shows the
  // new name, unless the field has been typed in since.
  const reported = useRef<PersonRef | null>(value)
  useEffect(() => {
    const before = reported.current
    if (value?.id === before?.id && value?.name === before?.name) return
    reported.current = value
    setQuery((shown) => (value !== null && value.id === before?.id && shown !== before.name ? shown : (value?.name ?? '')))
  }, [value])
  const typed = query.trim()
  const found = useSearch(query)
  const fresh = found.query === query
  const hits = fresh ? found.hits.filter((h) => !exclude.includes(h.id)) : []
  const offerCreate = onCreate !== undefined && value === null && typed.length > 1

  const choose = (person: PersonRef): void => {
    reported.current = person
    onChange(person)
    setQuery(person.name)
  }
  const submit = (option: string): void => {
    combobox.closeDropdown()
    if (option === CREATE) {
      onCreate?.(typed)
      return
    }
    const hit = hits.find((h) => String(h.id) === option)
    if (hit !== undefined) choose({ id: hit.id, name: hit.name })
  }
  const type = (text: string): void => {
    setQuery(text)
    combobox.openDropdown()
    combobox.resetSelectedOption()
    if (value !== null) {
      reported.current = null
      onChange(null)
    }
  }

  return (
    <Combobox store={combobox} onOptionSubmit={submit}>
      <Combobox.Target withExpandedAttribute>
        <TextInput
          label={label}
          description={hint(description, typed, fresh && hits.length === 0 && !offerCreate)}
          error={error}
          required={required}
          placeholder={placeholder}
          data-autofocus={autoFocus || undefined}
          value={query}
          onChange={(event) => type(event.currentTarget.value)}
          onClick={() => combobox.openDropdown()}
          onKeyDown={(event) => {
            // Enter with nothing highlighted takes the top of the list rather than sending the form.
            if (event.key !== 'Enter' || !combobox.dropdownOpened || combobox.getSelectedOptionIndex() !== -1) return
            const first = hits[0] === undefined ? (offerCreate ? CREATE : null) : String(hits[0].id)
            if (first === null) return
            event.preventDefault()
            submit(first)
          }}
          onFocus={(event) => {
            // With someone chosen, the first key typed replaces their name.
            if (value !== null) event.currentTarget.select()
          }}
          onBlur={() => {
            combobox.closeDropdown()
            if (value !== null) setQuery(value.name)
          }}
          rightSection={value !== null ? <Combobox.ClearButton onClear={() => type('')} /> : undefined}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={hits.length === 0 && !offerCreate}>
        <Combobox.Options aria-label={label}>
          {hits.map((h) => (
            <Combobox.Option key={h.id} value={String(h.id)} active={value?.id === h.id} aria-selected={value?.id === h.id}>
              {h.name}
              {h.company !== null && (
                <Text span size="sm" c="dimmed">
                  {' '}
                  ({h.company})
                </Text>
              )}
            </Combobox.Option>
          ))}
          {offerCreate && (
            <Combobox.Option value={CREATE} fw={500}>
              Add “{typed}” to Kith
            </Combobox.Option>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  )
}

/**
 * "No one matches" goes in the field's description, read with the field,
 * not inside the list (a list box must hold only options).
 */
function hint(description: string | undefined, typed: string, noMatch: boolean): string | undefined {
  if (typed === '' || !noMatch) return description
  return description === undefined ? `No one matches “${typed}”` : `${description} · No one matches “${typed}”`
}

/** Choose several people by typing part of their names; chosen people leave the list. */
export function PeoplePicker({
  value,
  onChange,
  exclude = [],
  autoFocus = false,
  ...props
}: CommonProps & { value: PersonRef[]; onChange: (people: PersonRef[]) => void }): ReactNode {
  const [query, setQuery] = useState('')
  const found = useSearch(query)
  const hits = found.query === query ? found.hits : []
  const known = new Map<string, PersonRef & { company?: string | null }>()
  for (const p of value) known.set(String(p.id), p)
  for (const h of hits) if (!exclude.includes(h.id)) known.set(String(h.id), h)
  return (
    <MultiSelect
      {...props}
      data-autofocus={autoFocus || undefined}
      searchable
      hidePickedOptions
      data={[...known.entries()].map(([id, p]) => ({ value: id, label: optionLabel(p) }))}
      value={value.map((p) => String(p.id))}
      onChange={(ids) => onChange(ids.flatMap((id) => { const p = known.get(id); return p === undefined ? [] : [{ id: p.id, name: p.name }] }))}
      searchValue={query}
      onSearchChange={setQuery}
      filter={({ options }) => options}
      description={hint(props.description, query.trim(), found.query === query && hits.length === 0)}
    />
  )
}
