import { Modal } from '@mantine/core'
import { notify } from '../lib/notify'
import { createContext, lazy, Suspense, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { FavorView, InteractionView, PersonDetail, PersonRef } from '../../../shared/types'
import { PageLoading } from '../components/PageLoading'
import { call } from '../lib/client'
import { useDataVersion } from '../lib/data-version'
import { formatDate, strengthWord } from '../lib/format'
import { givesBackWords } from '../../../shared/vocab'
import { plural } from '../../../shared/format'
import { useNav } from '../lib/nav'
import type { RelationshipDraft } from './RelationshipForm'
import { errorText } from '../lib/errors'
import { afterFirstView } from '../lib/first-view'
import { focusBack, focusedNow } from '../lib/focus-back'

// The forms are one chunk of their own, fetched when the window is idle
// after the first page has shown its rows (or when a form is first opened,
// if that comes sooner), so the first page loads less and a form opens
// without waiting.
const loadForms = () => import('./forms')
const FavorForm = lazy(() => loadForms().then((m) => ({ default: m.FavorForm })))
const InteractionForm = lazy(() => loadForms().then((m) => ({ default: m.InteractionForm })))
const RelationshipForm = lazy(() => loadForms().then((m) => ({ default: m.RelationshipForm })))
const ConnectForm = lazy(() => loadForms().then((m) => ({ default: m.ConnectForm })))
const MergeForm = lazy(() => loadForms().then((m) => ({ default: m.MergeForm })))
const PersonForm = lazy(() => loadForms().then((m) => ({ default: m.PersonForm })))
const FollowUpForm = lazy(() => loadForms().then((m) => ({ default: m.FollowUpForm })))

/** Fetches the forms' chunk once the first view is shown and the window has nothing else to do (a failure shows when a form opens). */
function usePreloadForms(): void {
  useEffect(() => {
    let cancelIdle = (): void => undefined
    const preload = (): void => void loadForms().catch(() => undefined)
    const whenIdle = (): void => {
      if (typeof window.requestIdleCallback === 'function') {
        const handle = window.requestIdleCallback(preload, { timeout: 3000 })
        cancelIdle = () => window.cancelIdleCallback(handle)
      } else {
        const timer = window.setTimeout(preload, 1000)
        cancelIdle = () => window.clearTimeout(timer)
      }
    }
    const cancelWait = afterFirstView(whenIdle)
    return () => {
      cancelWait()
      cancelIdle()
    }
  }, [])
}

/**
 * Rendered after the form, inside its Suspense boundary: once the form is drawn, the keyboard
 * goes to its field marked `data-autofocus`. The modal's own focus trap does that when it opens,
 * but the first time a form opens its code is still loading (the form is lazy), and the trap
 * finds only the Close button. A keyboard already in the form is left where it is.
 */
function FocusTheForm(): ReactNode {
  const marker = useRef<HTMLSpanElement>(null)
  useEffect(() => {
    const dialog = marker.current?.closest('[role="dialog"]')
    const field = dialog?.querySelector<HTMLElement>('[data-autofocus]')
    if (field === null || field === undefined) return
    // Already in the form's fields (not on the dialog's Close button, nor outside): left where it is.
    const active = document.activeElement
    if (active !== null && active.closest('.mantine-Modal-body') !== null && dialog?.contains(active) === true) return
    field.focus()
  }, [])
  return <span ref={marker} hidden />
}

export type Dialog =
  | { kind: 'person'; person?: PersonDetail }
  | { kind: 'interaction'; people?: PersonRef[]; interaction?: InteractionView }
  | { kind: 'relationship'; draft?: RelationshipDraft }
  | { kind: 'favor'; giver?: PersonRef | null; receiver?: PersonRef | null; favor?: FavorView }
  /** `duplicate`: the person to merge in, when already known (say, one just added by mistake) */
  | { kind: 'merge'; keep: PersonDetail; duplicate?: PersonRef }
  | { kind: 'connect'; a?: PersonRef }
  | { kind: 'followUp'; person: PersonRef }

interface Dialogs {
  open: (dialog: Dialog) => void
}

const Context = createContext<Dialogs | null>(null)

const TITLES: Record<Dialog['kind'], string> = {
  person: 'Add a person',
  interaction: 'Log an interaction',
  relationship: 'Who knows whom',
  favor: 'Log a favor',
  merge: 'Merge a duplicate',
  connect: 'Introduce two people',
  followUp: 'Add a follow-up',
}

/** The forms any page, the command palette or a shortcut can open. */
export function DialogsProvider({ children }: { children: ReactNode }): ReactNode {
  const [dialog, setDialog] = useState<Dialog | null>(null)
  // Counts the forms opened: each is focused once, as it is first drawn.
  const [opened, setOpened] = useState(0)
  const { changed } = useDataVersion()
  const { go } = useNav()
  const close = useCallback(() => setDialog(null), [])
  const done = useCallback(
    (message: string) => {
      setDialog(null)
      changed()
      // A name that ends in a full stop ("Kenji T.") ends the sentence once.
      notify({ message: message.replace(/\.\.$/, '.'), color: 'teal' })
    },
    [changed],
  )
  // Where the keyboard was when a form opened: it goes back there when the form closes, or, when that control
  // is gone (a menu's item, a list redrawn by the save), to the page, never to nothing.
  const opener = useRef<HTMLElement | null>(null)
  const value = useMemo(
    () => ({
      open: (d: Dialog) => {
        opener.current = focusedNow()
        setDialog(d)
        setOpened((n) => n + 1)
      },
    }),
    [],
  )
  // (Opened by a shortcut, the keyboard was on nothing: it goes back to the page.)
  const refocus = useCallback(() => focusBack(opener.current), [])
  usePreloadForms()
  const title =
    dialog === null
      ? ''
      : dialog.kind === 'person' && dialog.person !== undefined
        ? `Edit ${dialog.person.name}`
        : dialog.kind === 'favor' && dialog.favor !== undefined
          ? 'Edit a favor'
          : dialog.kind === 'interaction' && dialog.interaction !== undefined
            ? 'Edit an interaction'
            : TITLES[dialog.kind]

  return (
    <Context.Provider value={value}>
      {children}
      <Modal opened={dialog !== null} onClose={close} onExitTransitionEnd={refocus} title={title} size={dialog?.kind === 'person' ? 'xl' : 'lg'}>
        <Suspense fallback={<PageLoading label="Loading the form…" />}>
        {dialog?.kind === 'person' && (
          <PersonForm
            person={dialog.person}
            onDone={(p) => {
              done(dialog.person === undefined ? `Added ${p.name}` : `Saved ${p.name}`)
              go({ page: 'person', id: p.id })
            }}
            onOpen={(id) => {
              close()
              go({ page: 'person', id })
            }}
            onMerge={(existingId, added) => {
              changed()
              call('people.get', { id: existingId })
                .then((keep) => setDialog({ kind: 'merge', keep, duplicate: { id: added.id, name: added.name } }))
                .catch((err: unknown) => {
                  close()
                  notify({ message: `Added ${added.name}, but could not open the merge: ${errorText(err)}`, color: 'red' })
                  go({ page: 'person', id: added.id })
                })
            }}
          />
        )}
        {dialog?.kind === 'interaction' && (
          <InteractionForm
            people={dialog.people}
            interaction={dialog.interaction}
            onDone={(i) => done(`${dialog.interaction === undefined ? 'Logged' : 'Saved'} a ${i.kind} with ${i.people.map((p) => p.name).join(', ')}`)}
          />
        )}
        {dialog?.kind === 'relationship' && (
          <RelationshipForm
            draft={dialog.draft}
            onDone={(r) => done(`${r.a.name} and ${r.b.name}: ${strengthWord(r.strength).toLowerCase()} (${r.strength}/5)`)}
          />
        )}
        {dialog?.kind === 'favor' && (
          <FavorForm
            giver={dialog.giver}
            receiver={dialog.receiver}
            favor={dialog.favor}
            onDone={(f) =>
              done(
                `${dialog.favor === undefined ? 'Logged' : 'Saved'} a ${f.size} favor (${f.kind}) from ${f.giver.name} to ${f.receiver.name}.${givesBackWords(f) === '' ? '' : ` ${givesBackWords(f)}`}`,
              )
            }
          />
        )}
        {dialog?.kind === 'connect' && (
          <ConnectForm
            a={dialog.a ?? null}
            onDone={(intro) => {
              done(`Started: ${intro.title}`)
              go({ page: 'introduction', id: intro.id })
            }}
          />
        )}
        {dialog?.kind === 'followUp' && (
          <FollowUpForm person={dialog.person} onDone={(t) => done(`Follow-up added: ${t.title}, due ${formatDate(t.dueOn)}`)} />
        )}
        {dialog?.kind === 'merge' && (
          <MergeForm
            keep={dialog.keep}
            duplicate={dialog.duplicate}
            onDone={(r) => {
              done(`Merged into ${r.person.name}: ${plural(r.moved.relationships, 'relationship')}, ${plural(r.moved.interactions, 'interaction')}, ${plural(r.moved.favors, 'favor')} and ${plural(r.moved.introductions, 'introduction')} moved`)
              go({ page: 'person', id: r.person.id })
            }}
          />
        )}
        {dialog !== null && <FocusTheForm key={`${opened}:${dialog.kind}`} />}
        </Suspense>
      </Modal>
    </Context.Provider>
  )
}

export function useDialogs(): Dialogs {
  const value = useContext(Context)
  if (value === null) throw new Error('useDialogs outside DialogsProvider')
  return value
}
