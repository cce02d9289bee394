import { describe, expect, it } from 'vitest'
import { pick, seededRandom } from '../demo/random'
import { SearchGathering, SearchIndex, type SearchDoc } from './search-index'

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

  it('at 20,000 namesakes, finds the one asked for, and someone added after the first search', () => {
    // Every "Cremin" triple is in everyone's list, so those lists are looked up rather than read.
    const docs = Array.from({ length: 20_000 }, (_, i) => doc(i + 1, `${FIRST[i % FIRST.length] ?? 'Al'}${i} Cremin`, { company: i % 3 === 0 ? 'Cremin Holdings' : null }))
    docs[14_999] = doc(15_000, 'Kimberly Cremin')
    const index = new SearchIndex(docs)
    expect(index.search('Kimberly Cremin', 3)[0]?.id).toBe(15_000)
    expect(index.search('Kimberly Cremni', 3)[0]?.id).toBe(15_000)
    index.set(doc(20_001, 'Zora Cremin'))
    expect(index.search('Zora Cremin', 3)[0]?.id).toBe(20_001)
    // When the filter turns most people away, the shortlist is filled from further down.
    const fewKept = index.search('Cremin', 5, (id) => id % 1_000 === 0)
    expect(fewKept.length).toBe(5)
    expect(fewKept.every((hit) => hit.id % 1_000 === 0)).toBe(true)
  })

  it('made in steps from words gathered a few people at a time, gives the answers of one made at once', () => {
    const random = seededRandom(23)
    const docs = Array.from({ length: 5_000 }, (_, i) =>
      doc(i + 1, `${pick(random, FIRST)}${i} ${pick(random, ['Cremin', 'Silva', 'Okafor', 'Łukasz', 'Tanaka'])}`, { company: pick(random, ['Acme', 'Harbor Capital', null]), tags: i % 7 === 0 ? ['seed investor'] : [] }),
    )
    const gathering = new SearchGathering(docs)
    while (gathering.gather(700));
    const inSteps = new SearchIndex(gathering, false, 'in steps')
    let steps = 0
    while (inSteps.buildStep()) steps++
    // Its passes: the lists' lengths, the postings, the lists, then who is where.
    expect(steps).toBe(3)
    const atOnce = new SearchIndex(docs)
    for (const query of ['Kai12 Cremin', 'Łukasz', 'lukasz', 'Harbor Capitl', 'seed investor', 'Okafr', 'Pia4999']) {
      expect(inSteps.search(query, 10), query).toEqual(atOnce.search(query, 10))
    }
  })

  it('skipping the longest lists changes no answer: the same hits as counting every list', () => {
    const random = seededRandom(17)
    const firsts = ['Ana', 'Ben', 'Cy', 'Dana', 'Eli', 'Fatima', 'Goran', 'Hana', 'Ivan', 'Jun', 'Kim', 'Lena', 'Marco', 'Nia', 'Omar', 'Priya']
    const lasts = ['Silva', 'Okafor', 'Tanaka', 'Cremin', 'Schinner', 'Legros', 'Feil', 'Green', 'Braun', 'Little', 'Raman', 'Moreau']
    const companies = ['Harbor Capital', 'Acme', 'Schinner - Legros', 'Green Group', 'Little LLC', null]
    const docs = Array.from({ length: 12_000 }, (_, i) => {
      const first = pick(random, firsts)
      const last = random() < 0.3 ? `${pick(random, lasts)}-${pick(random, lasts)}` : pick(random, lasts)
      return doc(i + 1, `${first} ${last}`, { company: pick(random, companies), title: random() < 0.5 ? 'Senior Manager' : null, emails: [`${first}.${last}${i}@example.com`.toLowerCase()] })
    })
    const pruned = new SearchIndex(docs)
    const plain = new SearchIndex(docs, true)
    const typo = (word: string): string => {
      const at = 1 + Math.floor(random() * Math.max(1, word.length - 2))
      return word.slice(0, at) + word.slice(at + 1)
    }
    let compared = 0
    for (let k = 0; k < 150; k++) {
      const person = pick(random, docs)
      const [first = '', last = ''] = person.name.split(' ')
      const query = pick(random, [`${typo(first)} ${last}`, `${first} ${typo(last)}`, last, person.company ?? first, `${first} ${last} ${person.company ?? ''}`, 'Senior Mangaer'])
      const accept = k % 3 === 0 ? (id: number) => id % 4 !== 0 : undefined
      expect(pruned.search(query, 10, accept), query).toEqual(plain.search(query, 10, accept))
      compared++
      if (k % 10 === 0) {
        // Changes between queries: the bit sets of the lists looked up must follow them.
        const changed = doc(20_000 + k, `${first} ${last}`, { company: 'Acme' })
        pruned.set(changed)
        plain.set(changed)
        pruned.remove(person.id)
        plain.remove(person.id)
      }
    }
    expect(compared).toBe(150)
  })
})
