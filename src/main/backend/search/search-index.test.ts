import { describe, expect, it } from 'vitest'
import { SearchIndex, type SearchDoc } from './search-index'

const FIRST = ['Ada', 'Bo', 'Cal', 'Dee', 'Eli', 'Fay', 'Gus', 'Hal', 'Ivy', 'Jo', 'Kai', 'Lou', 'Max', 'Ned', 'Oz', 'Pia']

function doc(id: number, name: string, extra: Partial<SearchDoc> = {}): SearchDoc {
  return { id, name, aliases: [], company: null, title: null, tags: [], emails: [], ...extra }
}

describe('SearchIndex', () => {
  it('finds a misspelt short first name among hundreds who share the last name', () => {
    // 400 Cremins met before Kim: the trigrams of "km" match nobody, so only the letters of the
    // first name can tell Kim from the rest.
    const docs = Array.from({ length: 400 }, (_, i) => doc(i + 1, `${FIRST[i % FIRST.length] ?? 'Al'}${i} Cremin`))
    docs.push(doc(401, 'Kim Cremin'))
    const index = new SearchIndex(docs)
    expect(index.search('Km Cremin', 3)[0]?.id).toBe(401)
  })

  it('follows changes, and stays right after enough removals to rebuild itself', () => {
    const index = new SearchIndex(Array.from({ length: 3_000 }, (_, i) => doc(i + 1, `Person Number${i + 1}`, { company: i % 2 === 0 ? 'Harbor Capital' : null })))
    index.set(doc(7, 'Priya Raman', { tags: ['seed investor'] }))
    expect(index.search('Priya Rmaan', 1)[0]?.id).toBe(7)
    expect(index.search('seed investor', 1)[0]?.id).toBe(7)
    for (let id = 1_000; id <= 2_500; id++) index.remove(id)
    expect(index.size).toBe(3_000 - 1_501)
    expect(index.search('Number999', 1)[0]?.id).toBe(999)
    expect(index.search('Number2000', 5).map((h) => h.id)).not.toContain(2_000)
    expect(index.search('Number2501', 1)[0]?.id).toBe(2_501)
    expect(index.search('Priya Raman', 1)[0]?.id).toBe(7)
    index.set(doc(2_000, 'Zed Lindqvist', { emails: ['zed@fjord.example'] }))
    expect(index.search('zed@fjord', 1)[0]?.id).toBe(2_000)
    index.remove(7)
    expect(index.search('Priya Raman', 3)).toEqual([])
  })
})
