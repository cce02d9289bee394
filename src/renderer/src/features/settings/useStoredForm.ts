import { useForm, type UseFormReturnType } from '@mantine/form'
import { useEffect, useRef, useState } from 'react'
import type { z } from 'zod'
import { useDataVersion } from '../../lib/data-version'
import { errorText } from '../../lib/errors'
import { fieldErrors, showServerError } from '../../lib/form-errors'
import { notify } from '../../lib/notify'

interface StoredFormOptions<T> {
  /** what the form shows until the stored values arrive */
  initial: T
  schema: z.ZodType<T>
  load: () => Promise<T>
  store: (values: T) => Promise<T>
  /** said when the values are saved */
  savedMessage: string
  /** other pages read these values: tell them to read again after a save */
  othersRead?: boolean
}

export interface StoredForm<T> {
  form: UseFormReturnType<T>
  /** a problem loading or saving that belongs to no one field */
  error: string | undefined
  /** the form's submit handler */
  save: ReturnType<UseFormReturnType<T>['onSubmit']>
  /** shows values saved another way (a reset) as the stored ones */
  showSaved: (values: T) => void
}

/**
 * A settings form over one stored object: loads it, checks it with its schema
 * before sending, saves it, puts a refusal next to its field (or at the top),
 * and says when it is saved.
 */
export function useStoredForm<T extends object>(options: StoredFormOptions<T>): StoredForm<T> {
  const { initial, schema, load, store, savedMessage, othersRead = false } = options
  const { changed } = useDataVersion()
  const [error, setError] = useState<string>()
  const form = useForm<T>({
    initialValues: initial,
    validate: (values) => {
      const parsed = schema.safeParse(values)
      return parsed.success ? {} : fieldErrors(parsed.error)
    },
  })
  const { setValues, resetDirty } = form
  // Loaded once, when the form first shows.
  const loadOnce = useRef(load)

  useEffect(() => {
    let current = true
    loadOnce
      .current()
      .then((values) => {
        if (!current) return
        setValues(values)
        resetDirty(values)
      })
      .catch((err: unknown) => setError(errorText(err)))
    return () => {
      current = false
    }
  }, [setValues, resetDirty])

  const showSaved = (values: T): void => {
    setValues(values)
    resetDirty(values)
    if (othersRead) changed()
  }

  const save = form.onSubmit(async (values) => {
    setError(undefined)
    try {
      showSaved(await store(values))
      notify({ color: 'teal', message: savedMessage })
    } catch (err) {
      showServerError(err, Object.keys(initial), form, setError)
    }
  })

  return { form, error, save, showSaved }
}
