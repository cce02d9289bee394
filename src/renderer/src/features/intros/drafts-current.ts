import { createContext, useContext } from 'react'

/**
 * Whether the drafts on the page are up to date with what the user typed:
 * false while a field's text is being saved or the drafts are being drafted
 * again from it. Copying a draft or opening it in mail waits for true, so
 * what goes out is never the draft from before the last edit.
 */
export interface DraftsState {
  current: boolean
  /** `current` at this moment: a save begun in this very event (leaving a field by clicking a button) counts */
  isCurrent: () => boolean
  /**
   * Copy or open asked for while the drafts were not current, by message
   * label: done with the new draft once it is here. Kept by the page, since
   * a message box whose draft changes is drawn afresh.
   */
  waiting: Map<string, 'copy' | 'open'>
}
export const DraftsCurrent = createContext<DraftsState>({ current: true, isCurrent: () => true, waiting: new Map() })
export const useDraftsCurrent = (): DraftsState => useContext(DraftsCurrent)
