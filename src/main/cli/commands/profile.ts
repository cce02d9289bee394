/** `kith profile` and `kith profile set`: who the user is, as every draft signs and describes them. */
import type { Profile } from '../../../shared/types'
import { EXIT_OK, UsageError, emit, text, type Command, type OptionName } from '../common'

const FIELDS: readonly (readonly [OptionName, keyof Profile, string])[] = [
  ['name', 'fullName', 'Name'],
  ['role', 'role', 'Role'],
  ['org', 'organisation', 'Organisation'],
  ['credibility', 'credibility', 'Credibility'],
  ['sign-off', 'signOff', 'Sign-off'],
]

function describe(p: Profile): string {
  return FIELDS.map(([, field, label]) => `${`${label}:`.padEnd(14)}${p[field] === '' ? '(not set)' : p[field]}`).join('\n')
}

export const profileShow: Command = {
  name: 'profile',
  usage: `profile                          who you are in drafts: name, role, organisation, credibility, sign-off`,
  options: ['json'],
  positionals: 0,
  help: 'Shows your profile: the name, role, organisation, credibility line and sign-off that drafts use.',
  async run(ctx) {
    const profile = await ctx.call('profile.get', {})
    emit(ctx, profile, describe(profile))
    return EXIT_OK
  },
}

export const profileSet: Command = {
  name: 'profile set',
  usage: `profile set [--name N] [--role R] [--org O] [--credibility TEXT] [--sign-off TEXT]
                                 change your profile (the fields not given stay)`,
  options: ['json', 'name', 'role', 'org', 'credibility', 'sign-off'],
  positionals: 0,
  fields: { fullName: '--name', role: '--role', organisation: '--org', credibility: '--credibility', signOff: '--sign-off' },
  help: `Changes only the fields you give; the others keep their values ("" clears one).
  --credibility   one line that makes you credible to a stranger
  --sign-off      how drafts end, e.g. "Best, Jordan"`,
  async run(ctx) {
    const given = FIELDS.filter(([option]) => text(ctx.values, option) !== undefined)
    if (given.length === 0) throw new UsageError('nothing to change: give at least one of --name, --role, --org, --credibility or --sign-off.')
    const current = await ctx.call('profile.get', {})
    // Only the profile's own fields: the set call refuses anything else.
    const next: Profile = { fullName: current.fullName, role: current.role, organisation: current.organisation, credibility: current.credibility, signOff: current.signOff }
    for (const [option, field] of given) next[field] = text(ctx.values, option) ?? ''
    const saved = await ctx.call('profile.set', next)
    emit(ctx, saved, `Saved your profile:\n${describe(saved)}`)
    return EXIT_OK
  },
}
