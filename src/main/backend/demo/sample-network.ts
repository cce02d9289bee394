import { FAVOR_KINDS, type Confidence, type FavorKind, type FavorSize, type InteractionKind, type RelationshipKind } from '../../../shared/vocab'
import { pick, pickWeighted, seededRandom } from './random'

/** The sample network's cast: invented people at invented organisations. */

const FIRST_NAMES = [
  'Ana', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonah', 'Kemi', 'Liam', 'Maya',
  'Nikhil', 'Olga', 'Priya', 'Quinn', 'Rosa', 'Samir', 'Tara', 'Uma', 'Victor', 'Wen', 'Ximena', 'Yusuf',
  'Zoe', 'Amara', 'Bruno', 'Carmen', 'Dario', 'Esther', 'Felix', 'Gita', 'Hannah', 'Ivan', 'Jade', 'Kofi',
  'Lena', 'Mateo', 'Nadia', 'Omar', 'Paula', 'Rafael', 'Sofia', 'Tomas', 'Ulla', 'Vera', 'Will', 'Yara',
  'Aiko', 'Bilal', 'Clara', 'Daniel', 'Emeka', 'Freya', 'Gabriel', 'Helena', 'Isaac', 'Julia', 'Kenji',
  'Leila', 'Marcus', 'Noor', 'Oscar', 'Pia', 'Ruth', 'Sven', 'Thandi', 'Valentina', 'Wojtek', 'Zara',
] as const

const LAST_NAMES = [
  'Silva', 'Okafor', 'Lindqvist', 'Patel', 'Moreau', 'Tanaka', 'Kowalski', 'Haddad', 'Nguyen', 'Fischer',
  'Adeyemi', 'Rossi', 'Chen', 'Novak', 'Garcia', 'Jensen', 'Mensah', 'Kaur', 'Dubois', 'Sato', 'Ibrahim',
  'Costa', 'Berg', 'Schmidt', 'Alvarez', 'Kim', 'Osei', 'Petrov', 'Romero', 'Walsh', 'Yilmaz', 'Andersen',
  'Bauer', 'Cohen', 'Diallo', 'Eriksen', 'Ferreira', 'Gupta', 'Horvat', 'Ito', 'Kruger', 'Larsen',
  'Mbeki', 'Nakamura', "O'Brien", 'Park', 'Reyes', 'Sandoval', 'Toure', 'Varga', 'Weber', 'Zhou',
] as const

export interface SampleCompany {
  name: string
  titles: readonly string[]
  size: number
  /** tags every member gets one of */
  tags: readonly string[]
}

export const COMPANIES: readonly SampleCompany[] = [
  { name: 'Harbor Capital', size: 9, titles: ['Partner', 'Principal', 'Associate', 'Venture Partner', 'Platform Lead'], tags: ['investor', 'seed investor', 'venture capital'] },
  { name: 'Quarry Ventures', size: 8, titles: ['General Partner', 'Principal', 'Scout', 'Analyst'], tags: ['investor', 'seed investor', 'climate'] },
  { name: 'Northwind Labs', size: 12, titles: ['CTO', 'Staff Engineer', 'Engineering Manager', 'Product Manager', 'Designer'], tags: ['engineering', 'developer tools', 'product'] },
  { name: 'Tessellate AI', size: 11, titles: ['CEO', 'Research Scientist', 'ML Engineer', 'Head of Sales', 'Recruiter'], tags: ['machine learning', 'AI', 'startups'] },
  { name: 'Brightline Health', size: 10, titles: ['COO', 'Clinical Lead', 'Product Manager', 'Data Scientist'], tags: ['health', 'product', 'data'] },
  { name: 'Sparrow Payments', size: 10, titles: ['CFO', 'Head of Partnerships', 'Backend Engineer', 'Compliance Lead'], tags: ['fintech', 'payments', 'engineering'] },
  { name: 'Juniper Robotics', size: 8, titles: ['Founder', 'Hardware Engineer', 'Operations Lead', 'Designer'], tags: ['hardware', 'robotics', 'founder'] },
  { name: 'Meridian Bank', size: 9, titles: ['Managing Director', 'Vice President', 'Innovation Lead', 'Analyst'], tags: ['banking', 'fintech', 'corporate'] },
  { name: 'Atlas Logistics', size: 8, titles: ['VP Operations', 'Head of Procurement', 'Software Engineer'], tags: ['logistics', 'operations', 'enterprise'] },
  { name: 'Fieldnote Studio', size: 7, titles: ['Creative Director', 'Brand Designer', 'Producer'], tags: ['design', 'branding', 'creative'] },
  { name: 'Lumen Energy', size: 9, titles: ['CEO', 'Policy Lead', 'Grid Engineer', 'Head of Growth'], tags: ['climate', 'energy', 'policy'] },
  { name: 'Oakridge University', size: 10, titles: ['Professor', 'Lecturer', 'Research Fellow', 'Tech Transfer Officer'], tags: ['research', 'academia', 'AI'] },
  { name: 'Tidewater Media', size: 8, titles: ['Editor', 'Reporter', 'Podcast Host', 'Head of Audience'], tags: ['media', 'journalism', 'podcasts'] },
  { name: 'Granite Security', size: 8, titles: ['CISO', 'Security Engineer', 'Sales Director'], tags: ['security', 'enterprise', 'engineering'] },
  { name: 'Nimbus Cloud', size: 12, titles: ['VP Engineering', 'Developer Advocate', 'Solutions Architect', 'Recruiter'], tags: ['cloud', 'engineering', 'developer tools'] },
  { name: 'Kestrel Bio', size: 9, titles: ['Chief Scientific Officer', 'Biologist', 'BD Director'], tags: ['biotech', 'research', 'health'] },
  { name: 'Helix Talent', size: 7, titles: ['Founder', 'Technical Recruiter', 'Executive Search Partner'], tags: ['recruiting', 'hiring', 'talent'] },
  { name: 'Orchard Community', size: 8, titles: ['Community Lead', 'Events Producer', 'Program Manager'], tags: ['community', 'events', 'founders'] },
  { name: 'Pinecrest Legal', size: 7, titles: ['Partner', 'Startup Counsel', 'Paralegal'], tags: ['legal', 'startups', 'fundraising'] },
  { name: 'Copperleaf Foods', size: 8, titles: ['CEO', 'Head of Retail', 'Marketing Lead'], tags: ['consumer', 'retail', 'food'] },
]

