import { Select, Switch } from '@mantine/core'
import { memo, type ReactNode } from 'react'
import type { PeopleSort } from '../../../../shared/schemas'

const SORTS: { value: PeopleSort; label: string }[] = [
  { value: 'name', label: 'Name' },
  { value: 'lastInteraction', label: 'Last talked' },
  { value: 'strength', label: 'Strength' },
]

/** Options a searchable filter draws at once; typing narrows the rest (a network can have thousands of companies). */
const SHOWN_OPTIONS = 100

type Option = { value: string; label: string }

/**
 * The People page's sort and filters. Memoised: typing in the search box
 * next to them must not redraw their option lists on every key.
 */
export const PeopleFilters = memo(function PeopleFilters({
  sort,
  onSort,
  tag,
  onTag,
  tagOptions,
  company,
  onCompany,
  companyOptions,
  archived,
  onArchived,
  searching,
}: {
  sort: PeopleSort
  onSort: (sort: PeopleSort) => void
  tag: string | null
  onTag: (tag: string | null) => void
  tagOptions: Option[]
  company: string | null
  onCompany: (company: string | null) => void
  companyOptions: Option[]
  archived: boolean
  onArchived: (archived: boolean) => void
  /** A search is showing its matches: sorting and filtering do not apply to them. */
  searching: boolean
}): ReactNode {
  return (
    <>
      <Select
        label="Sort by"
        data={SORTS}
        value={sort}
        allowDeselect={false}
        onChange={(v) => onSort(SORTS.find((s) => s.value === v)?.value ?? 'name')}
        w={150}
        disabled={searching}
      />
      <Select label="Tag" placeholder="Any tag" searchable clearable limit={SHOWN_OPTIONS} data={tagOptions} value={tag} onChange={onTag} w={180} disabled={searching} />
      <Select
        label="Company"
        placeholder="Any company"
        searchable
        clearable
        limit={SHOWN_OPTIONS}
        data={companyOptions}
        value={company}
        onChange={onCompany}
        w={200}
        disabled={searching}
      />
      <Switch label="Archived" checked={archived} onChange={(e) => onArchived(e.currentTarget.checked)} mb={8} />
    </>
  )
})
