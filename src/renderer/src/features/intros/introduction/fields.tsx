import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { IntroDetails } from '../../../../../shared/schemas'
import type { BlurbSentences, DraftMessage, IntroductionDetail } from '../../../../../shared/types'
import { MessageBox } from '../MessageBox'

/** Saves some of the details; answers whether it did (a failure is shown by the page). */
export type Save = (details: IntroDetails) => Promise<boolean>


/** How long typing may pause before a field's text is saved without leaving it. */
const AUTOSAVE_MS = 600

/**
 * Saves what `pending` returns (null: nothing unsaved) when the component
 * goes (the user moved to another page), so text typed and not yet saved is
 * never lost.
 */
function useSaveOnLeave(pending: () => (() => void) | null): void {
  const latest = useRef(pending)
  useEffect(() => {
    latest.current = pending
  })
  useEffect(
    () => () => {
      latest.current()?.()
    },
    [],
  )
}

export function text(d: Record<string, string | boolean>, key: string): string {
  const v = d[key]
  return typeof v === 'string' ? v : ''
}

/**
 * A text field kept locally while typing, saved when typing pauses, when the
 * user leaves the field, and when they leave the page.
 */
export function DetailField({ label, field, intro, save, multiline = false, description }: { label: string; field: keyof IntroDetails; intro: IntroductionDetail; save: Save; multiline?: boolean; description?: string }): ReactNode {
  const stored = text(intro.details, field)
  const [value, setValue] = useState(stored)
  // What was last sent to be saved (the stored text can lag behind it while the page reloads);
  // undefined after a save that failed, so that the next pause, blur or leaving tries again.
  const sent = useRef<string | undefined>(stored)
  useEffect(() => {
    if (value === sent.current) return
    const timer = setTimeout(() => send(value), AUTOSAVE_MS)
    return () => clearTimeout(timer)
  })
  useSaveOnLeave(() => (value === sent.current ? null : () => send(value)))
  function send(text: string): void {
    if (text === sent.current) return
    sent.current = text
    void save({ [field]: text }).then((saved) => {
      if (!saved && sent.current === text) sent.current = undefined
    })
  }
  const onBlur = (): void => send(value)
  return multiline ? (
    <Textarea label={label} description={description} autosize minRows={2} maxRows={8} value={value} onChange={(e) => setValue(e.currentTarget.value)} onBlur={onBlur} />
  ) : (
    <TextInput label={label} description={description} value={value} onChange={(e) => setValue(e.currentTarget.value)} onBlur={onBlur} />
  )
}

/** A draft the user can edit; their text is saved in `field` and wins over the composed one. */
export function EditableDraft({ label, draft, field, intro, save, showWarnings = true }: { label: string; draft: DraftMessage; field: 'message' | 'email' | 'handoff'; intro: IntroductionDetail; save: Save; showWarnings?: boolean }): ReactNode {
  // A new draft from the backend (the fields or the profile changed) starts the box afresh.
  return <EditableDraftBody key={draft.body} label={label} draft={draft} field={field} stored={text(intro.details, field)} save={save} showWarnings={showWarnings} />
}

function EditableDraftBody({ label, draft, field, stored, save, showWarnings }: { label: string; draft: DraftMessage; field: 'message' | 'email' | 'handoff'; stored: string; save: Save; showWarnings: boolean }): ReactNode {
  const [body, setBody] = useState(draft.body)
  // The text already saved, or given up for a fresh draft: leaving the page saves only what is neither.
  const handled = useRef(draft.body)
  const keep = (): void => {
    if (body === handled.current) return
    handled.current = body
    void save({ [field]: body })
  }
  useSaveOnLeave(() => (body === handled.current ? null : keep))
  return (
    <>
      <MessageBox label={label} message={{ ...draft, body }} onBodyChange={setBody} onBodyBlur={keep} warnings={showWarnings ? draft.warnings : []} leftOut={draft.leftOut} />
      {stored.trim() !== '' && (
        <Group>
          <Button
            size="xs"
            variant="subtle"
            aria-label={`Draft again from the fields: ${label}`}
            onClick={() => {
              handled.current = body
              void save({ [field]: '' })
            }}
          >
            Draft again from the fields
          </Button>
        </Group>
      )}
    </>
  )
}

type BlurbField = 'blurbWho' | 'blurbWhy' | 'blurbBring' | 'blurbAsk'

export const BLURB_SENTENCES: { part: keyof BlurbSentences; field: BlurbField; label: (target: string) => string; description: (target: string) => string }[] = [
  { part: 'who', field: 'blurbWho', label: () => 'Who you are (sentence 1)', description: () => 'From your profile in Settings, until you change it here' },
  { part: 'why', field: 'blurbWhy', label: (t) => `Why ${t} (sentence 2)`, description: (t) => `From “Why ${t} in particular” below, until you change it here` },
  { part: 'bring', field: 'blurbBring', label: () => 'What you bring (sentence 3)', description: () => 'From “What you can offer” below, until you change it here' },
  { part: 'ask', field: 'blurbAsk', label: () => 'Your small ask (sentence 4)', description: () => 'One specific thing that is easy to say yes to' },
]

/** One sentence of the blurb: the current one (the user's, else drafted), saved when the user leaves it changed. */
export function SentenceField({ label, description, field, sentence, stored, save }: { label: string; description: string; field: BlurbField; sentence: string; stored: string; save: Save }): ReactNode {
  const [value, setValue] = useState(sentence)
  // The sentence already saved, or given up for the drafted one: leaving the page saves only what is neither.
  const handled = useRef(sentence)
  useSaveOnLeave(() => {
    const typed = value.trim()
    return typed === handled.current || typed === '' ? null : () => void save({ [field]: typed })
  })
  const onBlur = (): void => {
    const typed = value.trim()
    if (typed === handled.current) return
    handled.current = typed
    if (typed === '') {
      // Empty: back to the drafted sentence.
      if (stored.trim() === '') setValue(sentence)
      else void save({ [field]: '' })
      return
    }
    void save({ [field]: typed })
  }
  return (
    <Stack gap={2}>
      <Textarea label={label} description={description} autosize minRows={1} maxRows={4} value={value} onChange={(e) => setValue(e.currentTarget.value)} onBlur={onBlur} />
      {stored.trim() !== '' && (
        <Group>
          <Button
            size="compact-xs"
            variant="subtle"
            aria-label={`Draft again: ${label}`}
            onClick={() => {
              handled.current = value.trim()
              void save({ [field]: '' })
            }}
          >
            Draft again
          </Button>
        </Group>
      )}
    </Stack>
  )
}

/** The blurb written as one paragraph (older drafts): edited as a whole, or given up for the four sentences. */
export function ParagraphBlurb({ stored, save }: { stored: string; save: Save }): ReactNode {
  const [value, setValue] = useState(stored)
  // The paragraph already saved, or given up for the four sentences: leaving the page saves only what is neither.
  const handled = useRef(stored)
  const keep = (): void => {
    if (value === handled.current) return
    handled.current = value
    void save({ blurb: value })
  }
  useSaveOnLeave(() => (value === handled.current ? null : keep))
  return (
    <>
      <Textarea label="Blurb" description="You wrote this blurb as one paragraph: it goes into the note as it is." autosize minRows={3} maxRows={8} value={value} onChange={(e) => setValue(e.currentTarget.value)} onBlur={keep} />
      <Group>
        <Button
          size="xs"
          variant="default"
          onClick={() => {
            handled.current = value
            void save({ blurb: '' })
          }}
        >
          Use the four sentences instead
        </Button>
      </Group>
    </>
  )
}
