/**
 * A spinner that says what it waits for. Mantine's Loader is a bare `span`:
 * a name on it alone is one assistive technology may not read (axe calls
 * it a prohibited attribute), so it is given the role of a progress bar with
 * no value, which is what a spinner is: work under way, of unknown length.
 */
import { Loader, type LoaderProps } from '@mantine/core'
import type { ReactNode } from 'react'

export function Busy({ label, size }: { label: string; size?: LoaderProps['size'] }): ReactNode {
  return <Loader size={size} role="progressbar" aria-label={label} aria-busy />
}
