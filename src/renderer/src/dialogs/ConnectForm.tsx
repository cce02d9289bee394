import { Alert, Button, Group, Stack, TextInput } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import type { IntroductionDetail, PersonRef } from '../../../shared/types'
import { call } from '../lib/client'
import { PersonPicker } from '../components/PersonPicker'
import { ErrorNotice } from '../components/ErrorNotice'
import { asError } from '../lib/errors'
import { ApiCallError } from '../lib/client'

/** Choose the two people to introduce; the workflow starts with asking each of them. */
export function ConnectForm({ a: initialA = null, onDone }: { a?: PersonRef | null; onDone: (intro: IntroductionDetail) => void }): ReactNode {
  const [a, setA] = useState<PersonRef | null>(initialA)
  const [b, setB] = useState<PersonRef | null>(null)
  const [context, setContext] = useState('')
  const [errors, setErrors] = useState<{ a?: string; b?: string }>({})
  const [error, setError] = useState<Error>()
  // What Kith asked to weigh before starting (one of them a stranger to me, introduced or declined before), for these two.
  const [weigh, setWeigh] = useState<{ a: number; b: number; message: string } | null>(null)
  const weighing = weigh !== null && a !== null && b !== null && weigh.a === a.id && weigh.b === b.id ? weigh.message : null
  const start = async (confirmed: boolean): Promise<void> => {
    const missing = { ...(a === null ? { a: 'Choose the first person' } : {}), ...(b === null ? { b: 'Choose the second person' } : {}) }
    setErrors(missing)
    setError(undefined)
    if (a === null || b === null) return
    try {
      onDone(await call('introductions.connect', { a: a.id, b: b.id, context, confirmed }))
    } catch (err) {
      if (err instanceof ApiCallError && err.code === 'conflict' && err.message.startsWith('Confirm before starting: ')) {
        setWeigh({ a: a.id, b: b.id, message: err.message.replace(/^Confirm before starting: /, '') })
        return
      }
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
      {weighing !== null && (
        <Alert color="yellow" title="Before you start" role="alert">
          {weighing}
        </Alert>
      )}
      <Group justify="flex-end">
        {weighing === null ? (
          <Button onClick={() => void start(false)}>Start with double opt-in</Button>
        ) : (
          <Button color="yellow" onClick={() => void start(true)}>
            Start anyway
          </Button>
        )}
      </Group>
    </Stack>
  )
}
