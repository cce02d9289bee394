import { describe, expect, it, vi } from 'vitest'

// Each test loads the module afresh: "shown" is once per page load.
const fresh = async (): Promise<typeof import('./first-view')> => {
  vi.resetModules()
  return import('./first-view')
}

describe('afterFirstView', () => {
  it('waits until the first view is shown, then runs once', async () => {
    const { afterFirstView, firstViewShown } = await fresh()
    const work = vi.fn()
    afterFirstView(work)
    expect(work).not.toHaveBeenCalled()
    firstViewShown()
    firstViewShown()
    expect(work).toHaveBeenCalledTimes(1)
  })

  it('runs at once when the first view is already shown', async () => {
    const { afterFirstView, firstViewShown } = await fresh()
    firstViewShown()
    const work = vi.fn()
    afterFirstView(work)
    expect(work).toHaveBeenCalledTimes(1)
  })

  it('does not run work that was called off', async () => {
    const { afterFirstView, firstViewShown } = await fresh()
    const work = vi.fn()
    const cancel = afterFirstView(work)
    cancel()
    firstViewShown()
    expect(work).not.toHaveBeenCalled()
  })
})
