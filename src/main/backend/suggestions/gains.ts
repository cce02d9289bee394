import { isSourceTag, type SuggestionSettings } from '../../../shared/suggestions'
import { normalizeLabel } from '../people/records'

/**
 * What one person gains from meeting another (docs/suggestions.md): needs of
 * theirs the other offers, interests both carry, and roles of the other's
 * that complement their own.
 */
export interface SideGain {
  /** their needs the other offers, as they wrote them */
  needs: string[]
  /** interests both carry, as the user wrote them in Settings */
  interests: string[]
  /** the other's roles that complement one of theirs */
  roles: { mine: string; theirs: string }[]
}

/** A person as far as gains go: needs and offers by normalised label, interest and role ids. */
export interface Traits {
  needs: ReadonlyMap<string, string> | undefined
  offers: ReadonlyMap<string, string> | undefined
  interests: readonly number[]
  roles: readonly number[]
}

/** A letter or digit in any script. */
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u

/** Whether the code point is a letter or digit (ASCII answered without the Unicode tables). */
function isWordCharacter(point: number | undefined): boolean {
  if (point === undefined) return false
  if (point < 128) return (point >= 48 && point <= 57) || (point >= 65 && point <= 90) || (point >= 97 && point <= 122)
  return WORD_CHARACTER.test(String.fromCodePoint(point))
}

/** The code point that ends just before `at` (a surrogate pair read whole). */
function pointBefore(text: string, at: number): number | undefined {
  if (at <= 0) return undefined
  const low = text.charCodeAt(at - 1)
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2)
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(at - 2)
  }
  return low
}

/**
 * Whether `text` contains `word` as whole words: no letter or digit just
 * before or after it ("co-founder & ceo" holds "founder", "founders fund"
 * does not). A scan with indexOf, not a regular expression: a Unicode-aware
 * pattern per role costs more to compile than a week's titles take to read.
 */
export function holdsWord(text: string, word: string): boolean {
  if (word === '') return false
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!isWordCharacter(pointBefore(text, at)) && !isWordCharacter(text.codePointAt(at + word.length))) return true
  }
  return false
}

/**
 * The user's interests and complementary roles as small integers, ready to
 * be matched against each person's tags and title.
 */
export class GainRules {
  readonly interestLabels: string[] = []
  readonly roleLabels: string[] = []
  /** complements[r]: the roles whose holders a holder of role r gains from meeting */
  readonly complements: number[][] = []
  private readonly interestIds = new Map<string, number>()
  private readonly roleIds = new Map<string, number>()

  constructor(settings: SuggestionSettings) {
    for (const label of settings.interests) {
      const key = normalizeLabel(label)
      if (key === '' || isSourceTag(key) || this.interestIds.has(key)) continue
      this.interestIds.set(key, this.interestLabels.length)
      this.interestLabels.push(label.trim())
    }
    const roleId = (label: string): number => {
      const key = normalizeLabel(label)
      let k = this.roleIds.get(key)
      if (k === undefined) {
        k = this.roleLabels.length
        this.roleIds.set(key, k)
        this.roleLabels.push(key)
        this.complements.push([])
      }
      return k
    }
    for (const pair of settings.complementaryRoles) {
      const [a, b] = [roleId(pair.a), roleId(pair.b)]
      if (!(this.complements[a] ?? []).includes(b)) this.complements[a]?.push(b)
      if (!(this.complements[b] ?? []).includes(a)) this.complements[b]?.push(a)
    }
  }

  get interestCount(): number {
    return this.interestLabels.length
  }

  /** the interests' normal forms, by id */
  get interestKeys(): string[] {
    return [...this.interestIds.keys()]
  }

  get roleCount(): number {
    return this.roleLabels.length
  }

  /** The interest a tag's stored normal form names, if any (see `interestsOf` for tags as written). */
  interestOfKey(key: string): number | undefined {
    return this.interestIds.get(key)
  }

  /** The role a tag's stored normal form names, if any (see `rolesOf` for tags as written). */
  roleOfKey(key: string): number | undefined {
    return this.roleIds.get(key)
  }