export const ME = {
  name: 'Jordan Avery',
  company: 'Wayfinder',
  title: 'Founder & CEO',
  tags: ['founder', 'startups'],
  needs: ['seed funding', 'senior engineers', 'pilot customers'],
  offers: ['founder advice', 'marketplace expertise'],
} as const

/**
 * Tags the sample user follows: two people who both carry one share an
 * interest, a gain for each when suggesting introductions. Stored as the
 * suggestion settings' interests when the demo loads into a data folder that
 * has none.
 */
export const SAMPLE_INTERESTS = ['climate', 'AI', 'fintech', 'health', 'design'] as const

/**
 * What people look for and can help with, by where they work and what they do,
 * matched later to suggest introductions: an investor can help with seed
 * funding, a reporter with press coverage, a bank with pilot customers. The
 * same words are needed by some and offered by others, so that the sample's
 * weekly list has pairs a user would make.
 */
interface Traits {
  needs: readonly string[]
  offers: readonly string[]
}

const COMPANY_TRAITS: Readonly<Record<string, Traits>> = {
  'Harbor Capital': { needs: ['AI founders', 'fintech founders'], offers: ['seed funding', 'fundraising advice', 'board members'] },
  'Quarry Ventures': { needs: ['climate founders', 'health founders'], offers: ['seed funding', 'series A funding', 'fundraising advice'] },
  'Northwind Labs': { needs: ['pilot customers', 'ML engineers'], offers: ['product feedback', 'hiring advice'] },
  'Tessellate AI': { needs: ['series A funding', 'pilot customers', 'research partners'], offers: ['product feedback', 'AI founders'] },
  'Brightline Health': { needs: ['security review', 'ML engineers'], offers: ['pilot customers', 'product feedback'] },
  'Sparrow Payments': { needs: ['security review', 'sales leaders'], offers: ['fintech partners'] },
  'Juniper Robotics': { needs: ['series A funding', 'pilot customers', 'press coverage'], offers: ['product feedback'] },
  'Meridian Bank': { needs: ['fintech partners', 'security review'], offers: ['pilot customers', 'fintech partners', 'fintech founders'] },
  'Atlas Logistics': { needs: ['senior engineers', 'ML engineers'], offers: ['pilot customers'] },
  'Fieldnote Studio': { needs: ['press coverage', 'speaking slots'], offers: ['designers', 'product feedback'] },
  'Lumen Energy': { needs: ['series A funding', 'press coverage'], offers: ['grant funding'] },
  'Oakridge University': { needs: ['grant funding', 'AI founders'], offers: ['research partners', 'speaking slots', 'mentorship'] },
  'Tidewater Media': { needs: ['AI founders', 'climate founders'], offers: ['press coverage', 'speaking slots'] },
  'Granite Security': { needs: ['sales leaders', 'fintech partners'], offers: ['security review'] },
  'Nimbus Cloud': { needs: ['AI founders'], offers: ['cloud credits'] },
  'Kestrel Bio': { needs: ['ML engineers', 'series A funding', 'grant funding'], offers: ['research partners'] },
  'Helix Talent': { needs: ['fintech founders'], offers: ['senior engineers', 'sales leaders', 'hiring advice'] },
  'Orchard Community': { needs: ['press coverage', 'cloud credits'], offers: ['speaking slots', 'climate founders', 'health founders', 'AI founders', 'mentorship'] },
  'Pinecrest Legal': { needs: ['AI founders', 'fintech founders'], offers: ['legal advice', 'fundraising advice'] },
  'Copperleaf Foods': { needs: ['go-to-market advice', 'designers'], offers: ['retail partners', 'pilot customers'] },
}

