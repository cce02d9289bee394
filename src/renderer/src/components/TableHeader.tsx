import { Table } from '@mantine/core'
import type { ReactNode } from 'react'

/** A column: its heading, and whether its cells are numbers (aligned right) or how wide it is. */
export type Column = string | { label: string; numeric?: true; width?: number }

/**
 * The heading row of a data table: one column header per column, and, for
 * tables whose rows end in buttons, a last column named "Actions" for screen
 * readers only.
 */
export function TableHeader({ columns, actions = false }: { columns: readonly Column[]; actions?: boolean }): ReactNode {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((c) =>
          typeof c === 'string' ? (
            <Table.Th key={c} scope="col">
              {c}
            </Table.Th>
          ) : (
            <Table.Th key={c.label} scope="col" ta={c.numeric === true ? 'right' : undefined} w={c.width}>
              {c.label}
            </Table.Th>
          ),
        )}
        {actions && (
          <Table.Th scope="col">
            <span className="kith-visually-hidden">Actions</span>
          </Table.Th>
        )}
      </Table.Tr>
    </Table.Thead>
  )
}
