import { describe, expect, it } from 'vitest'
import { interactionInput } from '../../../shared/schemas'
import { ApiCallError } from './client'
import { fieldErrors, placeServerError, showServerError } from './form-errors'

const INTERACTION_FIELDS = ['date', 'kind', 'people', 'note']

describe("placing the backend's refusal on a form", () => {
  it('puts a refused date next to the date field, with the words after its name', () => {
    const err = ApiCallError.from({
      code: 'bad_request',
      message: 'date: 2999-01-01 is in the future; log things that have happened',
      issues: [{ path: ['date'], message: '2999-01-01 is in the future; log things that have happened' }],
    })
    expect(placeServerError(err, INTERACTION_FIELDS)).toEqual({ field: 'date', message: '2999-01-01 is in the future; log things that have happened' })
  })

  it('puts a refused item of a list next to the list it belongs to', () => {
    const err = ApiCallError.from({
      code: 'bad_request',
      message: 'Invalid arguments for people.create: emails.1: Invalid email address',
      issues: [{ path: ['emails', 1], message: 'Invalid email address' }],
    })
    expect(placeServerError(err, ['name', 'emails'])).toEqual({ field: 'emails', message: 'Invalid email address' })
  })

  it('shows the whole message at the top when the form has no such field', () => {
    const message = 'Invalid arguments for people.update: patch.name: Too long'
    const err = ApiCallError.from({ code: 'bad_request', message, issues: [{ path: ['patch', 'name'], message: 'Too long' }] })
    expect(placeServerError(err, ['name'])).toEqual({ field: null, message })
  })

  it('never reads a field out of the text: a message without issues goes to the top whole', () => {
    const message = 'date: looks like a field but is not one'
    expect(placeServerError(new ApiCallError('conflict', message), INTERACTION_FIELDS)).toEqual({ field: null, message })
    expect(placeServerError(new Error(message), INTERACTION_FIELDS)).toEqual({ field: null, message })
  })
})

describe("the form's own check", () => {
  it("names each field zod refuses, by the form's key", () => {
    const parsed = interactionInput.safeParse({ date: 'yesterday', kind: 'call', people: [] })
    expect(parsed.success).toBe(false)
    if (parsed.success) return
    expect(Object.keys(fieldErrors(parsed.error)).sort()).toEqual(['date', 'people'])
  })
})

describe('showing a refusal on a form', () => {
  it('sets the field error when the form has the field, and the top message otherwise', () => {
    const shown: string[] = []
    const form = { setFieldError: (field: string, message: string) => shown.push(`${field}: ${message}`) }
    const refusal = (path: string[], message: string) => ApiCallError.from({ code: 'bad_request', message: `${path.join('.')}: ${message}`, issues: [{ path, message }] })
    showServerError(refusal(['date'], 'is in the future'), INTERACTION_FIELDS, form, (m) => shown.push(`top: ${m}`))
    showServerError(refusal(['giverId'], 'no such person'), INTERACTION_FIELDS, form, (m) => shown.push(`top: ${m}`))
    expect(shown).toEqual(['date: is in the future', 'top: giverId: no such person'])
  })
})
