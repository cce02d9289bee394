import { describe, expect, it } from 'vitest'
import type { Backend } from '../../backend'
import { fails, ok } from '../../testing/call'
import { importFile } from '../../testing/imports'
import { batchOf, importArchive, obs, previewArchive, who } from '../../testing/observations'
import { openTempBackend } from '../../testing/temp'

const NOW = Date.parse('2026-11-20T12:00:00.000Z')
function ticking(): () => Date {
  let t = NOW
  return () => new Date((t += 1000))
}
const ME = who('me@home.org', 'Me Myself')
const ALICE = who('alice@archer.example', 'Alice Archer')
const DAN = who('Dan@Diaz.example', 'Dan Diaz')
const MY = { myAddresses: ['me@home.org'] }

/** Both ways with Alice and with Dan, and the three of us on two threads: Alice and Dan are proposed as a tie. */
function archive() {
  return [
    obs(ME, [ALICE], '2026-03-01', { key: '<a1@x>', thread: 'a' }),
    obs(ALICE, [ME], '2026-03-02', { key: '<a2@x>', thread: 'a' }),
    obs(ME, [DAN], '2026-04-01', { key: '<d1@x>', thread: 'd' }),
    obs(DAN, [ME], '2026-04-02', { key: '<d2@x>', thread: 'd' }),
    obs(ME, [ALICE, DAN], '2026-05-01', { key: '<t1@x>', thread: 't1' }),
    obs(DAN, [ME, ALICE], '2026-06-01', { key: '<t2@x>', thread: 't2' }),
  ]
}

/** The same, and later mail: more with Dan, and two more threads with both. */
function newerArchive() {
  return [
    ...archive(),
    obs(ME, [DAN], '2026-10-01', { key: '<d3@x>', thread: 'd3' }),
    obs(DAN, [ME], '2026-10-02', { key: '<d4@x>', thread: 'd3' }),
    obs(ALICE, [ME, DAN], '2026-10-05', { key: '<t3@x>', thread: 't3' }),
    obs(DAN, [ME, ALICE], '2026-10-06', { key: '<t4@x>', thread: 't4' }),
  ]
}

const names = async (backend: Backend): Promise<string[]> => (await ok(backend, 'people.list', {})).people.map((p) => p.name).sort()

/** Imports the archive, then rejects the tie between Alice and Dan and Dan himself, as the user would on the Review page. */
async function rejectDan(): Promise<{ backend: Backend; batchId: number }> {
  const backend = await openTempBackend({ now: ticking() })
  await ok(backend, 'me.set', { name: 'Me Myself' })
  const { preview, result } = await importArchive(backend, archive(), MY)
  expect(preview.people.created.map((p) => p.name).sort()).toEqual(['Alice Archer', 'Dan Diaz'])
  expect(preview.ties.map((t) => [t.a, t.b].sort())).toEqual([['Alice Archer', 'Dan Diaz']])
  const review = await ok(backend, 'review.list', {})
  const tie = review.ties[0]
  const dan = review.people.find((p) => p.person.name === 'Dan Diaz')
  if (tie === undefined || dan === undefined) throw new Error('the import proposed no tie or no Dan')
  // Both at once, the person first: the tie is still remembered by their addresses.
  const outcome = await ok(backend, 'review.reject', { ids: [dan.id, tie.id] })
  expect(outcome).toMatchObject({ rejected: 2, peopleDeleted: 1 })
  expect(await names(backend)).toEqual(['Alice Archer', 'Me Myself'])
  return { backend, batchId: batchOf(result) }
}

