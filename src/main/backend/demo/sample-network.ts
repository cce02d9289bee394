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
}

const COMPANIES: readonly SampleCompany[] = [
  { name: 'Harbor Capital', size: 9, titles: ['Partner', 'Principal', 'Associate', 'Venture Partner', 'Platform Lead'] },
  { name: 'Quarry Ventures', size: 8, titles: ['General Partner', 'Principal', 'Scout', 'Analyst'] },
  { name: 'Northwind Labs', size: 12, titles: ['CTO', 'Staff Engineer', 'Engineering Manager', 'Product Manager', 'Designer'] },
  { name: 'Tessellate AI', size: 11, titles: ['CEO', 'Research Scientist', 'ML Engineer', 'Head of Sales', 'Recruiter'] },
  { name: 'Brightline Health', size: 10, titles: ['COO', 'Clinical Lead', 'Product Manager', 'Data Scientist'] },
  { name: 'Sparrow Payments', size: 10, titles: ['CFO', 'Head of Partnerships', 'Backend Engineer', 'Compliance Lead'] },
  { name: 'Juniper Robotics', size: 8, titles: ['Founder', 'Hardware Engineer', 'Operations Lead', 'Designer'] },
  { name: 'Meridian Bank', size: 9, titles: ['Managing Director', 'Vice President', 'Innovation Lead', 'Analyst'] },
  { name: 'Atlas Logistics', size: 8, titles: ['VP Operations', 'Head of Procurement', 'Software Engineer'] },
  { name: 'Fieldnote Studio', size: 7, titles: ['Creative Director', 'Brand Designer', 'Producer'] },
  { name: 'Lumen Energy', size: 9, titles: ['CEO', 'Policy Lead', 'Grid Engineer', 'Head of Growth'] },
  { name: 'Oakridge University', size: 10, titles: ['Professor', 'Lecturer', 'Research Fellow', 'Tech Transfer Officer'] },
  { name: 'Tidewater Media', size: 8, titles: ['Editor', 'Reporter', 'Podcast Host', 'Head of Audience'] },
  { name: 'Granite Security', size: 8, titles: ['CISO', 'Security Engineer', 'Sales Director'] },
  { name: 'Nimbus Cloud', size: 12, titles: ['VP Engineering', 'Developer Advocate', 'Solutions Architect', 'Recruiter'] },
  { name: 'Kestrel Bio', size: 9, titles: ['Chief Scientific Officer', 'Biologist', 'BD Director'] },
  { name: 'Helix Talent', size: 7, titles: ['Founder', 'Technical Recruiter', 'Executive Search Partner'] },
  { name: 'Orchard Community', size: 8, titles: ['Community Lead', 'Events Producer', 'Program Manager'] },
  { name: 'Pinecrest Legal', size: 7, titles: ['Partner', 'Startup Counsel', 'Paralegal'] },
  { name: 'Copperleaf Foods', size: 8, titles: ['CEO', 'Head of Retail', 'Marketing Lead'] },
]

export const ME = { name: 'Jordan Avery', company: 'Wayfinder', title: 'Founder & CEO' } as const

export interface SamplePerson {
  name: string
  company: string | null
  title: string | null
}

export interface SampleRelationship {
  /** indexes into people; 0 is me */
  a: number
  b: number
  strength: number
}

export interface SampleNetwork {
  people: SamplePerson[]
  relationships: SampleRelationship[]
}

const SEED = 20261122

/** Builds the sample network; the same output on every run. */
export function buildSampleNetwork(): SampleNetwork {
  const random = seededRandom(SEED)
  const people: SamplePerson[] = [{ ...ME }]
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

  for (const company of COMPANIES) {
    const members: number[] = []
    for (let i = 0; i < company.size; i++) {
      members.push(people.length)
      people.push({ name: uniqueName(), company: company.name, title: pick(random, company.titles) })
    }
    companyOf.push(members)
  }
  // Independents: advisors, angels, people between jobs.
  const independentTitles = ['Angel Investor', 'Advisor', 'Consultant', 'Freelance Designer', null]
  while (people.length < 200) {
    const title = pick(random, independentTitles)
    people.push({ name: uniqueName(), company: null, title })
  }

  const relationships = new Map<string, SampleRelationship>()
  function relate(a: number, b: number, strength: number): void {
    if (a === b) return
    const [lo, hi] = a < b ? [a, b] : [b, a]
    const key = `${lo}:${hi}`
    if (!relationships.has(key)) relationships.set(key, { a: lo, b: hi, strength })
  }

  // Me: about 70 contacts, most of them middling.
  const strengthWeights = [12, 30, 30, 18, 10]
  const others = people.length - 1
  while ([...relationships.values()].filter((r) => r.a === 0).length < 70) {
    relate(0, 1 + Math.floor(random() * others), 1 + pickWeighted(random, strengthWeights))
  }
  // Colleagues know each other, some well.
  for (const members of companyOf) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        if (random() < 0.45) relate(members[i] ?? 0, members[j] ?? 0, 2 + pickWeighted(random, [30, 40, 20, 10]))
      }
    }
  }
  // Friendships and former colleagues across companies, favouring the well connected.
  const degree = new Array<number>(people.length).fill(1)
  for (const r of relationships.values()) {
    degree[r.a] = (degree[r.a] ?? 0) + 1
    degree[r.b] = (degree[r.b] ?? 0) + 1
  }
  for (let n = 0; n < 180; n++) {
    const a = 1 + pickWeighted(random, degree.slice(1))
    const b = 1 + Math.floor(random() * others)
    relate(a, b, 1 + pickWeighted(random, strengthWeights))
    degree[a] = (degree[a] ?? 0) + 1
    degree[b] = (degree[b] ?? 0) + 1
  }

  return { people, relationships: [...relationships.values()] }
}
