import { describe, expect, it } from 'vitest'
import { asError, errorText } from './errors'
import { runAction } from './useAction'

function recorder(): { log: string[]; steps: Parameters<typeof runAction>[1] } {
  const log: string[] = []
  return {
    log,
    steps: {
      start: () => log.push('start'),
      fail: (error) => log.push(`fail: ${error.message}`),
      settle: () => log.push('settle'),
    },
  }
}

describe('runAction: what a button does around its work', () => {
  it('clears and marks busy first, and settles after the work succeeds', async () => {
    const { log, steps } = recorder()
    const ok = await runAction(async () => {
      await Promise.resolve()
      log.push('work')
    }, steps)
    expect(ok).toBe(true)
    expect(log).toEqual(['start', 'work', 'settle'])
  })

  it('shows why the work failed and still lets the button go', async () => {
    const { log, steps } = recorder()
    const ok = await runAction(() => Promise.reject(new Error('Kith is not running')), steps)
    expect(ok).toBe(false)
    expect(log).toEqual(['start', 'fail: Kith is not running', 'settle'])
  })

  it('shows a thrown string in its own words', async () => {
    const { log, steps } = recorder()
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- what a careless library might do
    await runAction(() => Promise.reject('disk is full'), steps)
    expect(log).toContain('fail: disk is full')
  })
})

describe('asError and errorText', () => {
  it('keep an Error as it is and turn anything else into its words', () => {
    const error = new TypeError('bad')
    expect(asError(error)).toBe(error)
    expect(asError('plain words').message).toBe('plain words')
    expect(errorText(42)).toBe('42')
    expect(errorText(new Error('no such person'))).toBe('no such person')
  })
})