  /** The interests among these tags, as ids (import tags never count). */
  interestsOf(tags: readonly string[]): number[] {
    const out: number[] = []
    if (this.interestIds.size === 0) return out
    for (const tag of tags) {
      const k = this.interestIds.get(normalizeLabel(tag))
      if (k !== undefined && !out.includes(k)) out.push(k)
    }
    return out
  }

  /**
   * The roles someone holds: a tag equal to the role, or a title containing
   * it as whole words (case-insensitive: "Co-founder & CEO" is a founder,
   * "Founders Fund" is not).
   */
  rolesOf(tags: readonly string[], title: string | null): number[] {
    const out: number[] = []
    if (this.roleIds.size === 0) return out
    for (const tag of tags) {
      const k = this.roleIds.get(normalizeLabel(tag))
      if (k !== undefined && !out.includes(k)) out.push(k)
    }
    if (title !== null && title !== '') {
      const text = normalizeLabel(title)
      this.roleLabels.forEach((word, k) => {
        if (!out.includes(k) && holdsWord(text, word)) out.push(k)
      })
    }
    return out
  }

  /** What `self` gains from meeting `other`. */
  gain(self: Traits, other: Traits): SideGain {
    const needs: string[] = []
    if (self.needs !== undefined && other.offers !== undefined) {
      for (const [key, label] of self.needs) if (other.offers.has(key)) needs.push(label)
    }
    const interests = self.interests.filter((k) => other.interests.includes(k)).map((k) => this.interestLabels[k] ?? '')
    const roles: SideGain['roles'] = []
    for (const theirs of other.roles) {
      const mine = self.roles.find((r) => (this.complements[r] ?? []).includes(theirs))
      if (mine !== undefined) roles.push({ mine: this.roleLabels[mine] ?? '', theirs: this.roleLabels[theirs] ?? '' })
    }
    return { needs, interests, roles }
  }
}

export const hasGain = (g: SideGain): boolean => g.needs.length + g.interests.length + g.roles.length > 0

const list = (items: readonly string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`)

const article = (word: string): string => (/^[aeiou]/i.test(word) ? 'an' : 'a')

/**
 * A side's gain in words. `third` is for the weekly list, after "Ana Silva
 * gains:" ("Ben Okafor can help with fundraising advice"); `second` is
 * addressed to that side, for their opt-in ("you are looking for fundraising
 * advice, and Ben can help").
 */
export function describeGain(gain: SideGain, self: string, other: string, voice: 'third' | 'second'): string {
  const parts: string[] = []
  if (voice === 'third') {
    // Labels are what people wrote ("fundraising advice", "seed investor"): "can help with" fits both, "offers" only
    // the first. The list names the side that gains ("Zara gains: …"), so the sentence does not name it again.
    if (gain.needs.length > 0) parts.push(`${other} can help with ${list(gain.needs)}`)
    if (gain.interests.length > 0) parts.push(`both follow ${list(gain.interests)}`)
    for (const r of gain.roles) parts.push(`${other} is ${article(r.theirs)} ${r.theirs} and ${self} ${article(r.mine)} ${r.mine}`)
  } else {
    // Said to them, in their opt-in and after "Samir, meet Lena Ito, Founder at Helix Talent." in the email: what
    // brings them together, as one person would say it to another.
    if (gain.needs.length > 0) parts.push(`you are looking for ${list(gain.needs)}, and ${other} can help`)
    if (gain.interests.length > 0) parts.push(`you are both interested in ${list(gain.interests)}`)
    for (const r of gain.roles) parts.push(`as ${article(r.mine)} ${r.mine}, you may like to know ${other}, ${article(r.theirs)} ${r.theirs}`)
  }
  return parts.join('; ')
}

/**
 * How much a side gains, to say who gains more: m(A,B) of docs/suggestions.md
 * before it is held to 1 (a need met is a point, a shared interest or a
 * complementary role `weight` of one, over how many needs the side has, at
 * least one), so that two sides who both have all they look for still differ.
 */
export function gainMeasure(gain: SideGain, needCount: number, weight: { interest: number; role: number }): number {
  return (gain.needs.length + weight.interest * gain.interests.length + weight.role * gain.roles.length) / Math.max(1, needCount)
}