describe('what the user rejected on the Review page stays rejected', () => {
  it('does not create a rejected person again, nor propose a rejected tie, when the same archive is imported again', async () => {
    const { backend } = await rejectDan()
    const again = await importArchive(backend, archive(), MY)
    expect(again.preview.people.created).toEqual([])
    expect(again.preview.people.heardFrom).toEqual([{ name: 'Dan Diaz', email: 'dan@diaz.example', sent: 2, received: 2, rejected: true }])
    expect(again.preview.ties).toEqual([])
    expect(again.result.peopleCreated).toBe(0)
    expect(await names(backend)).toEqual(['Alice Archer', 'Me Myself'])
    const review = await ok(backend, 'review.list', {})
    // Alice waits from the first import; Dan is not back.
    expect(review.people.map((p) => p.person.name)).toEqual(['Alice Archer'])
    expect(review.ties).toEqual([])
  })

  it('does not bring them back from a newer archive that overlaps the first, nor after the first import is undone', async () => {
    const { backend, batchId } = await rejectDan()
    const newer = await previewArchive(backend, newerArchive(), MY)
    expect(newer.people.created).toEqual([])
    expect(newer.people.matched.map((p) => p.name)).toEqual(['Alice Archer'])
    expect(newer.people.heardFrom.map((h) => [h.name, h.rejected])).toEqual([['Dan Diaz', true]])
    expect(newer.ties).toEqual([])
    await ok(backend, 'imports.archiveCancel', { jobId: newer.jobId })

    // Rejections are the user's, made on the Review page: undoing the import that proposed them keeps them.
    await ok(backend, 'imports.undo', { id: batchId })
    expect(await names(backend)).toEqual(['Me Myself'])
    const afterUndo = await importArchive(backend, newerArchive(), MY)
    expect(afterUndo.preview.people.created.map((p) => p.name)).toEqual(['Alice Archer'])
    expect(afterUndo.preview.people.heardFrom.map((h) => [h.name, h.rejected])).toEqual([['Dan Diaz', true]])
    expect(afterUndo.preview.ties).toEqual([])
    expect(await names(backend)).toEqual(['Alice Archer', 'Me Myself'])
  })

  it('matches a rejected person the user adds back by hand, but still never proposes the rejected tie', async () => {
    const { backend } = await rejectDan()
    await ok(backend, 'people.create', { name: 'Dan Diaz', emails: ['dan@diaz.example'] })
    const { preview } = await importArchive(backend, newerArchive(), MY)
    expect(preview.people.matched.map((p) => p.name).sort()).toEqual(['Alice Archer', 'Dan Diaz'])
    expect(preview.people.heardFrom).toEqual([])
    expect(preview.ties).toEqual([])
    expect((await ok(backend, 'review.list', {})).ties).toEqual([])
    // Dan was met again through the import: his interactions are logged.
    const dan = await ok(backend, 'people.resolve', { ref: 'Dan Diaz' })
    expect((await ok(backend, 'people.get', { id: dan.id })).interactions.length).toBeGreaterThan(0)
  })

  it('still proposes ties and people the user did not reject', async () => {
    const { backend } = await rejectDan()
    const BO = who('bo@bright.example', 'Bo Bright')
    const { preview } = await importArchive(
      backend,
      [
        obs(ME, [BO], '2026-10-01', { thread: 'b' }),
        obs(BO, [ME], '2026-10-02', { thread: 'b' }),
        obs(ME, [ALICE, BO], '2026-10-03', { thread: 'ab1' }),
        obs(BO, [ME, ALICE], '2026-10-04', { thread: 'ab2' }),
      ],
      MY,
    )
    expect(preview.people.created.map((p) => p.name)).toEqual(['Bo Bright'])
    expect(preview.ties.map((t) => [t.a, t.b].sort())).toEqual([['Alice Archer', 'Bo Bright']])
  })

  it('never deletes a new person something else has added to since: another import, an edit, a favor', async () => {
    const backend = await openTempBackend({ now: ticking() })
    const me = await ok(backend, 'me.set', { name: 'Me Myself' })
    await importArchive(backend, archive(), MY)
    const review = await ok(backend, 'review.list', {})
    const dan = review.people.find((p) => p.person.name === 'Dan Diaz')
    const alice = review.people.find((p) => p.person.name === 'Alice Archer')
    if (dan === undefined || alice === undefined) throw new Error('the import proposed no Dan or no Alice')
    // A LinkedIn file then tells Kith where Dan works (matched by his address).
    await importFile(backend, 'Connections.csv', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nDan,Diaz,,dan@diaz.example,Diaz & Co,CEO,12 Mar 2024\n')
    const refused = await fails(backend, 'review.reject', { ids: [alice.id, dan.id] })
    expect(refused).toMatchObject({
      code: 'conflict',
      message: 'Dan Diaz was added to since the import found them (the import of Connections.csv), so Kith will not delete them: accept them to keep them, or delete them on their page if you mean to. None of the 2 were rejected.',
    })
    // Nothing was done, Alice's rejection included.
    expect(await names(backend)).toEqual(['Alice Archer', 'Dan Diaz', 'Me Myself'])
    await ok(backend, 'favors.log', { giverId: alice.person.id, receiverId: me.id, date: '2026-11-01', kind: 'advice', size: 'small' })
    expect((await fails(backend, 'review.reject', { ids: [alice.id] })).message).toMatch(/^Alice Archer was added to since the import found them \(a favor\)/)
  })

  it("shows a new person's why as the estimate behind the strength shown, after a later import made it anew", async () => {
    const backend = await openTempBackend({ now: ticking() })
    await ok(backend, 'me.set', { name: 'Me Myself' })
    await importArchive(backend, archive(), MY)
    const first = (await ok(backend, 'review.list', {})).people.find((p) => p.person.name === 'Dan Diaz')
    // The newer archive has more with Dan: the estimate is made again, and the first import's review item shows it.
    const { preview } = await importArchive(backend, newerArchive(), MY)
    const estimate = preview.people.matched.find((p) => p.name === 'Dan Diaz')
    const again = (await ok(backend, 'review.list', {})).people.find((p) => p.id === first?.id)
    expect(again?.strength).toBe(estimate?.strength)
    expect(again?.detail).toBe(estimate?.explanation)
    expect(again?.detail).not.toBe(first?.detail)
  })
})