/** What a title adds, wherever the person works (or for someone on their own). */
const TITLE_TRAITS: readonly { title: RegExp; traits: Traits }[] = [
  { title: /Recruiter|Search Partner/, traits: { needs: [], offers: ['senior engineers', 'ML engineers', 'hiring advice'] } },
  { title: /Sales|Growth|Partnerships/, traits: { needs: [], offers: ['go-to-market advice', 'sales leaders'] } },
  { title: /Designer|Creative Director/, traits: { needs: [], offers: ['designers', 'product feedback'] } },
  { title: /Product Manager/, traits: { needs: [], offers: ['product feedback'] } },
  { title: /Engineering Manager|VP Engineering|CTO/, traits: { needs: ['senior engineers'], offers: ['hiring advice'] } },
  { title: /^(CEO|Founder)$/, traits: { needs: ['senior engineers', 'board members'], offers: ['founder advice'] } },
  { title: /Angel Investor/, traits: { needs: ['AI founders', 'climate founders'], offers: ['seed funding', 'fundraising advice', 'mentorship'] } },
  { title: /Advisor/, traits: { needs: [], offers: ['mentorship', 'go-to-market advice', 'board members'] } },
  { title: /Consultant/, traits: { needs: ['pilot customers'], offers: ['go-to-market advice'] } },
]

/** A person's traits to draw from: their organisation's and their title's. */
function traitsOf(company: string | null, title: string | null): Traits {
  const parts = [company === null ? undefined : COMPANY_TRAITS[company], ...TITLE_TRAITS.filter((t) => title !== null && t.title.test(title)).map((t) => t.traits)]
  const needs = new Set<string>()
  const offers = new Set<string>()
  for (const part of parts) {
    for (const need of part?.needs ?? []) needs.add(need)
    for (const offer of part?.offers ?? []) offers.add(offer)
  }
  // Nobody looks for what they offer themselves.
  for (const offer of offers) needs.delete(offer)
  return { needs: [...needs], offers: [...offers] }
}

/** The one list needs and offers were once drawn from, for everyone: only its length matters now (see `keptDraws`). */
const FORMER_LABELS: readonly number[] = Array.from({ length: 24 }, (_, k) => k)

const CITIES = ['Lisbon', 'Berlin', 'London', 'New York', 'San Francisco', 'Toronto', 'Nairobi', 'Singapore', 'Austin', 'Paris']
const MET_AT = ['a founders dinner', 'Web Summit', 'a friend’s wedding', 'university', 'a previous job', 'a conference panel', 'a climbing gym', 'an accelerator demo day']

export interface SamplePerson {
  name: string
  company: string | null
  title: string | null
  location: string | null
  email: string | null
  tags: string[]
  needs: string[]
  offers: string[]
  howWeMet: string | null
  /** index of a previous employer in COMPANIES, with years */
  previous: { company: string; title: string; from: number; to: number } | null
  /** year the current job started */
  since: number | null
}

export interface SampleRelationship {
  /** indexes into people; 0 is me */
  a: number
  b: number
  strength: number
  kind: RelationshipKind
  confidence: Confidence
  contexts: string[]
  sinceYear: number | null
}

export interface SampleInteraction {
  daysAgo: number
  kind: InteractionKind
  people: number[]
  withMe: boolean
  note: string | null
}

export interface SampleFavor {
  giver: number
  receiver: number
  daysAgo: number
  kind: FavorKind
  size: FavorSize
  note: string | null
}

export interface SampleNetwork {
  people: SamplePerson[]
  relationships: SampleRelationship[]
  interactions: SampleInteraction[]
  favors: SampleFavor[]
}

