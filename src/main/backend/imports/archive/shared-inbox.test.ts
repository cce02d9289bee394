import { describe, expect, it } from 'vitest'
import { isSharedInbox } from './shared-inbox'

describe('a shared inbox', () => {
  it('is a team’s or a function’s address, however it is written', () => {
    for (const email of ['support@vendor.io', 'INFO@acme.com', 'customer-service@shop.example', 'jobs+eng@startup.com', 'team@acme.com', 'press@paper.example']) {
      expect(isSharedInbox(email, null), email).toBe(true)
      expect(isSharedInbox(email, 'Priya Raman'), email).toBe(true)
    }
  })

  it('is not a person’s own address, even one that starts like a role', () => {
    for (const email of ['priya@acme.com', 'information.architect@acme.com', 'teamlead.ana@acme.com', 'it.ben@acme.com']) expect(isSharedInbox(email, null), email).toBe(false)
  })

  it('for hello@ and its like, depends on the name it sends under: a person’s keeps it', () => {
    expect(isSharedInbox('hello@janedoe.com', 'Jane Doe')).toBe(false)
    expect(isSharedInbox('hi@lena.dev', 'Lena Fischer')).toBe(false)
    expect(isSharedInbox('hello@acme.com', 'Acme')).toBe(true)
    expect(isSharedInbox('hello@acme.com', 'Acme Inc')).toBe(true)
    expect(isSharedInbox('hello@acme.com', 'The Team at Acme')).toBe(true)
    expect(isSharedInbox('founders@startup.com', 'Startup Founders')).toBe(true)
    expect(isSharedInbox('hello@acme.com', null)).toBe(true)
  })
})
