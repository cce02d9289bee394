import { Button, Group, Stack, TextInput } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import type { IntroductionDetail, PersonRef } from '../../../shared/types'
import { call } from '../lib/client'
import { PersonPicker } from '../components/PersonPicker'
import { ErrorNotice } from '../components/ErrorNotice'
import { asError } from '../lib/errors'

/** Choose the two people to introduce; the workflow starts with asking each of them. */
export function ConnectForm({ a: initialA = null, onDone }: { a?: PersonRef | null; onDone: (intro: IntroductionDetail) => void }): ReactNode {
  const [a, setA] = useState<PersonRef | null>(initialA)
  const [b, setB] = useState<PersonRef | null>(null)
  const [context, setContext] = useState('')
  const [errors, setErrors] = useState<{ a?: string; b?: string }>({})
  const [error, setError] = useState<Error>()
  const start = async (): Promise<void> => {
    const missing = { ...(a === null ? { a: 'Choose the first person' } : {}), ...(b === null ? { b: 'Choose the second person' } : {}) }
    setErrors(missing)
    if (a === null || b === null) return
    try {
      onDone(await call('introductions.connect', { a: a.id, b: b.id, context }))
    } catch (err) {
      setError(asError(err))
    }
  }
  return (
    <Stack>
      <Group grow align="flex-start">
        <PersonPicker label="Introduce" value={a} onChange={setA} error={errors.a} exclude={b === null ? [] : [b.id]} autoFocus={initialA === null} />
        <PersonPicker label="To" value={b} onChange={setB} error={errors.b} exclude={a === null ? [] : [a.id]} autoFocus={initialA !== null} />
      </Group>
      <TextInput label="Context" description="A few words for the subject line, e.g. design hiring" value={context} onChange={(e) => setContext(e.currentTarget.value)} />
      <ErrorNotice error={error} />
      <Group justify="flex-end">
        <Button onClick={() => void start()}>Start with double opt-in</Button>
      </Group>
    </Stack>
  )
}