const SEED = 20261122

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '')
}

/** Builds the sample network; the same output on every run. Dates are days before the day it is loaded. */
export function buildSampleNetwork(): SampleNetwork {
  const random = seededRandom(SEED)
  const chance = (p: number): boolean => random() < p
  const between = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1))
  const some = <T>(items: readonly T[], n: number): T[] => {
    const out: T[] = []
    for (let tries = 0; out.length < n && tries < 50; tries++) {
      const item = pick(random, items)
      if (!out.includes(item)) out.push(item)
    }
    return out
  }

  // Needs and offers come from a stream of their own: what people look for can change without moving the rest.
  const traitRandom = seededRandom(SEED + 1)
  const draw = (traits: Traits): { needs: string[]; offers: string[] } => {
    const few = (items: readonly string[], most: number, least = 0): string[] => {
      const left = [...items]
      const out: string[] = []
      const count = Math.min(left.length, least + Math.floor(traitRandom() * (most - least + 1)))
      while (out.length < count) out.push(...left.splice(Math.floor(traitRandom() * left.length), 1))
      return out
    }
    // Most people can help with something their work gives them; fewer say what they look for.
    return { needs: few(traits.needs, 2), offers: traits.offers.length === 0 ? [] : few(traits.offers, 2, 1) }
  }

  /**
   * The main stream's draws where needs and offers were once drawn from one
   * list for everyone, made still and set aside: the rest of the sample (its
   * names, ties and history) stays as it was, and the tests, docs and
   * screenshots that name its people still hold.
   */
  const keptDraws = (): Record<string, never> => {
    some(FORMER_LABELS, between(0, 2))
    some(FORMER_LABELS, between(0, 3))
    return {}
  }

  const people: SamplePerson[] = [
    {
      ...ME,
      tags: [...ME.tags],
      needs: [...ME.needs],
      offers: [...ME.offers],
      location: 'Lisbon',
      email: 'jordan@wayfinder.example',
      howWeMet: null,
      previous: { company: 'Northwind Labs', title: 'Product Manager', from: 2018, to: 2022 },
      since: 2023,
    },
  ]
  const used = new Set<string>([ME.name])
  const companyOf: number[][] = []

  function uniqueName(): string {
    for (;;) {
      const name = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`
      if (!used.has(name)) {
        used.add(name)
        return name
      }
    }
  }

  function person(name: string, company: SampleCompany | null, title: string | null): SamplePerson {
    const first = slug(name.split(' ')[0] ?? name)
    const previousCompany = chance(0.4) ? pick(random, COMPANIES) : null
    const from = between(2012, 2019)
    return {
      name,
      company: company?.name ?? null,
      title,
      location: pick(random, CITIES),
      email: company !== null && chance(0.6) ? `${first}@${slug(company.name)}.example` : chance(0.3) ? `${first}.${between(1, 99)}@mail.example` : null,
      tags: company === null ? some(['angel investor', 'advisor', 'founders', 'design', 'climate'], between(1, 2)) : some(company.tags, between(1, 2)),
      ...keptDraws(),
      ...draw(traitsOf(company?.name ?? null, title)),
      howWeMet: null,
      previous:
        previousCompany !== null && previousCompany.name !== company?.name
          ? { company: previousCompany.name, title: pick(random, previousCompany.titles), from, to: from + between(1, 4) }
          : null,
      since: company === null ? null : between(2019, 2025),
    }
  }

  for (const company of COMPANIES) {
    const members: number[] = []
    for (let i = 0; i < company.size; i++) {
      members.push(people.length)
      people.push(person(uniqueName(), company, pick(random, company.titles)))
    }
    companyOf.push(members)
  }
  // Independents: advisors, angels, people between jobs.
  const independentTitles = ['Angel Investor', 'Advisor', 'Consultant', 'Freelance Designer', null]
  while (people.length < 200) people.push(person(uniqueName(), null, pick(random, independentTitles)))

  const relationships = new Map<string, SampleRelationship>()
  function relate(a: number, b: number, r: Omit<SampleRelationship, 'a' | 'b'>): void {
    if (a === b) return
    const [lo, hi] = a < b ? [a, b] : [b, a]
    const key = `${lo}:${hi}`
    if (!relationships.has(key)) relationships.set(key, { a: lo, b: hi, ...r })
  }

  // Me: about 70 contacts, most of them middling.
  const strengthWeights = [12, 30, 30, 18, 10]
  const others = people.length - 1
  const mine: number[] = []
  while (mine.length < 70) {
    const other = 1 + Math.floor(random() * others)
    if (mine.includes(other)) continue
    mine.push(other)
    const contact = people[other]
    if (contact === undefined) continue
    contact.howWeMet = pick(random, MET_AT)
    const formerColleague = contact.previous?.company === 'Northwind Labs' || contact.company === 'Northwind Labs'
    relate(0, other, {
      strength: 1 + pickWeighted(random, strengthWeights),
      kind: formerColleague ? 'colleague' : pick(random, ['friend', 'friend', 'investor', 'client', 'other', 'classmate']),
      confidence: 'firsthand',
      contexts: formerColleague ? ['Worked together at Northwind Labs'] : [`Met at ${contact.howWeMet}`],
      sinceYear: between(2014, 2025),
    })
  }
  // Colleagues know each other, some well.
  COMPANIES.forEach((company, c) => {
    const members = companyOf[c] ?? []
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        if (random() < 0.45) {
          relate(members[i] ?? 0, members[j] ?? 0, {
            strength: 2 + pickWeighted(random, [30, 40, 20, 10]),
            kind: 'colleague',
            confidence: pick(random, ['firsthand', 'believed', 'believed', 'inferred']),
            contexts: [`Colleagues at ${company.name}`],
            sinceYear: between(2019, 2025),
          })
        }
      }
    }
  })
  // Friendships and former colleagues across companies, favouring the well connected.
  const degree = new Array<number>(people.length).fill(1)
  for (const r of relationships.values()) {
    degree[r.a] = (degree[r.a] ?? 0) + 1
    degree[r.b] = (degree[r.b] ?? 0) + 1
  }
  for (let n = 0; n < 180; n++) {
    const a = 1 + pickWeighted(random, degree.slice(1))
    const b = 1 + Math.floor(random() * others)
    relate(a, b, {
      strength: 1 + pickWeighted(random, strengthWeights),
      kind: pick(random, ['friend', 'other', 'classmate', 'investor', 'client']),
      confidence: pick(random, ['believed', 'firsthand', 'inferred']),
      contexts: [],
      sinceYear: chance(0.5) ? between(2010, 2025) : null,
    })
    degree[a] = (degree[a] ?? 0) + 1
    degree[b] = (degree[b] ?? 0) + 1
  }

  // Two years of interactions: the closer we are, the more often we talk.
  const interactions: SampleInteraction[] = []
  const notes = ['Caught up over coffee', 'Talked about hiring', 'Fundraising update', 'Quick check-in', 'Shared a deck for feedback', null, null]
  for (const other of mine) {
    const r = relationships.get(`0:${other}`)
    if (r === undefined) continue
    const count = [1, 2, 4, 8, 14][r.strength - 1] ?? 1
    for (let k = 0; k < count; k++) {
      const companions = chance(0.15) ? [1 + Math.floor(random() * others)].filter((x) => x !== other) : []
      interactions.push({
        daysAgo: between(1, 730),
        kind: pick(random, ['meeting', 'call', 'email', 'message', 'event', 'call']),
        people: [other, ...companions],
        withMe: true,
        note: pick(random, notes),
      })
    }
  }
  // Some gatherings where others met without me (they make recency between two others).
  const between2 = [...relationships.values()].filter((r) => r.a !== 0)
  for (let k = 0; k < 60; k++) {
    const r = pick(random, between2)
    interactions.push({ daysAgo: between(1, 700), kind: pick(random, ['event', 'meeting']), people: [r.a, r.b], withMe: false, note: null })
  }

  // Favors both ways, some among others.
  const favors: SampleFavor[] = []
  const favorNotes: Record<string, string> = {
    introduction: 'Introduced me to a potential investor',
    advice: 'Gave feedback on the pitch',
    referral: 'Referred a senior engineer',
    help: 'Helped with a contract question',
    gift: 'Sent a book',
    other: 'Covered for me at a panel',
  }
  for (let k = 0; k < 45; k++) {
    const other = pick(random, mine)
    const kind = pick(random, FAVOR_KINDS)
    const toMe = chance(0.5)
    favors.push({
      giver: toMe ? other : 0,
      receiver: toMe ? 0 : other,
      daysAgo: between(3, 720),
      kind,
      size: pick(random, ['small', 'small', 'medium', 'large']),
      note: toMe ? (favorNotes[kind] ?? null) : null,
    })
  }
  for (let k = 0; k < 25; k++) {
    const r = pick(random, between2)
    favors.push({ giver: r.a, receiver: r.b, daysAgo: between(3, 720), kind: pick(random, ['advice', 'help', 'referral']), size: 'small', note: null })
  }

  return { people, relationships: [...relationships.values()], interactions, favors }
}
