/**
 * Introductions from the command line: asking for one along a path, making
 * one between two people, and walking either through its states.
 */
import { STATE_WORDS, askEnded, isIntroState, stateWord, statesOf, type IntroKind, type IntroState } from '../../../shared/intro-states'
import { otherWaysWords } from '../../../shared/other-ways-words'
import type { DraftMessage, IntroductionDetail, PersonRef } from '../../../shared/types'
import { KithError } from '../../backend/errors'
import {
  EXIT_OK,
  UsageError,
  emit,
  idArgument,
  indent,
  single,
  text,
  texts,
  type Command,
  type CommandContext,
} from '../common'

/** A state as Kith shows it, with the id to type when the words differ ("No reply (no_reply)"). */
export function stateLabel(state: string): string {
  if (!isIntroState(state)) return state
  const word = STATE_WORDS[state]
  return word.toLowerCase() === state ? word : `${word} (${state})`
}

const squash = (s: string): string => s.trim().toLowerCase().replace(/[\s_-]+/g, ' ')

/** A state typed in the user's words ("no reply", "Both said yes") or as its id ("no_reply"). */
export function stateFromWords(kind: IntroKind, typed: string): IntroState | undefined {
  const want = squash(typed)
  return statesOf(kind).find((s) => squash(s) === want || squash(STATE_WORDS[s]) === want)
}

function listWords(states: readonly string[]): string {
  const labels = states.map(stateLabel)
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1) ?? ''}`
}

function draftText(label: string, draft: DraftMessage, warn: boolean): string {
  const lines = [`${label}${draft.to.length > 0 ? ` (to ${draft.to.join(', ')})` : ''}:`, `    Subject: ${draft.subject}`, '', indent(draft.body)]
  if (draft.leftOut.length > 0) lines.splice(1, 0, `    Not in To, no email address: ${draft.leftOut.join(', ')}`)
  if (warn && draft.warnings.length > 0) lines.push('', ...draft.warnings.map((w) => `    ! ${w}`))
  return lines.join('\n')
}

/** The drafts Kith has written for an introduction, as text (nothing when there are none yet). */
function draftsText(detail: IntroductionDetail): string[] {
  const d = detail.drafts
  const out: string[] = []
  // An ask that ended keeps its drafts to read: nothing is left to fix in them.
  const warn = !askEnded(detail.kind, detail.state)
  const [first, second] = detail.people
  if (d.ask !== null) out.push(draftText(`Note to ${first?.name ?? 'the connector'}`, d.ask, warn))
  if (d.blurb !== null) {
    out.push([`Blurb for ${first?.name ?? 'the connector'} to forward:`, '', indent(d.blurb.text), ...(warn ? d.blurb.warnings.map((w) => `    ! ${w}`) : [])].join('\n'))
  }
  if (d.optIns !== null) {
    out.push(draftText(`Opt-in to ${first?.name ?? 'A'}`, d.optIns.a, warn), draftText(`Opt-in to ${second?.name ?? 'B'}`, d.optIns.b, warn))
  }
  if (d.email !== null) out.push(draftText('The introduction', d.email, warn))
  if (d.handoff !== null) out.push(draftText('The BCC handoff', d.handoff, warn))
  return out
}

function pathText(people: readonly PersonRef[]): string {
  return people.map((p) => p.name).join(' -> ')
}

/** Splits `--via A,B --via C` into names, in order. */
function viaRefs(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '')
}

/** Who the user is, or a clear refusal. */
async function me(ctx: CommandContext): Promise<PersonRef> {
  const found = await ctx.call('me.get', {})
  if (found === null) throw new KithError('conflict', 'Kith does not know who you are yet: set it with "kith me NAME".')
  return found
}

/** The links of a path no one has recorded, as pairs. */
async function missingLinks(ctx: CommandContext, path: readonly PersonRef[]): Promise<[PersonRef, PersonRef][]> {
  const missing: [PersonRef, PersonRef][] = []
  for (let k = 0; k + 1 < path.length; k++) {
    const [a, b] = [path[k], path[k + 1]]
    if (a === undefined || b === undefined) continue
    const page = await ctx.call('people.get', { id: a.id })
    if (!page.relationships.some((r) => r.other.id === b.id)) missing.push([a, b])
  }
  return missing
}

const quote = (s: string): string => (/^[\w.@+-]+$/.test(s) ? s : `"${s.replace(/(["\\$`])/g, '\\$1')}"`)

export const ask: Command = {
  name: 'ask',
  usage: `ask --via C1[,C2] --to TARGET [--why TEXT] [--offer TEXT]
                                 ask C1 (who asks C2) to introduce you to TARGET; drafts the note and blurb`,
  options: ['json', 'via', 'to', 'why', 'offer'],
  positionals: 0,
  fields: { path: '--via', to: '--to', 'details.why': '--why', 'details.offer': '--offer' },
  help: `Starts a request to be introduced along exactly that path: you ask C1, who asks C2 (if given),
who introduces you to TARGET. Each link must be a relationship Kith knows (record one with
"kith know A B --strength N"); up to three connectors. Names with a comma: use the id or email.
--why (why you want to meet TARGET) and --offer (what you can offer them) go into the drafts;
along a longer path (--via C1,C2), into the ask that reaches TARGET, drafted once C1 has
introduced you to C2 (the first note asks C1 for C2, on the way to TARGET).
The request starts as a draft: send the note, then "kith intros move ID asked".
With --json: { id, state, path: [{ id, name }], ask: { to, subject, body } | null, blurb | null }.`,
  async run(ctx) {
    const refs = viaRefs(texts(ctx.values, 'via') ?? [])
    const targetRef = text(ctx.values, 'to')
    if (refs.length === 0) throw new UsageError('--via is required: the connector(s) to ask, in order (--via C1 or --via C1,C2).')
    if (refs.length > 3) throw new UsageError('--via: at most three connectors (a path is at most four introductions long).')
    if (targetRef === undefined) throw new UsageError('--to is required: the person you want to meet.')
    const why = single(ctx.values, 'why')
    const offer = single(ctx.values, 'offer')

    const self = await me(ctx)
    const via: PersonRef[] = []
    for (const ref of refs) via.push(await ctx.person(ref, '--via'))
    const target = await ctx.person(targetRef, '--to')
    if (target.id === self.id) throw new KithError('bad_request', '--to: that is you; name the person you want to meet.')
    const path = [self, ...via, target]
    const seen = new Map<number, PersonRef>()
    for (const p of path) {
      if (seen.has(p.id)) {
        const who = p.id === self.id ? 'you' : p.name
        throw new KithError('bad_request', `--via: ${who} would appear twice in the path (${['you', ...path.slice(1).map((q) => q.name)].join(' -> ')}).`)
      }
      seen.set(p.id, p)
    }

    const found = await ctx.call('paths.find', { to: target.id, maxHops: 4, all: true })
    const ids = path.map((p) => p.id)
    const match = found.paths.find((p) => p.people.length === ids.length && p.people.every((q, i) => q.id === ids[i]))
    if (match === undefined) {
      const missing = await missingLinks(ctx, path)
      const [first] = missing
      if (first !== undefined) {
        const who = (p: PersonRef): string => (p.id === self.id ? 'you' : p.name)
        const shown = path.map(who).join(' -> ')
        const links = missing.map(([a, b]) => `${who(a)} and ${who(b)} are not known to know each other`).join('; ')
        throw new KithError(
          'conflict',
          `${shown} is not a path: ${links}. Record a relationship with: kith know ${quote(first[0].name)} ${quote(first[1].name)} --strength 1-5, ` +
            `or see who can introduce you: kith paths --to ${quote(target.name)} --max-hops 4.`,
        )
      }
    }

    const request = await ctx.call('introductions.request', { path: ids })
    // Along a longer path the first ask is for the next person, and its blurb goes to them: what was said of TARGET is
    // kept for the ask that reaches TARGET, drafted once the hops before it are made.
    const longer = path.length > 3
    const details = {
      ...(why === undefined ? {} : longer ? { goalWhy: why } : { why }),
      ...(offer === undefined ? {} : longer ? { goalOffer: offer } : { offer }),
    }
    const detail =
      Object.keys(details).length > 0
        ? await ctx.call('introductions.update', { id: request.id, details })
        : await ctx.call('introductions.get', { id: request.id })
    const draft = detail.drafts.ask
    const json = {
      id: detail.id,
      state: detail.state,
      path: detail.path.map((p) => ({ id: p.id, name: p.name })),
      ask: draft === null ? null : { to: draft.to, subject: draft.subject, body: draft.body },
      blurb: detail.drafts.blurb?.text ?? null,
    }
    const drafts = draftsText(detail)
    // What the page shows before asking: the checks that are not good, so a stop is seen before the note goes.
    const warnings = detail.checks.filter((c) => c.verdict !== 'good').map((c) => `  ${c.verdict === 'stop' ? 'STOP' : 'Caution'}: ${c.reason}`)
    const lines = [
      `Started request #${detail.id}: ${detail.title} (${stateWord(detail.state)}).`,
      `Path: ${pathText(detail.path)}${detail.score === null ? '' : `  score ${detail.score.toFixed(4)}`}`,
      ...(warnings.length > 0 ? ['Before you ask:', ...warnings] : []),
      ...(drafts.length > 0 ? ['', ...drafts] : ['', 'No drafts yet: see "kith intros show ' + String(detail.id) + '".']),
      '',
      `Once you have sent it: kith intros move ${detail.id} asked`,
    ]
    emit(ctx, json, lines.join('\n'))
    return EXIT_OK
  },
}

export const introduce: Command = {
  name: 'introduce',
  usage: `introduce A B [--context TEXT] [--confirm]   introduce two people: starts by asking each (double opt-in)`,
  options: ['json', 'context', 'confirm'],
  positionals: 2,
  fields: { a: 'A', b: 'B', context: '--context' },
  help: `Starts introducing A and B to each other, beginning with double opt-in: Kith drafts a note
asking each of them first. Record their answers and move it on with "kith intros move ID …".
--context: why they should meet, in a line.
Kith stops to ask first when you do not know one of them in Kith, or introduced them (or one
said no) before: --confirm starts it anyway. Two who already know each other are not introduced.
With --json: the introduction ({ id, state, people }) and both opt-in drafts as optIns: { a, b } (null until drafted).`,
  async run(ctx) {
    const [aRef = '', bRef = ''] = ctx.positionals
    const a = await ctx.person(aRef, 'A')
    const b = await ctx.person(bRef, 'B')
    if (a.id === b.id) throw new KithError('bad_request', `B: choose someone other than ${a.name}.`)
    let detail: IntroductionDetail
    try {
      detail = await ctx.call('introductions.connect', { a: a.id, b: b.id, context: single(ctx.values, 'context') ?? '', confirmed: ctx.values.confirm === true })
    } catch (err) {
      if (err instanceof KithError && err.code === 'conflict' && err.message.startsWith('Confirm before starting')) {
        throw new KithError('conflict', `${err.message} Add --confirm to start it anyway.`)
      }
      throw err
    }
    const json = { id: detail.id, state: detail.state, people: detail.people, optIns: detail.drafts.optIns }
    const drafts = draftsText(detail)
    const lines = [
      `Started #${detail.id}: ${detail.title} (${stateWord(detail.state)}).`,
      ...(drafts.length > 0 ? ['Ask each of them first:', '', ...drafts] : [`Ask each of them first; see "kith intros show ${detail.id}".`]),
      '',
      `Once you have asked both: kith intros move ${detail.id} asking; then kith intros answer ${detail.id} PERSON yes|no`,
    ]
    emit(ctx, json, lines.join('\n'))
    return EXIT_OK
  },
}

export const introsList: Command = {
  name: 'intros list',
  usage: `intros list [--state S]          introductions: asks and the ones you make`,
  options: ['json', 'state'],
  positionals: 0,
  fields: { state: '--state' },
  async run(ctx) {
    const list = await ctx.call('introductions.list', { state: text(ctx.values, 'state') ?? null })
    const lines = list.map(
      (i) => `#${String(i.id).padEnd(5)} ${i.state.padEnd(11)} ${i.title}${i.overdueTasks > 0 ? `  (${i.overdueTasks} overdue)` : ''}`,
    )
    emit(ctx, list, list.length === 0 ? 'No introductions.' : lines.join('\n'))
    return EXIT_OK
  },
}

/** A request that ended without an introduction: the other ways to whom it was for, with the command that asks each. */
function otherWaysLines(d: IntroductionDetail): string[] {
  const other = d.otherWays
  if (other === null) return []
  const words = otherWaysWords(d, other)
  const lines = [words.ended, ...(words.courtesy === '' ? [] : [words.courtesy]), words.left].join(' ')
  // Ids, not names: a name may be shared, be all digits, or hold a comma or an "@".
  if (other.archived) return [lines]
  if (other.ways.length === 0 && !other.known) return [`${lines} To look further: kith paths --to ${other.to.id} --max-hops 4`]
  return [
    lines,
    ...other.ways.flatMap((w) => {
      const weigh = w.beforeYouAsk.filter((c) => c.verdict !== 'good').map((c) => `    ${c.verdict.padEnd(7)} ${c.question} ${c.reason}`)
      const via = w.people.slice(1, -1).map((p) => p.id).join(',')
      const started = w.underWay === null ? `kith ask --via ${via} --to ${other.to.id}` : `${stateWord(w.underWay.state).toLowerCase()}: kith intros show ${w.underWay.id}`
      return [`  ${w.people.slice(1).map((p) => p.name).join(' -> ')}  score ${w.score.toFixed(3)}  (${started})`, ...weigh]
    }),
    ...(other.more ? [`  All of them: kith paths --to ${other.to.id}`] : []),
  ]
}

function describeIntro(d: IntroductionDetail): string {
  const lines = [`#${d.id} ${d.title}`, `State: ${stateWord(d.state)}${d.meetingOn === null ? '' : `  (meeting ${d.meetingOn})`}`]
  if (d.kind === 'ask') lines.push(`Path: ${pathText(d.path)}${d.score === null ? '' : `  score ${d.score.toFixed(4)}`}`)
  for (const p of d.people) {
    const role = [p.title, p.company].filter((x) => x !== null).join(' at ')
    lines.push(`  ${p.name}${p.email === null ? '' : ` <${p.email}>`}${role === '' ? '' : `, ${role}`}`)
  }
  if (d.kind === 'connect') {
    const said = (x: 'yes' | 'no' | null): string => x ?? 'not yet'
    lines.push(`Opt-ins: ${d.people[0]?.name ?? 'A'} ${said(d.answers.a)}, ${d.people[1]?.name ?? 'B'} ${said(d.answers.b)}`)
  }
  const goal = d.kind === 'ask' && d.path.length > 3 ? d.path[d.path.length - 1]?.name : undefined
  const fields = [
    ['why', 'Why'],
    ['offer', 'Offer'],
    ['context', 'Context'],
    ['goalWhy', `Why ${goal ?? 'the last person'} (for the ask that reaches them)`],
    ['goalOffer', `Offer to ${goal ?? 'the last person'} (for the ask that reaches them)`],
  ] as const
  for (const [key, label] of fields) {
    const v = d.details[key]
    if (typeof v === 'string' && v.trim() !== '') lines.push(`${label}: ${v}`)
  }
  lines.push('History:', ...d.history.map((h) => `  ${h.on}  ${stateWord(h.state)}`))
  if (d.tasks.length > 0) lines.push('Tasks:', ...d.tasks.map((t) => `  #${String(t.id).padEnd(5)} ${t.dueOn}  ${t.status.padEnd(8)} ${t.title}`))
  if (d.checks.length > 0) lines.push('Before you ask:', ...d.checks.map((c) => `  ${c.verdict.padEnd(7)} ${c.question} ${c.reason}`))
  lines.push(d.nextStates.length === 0 ? 'Nothing follows.' : `Can move to: ${d.nextStates.map(stateLabel).join(', ')}`)
  lines.push(...otherWaysLines(d))
  const drafts = draftsText(d)
  if (drafts.length > 0) lines.push('', ...drafts)
  return lines.join('\n')
}

export const introsShow: Command = {
  name: 'intros show',
  usage: `intros show ID                   one introduction: drafts, history, tasks, the states it can move to`,
  options: ['json'],
  positionals: 1,
  fields: { id: 'ID' },
  help: 'Shows one introduction: its people, state and history, its tasks, the states it can move to, and the\nmessages Kith drafts for it. With --json: the whole introduction.',
  async run(ctx) {
    const id = idArgument(ctx.positionals[0], 'ID', 'an introduction (see kith intros list)')
    const detail = await ctx.call('introductions.get', { id })
    emit(ctx, detail, describeIntro(detail))
    return EXIT_OK
  },
}

export const introsMove: Command = {
  name: 'intros move',
  usage: `intros move ID STATE [--date YYYY-MM-DD] [--confirm]
                                 move it on (STATE: asked, agreed, "no reply", introduced, …)`,
  options: ['json', 'date', 'confirm'],
  positionals: 2,
  fields: { id: 'ID', to: 'STATE', date: '--date' },
  help: `Moves an introduction to another state, dated today unless --date says when it happened.
STATE in Kith's words or as its id:
  a request:         ${statesOf('ask').map(stateLabel).join(', ')}
  introducing two:   ${statesOf('connect').map(stateLabel).join(', ')}
Words with spaces need quotes ("no reply"). "kith intros show ID" lists the states it can move to.
Sending an introduction before both people said yes needs --confirm, and so does asking when
Before you ask says stop (unless its checks were marked as weighed).
Moves add follow-up tasks (thank the connector, reply, close the loop, give back) and log the favor.`,
  async run(ctx) {
    const [idText, typed = ''] = ctx.positionals
    const id = idArgument(idText, 'ID', 'an introduction (see kith intros list)')
    const current = await ctx.call('introductions.get', { id })
    const kind = current.kind
    const to = stateFromWords(kind, typed)
    const what = kind === 'ask' ? 'a request' : 'an introduction between two people'
    const possible = current.nextStates.length === 0 ? `#${id} is ${stateWord(current.state)}: no move follows (kith intros undo ${id} takes the last one back).` : `From ${stateWord(current.state)}, #${id} can become ${listWords(current.nextStates)}.`
    if (to === undefined) {
      throw new UsageError(`STATE: "${typed}" is not a state of ${what} (${statesOf(kind).map(stateLabel).join(', ')}). ${possible}`)
    }
    if (current.kind === 'connect' && (to === 'ready' || to === 'declined')) {
      throw new KithError('conflict', `"${stateWord(to)}" follows the answers: record each one with kith intros answer ${id} PERSON yes|no, and #${id} moves on by itself.`)
    }
    if (!current.nextStates.includes(to)) {
      throw new KithError('conflict', `#${id} is ${stateWord(current.state)} and cannot become ${stateWord(to)}. ${possible}`)
    }
    const date = text(ctx.values, 'date')
    let moved: IntroductionDetail
    try {
      moved = await ctx.call('introductions.move', { id, to, confirmed: ctx.values.confirm === true, ...(date === undefined ? {} : { date }) })
    } catch (err) {
      if (err instanceof KithError && err.code === 'conflict' && err.message.startsWith('Confirm before sending')) {
        throw new KithError('conflict', `${err.message} Add --confirm to send it anyway.`)
      }
      if (err instanceof KithError && err.code === 'conflict' && err.message.startsWith('Confirm before asking')) {
        throw new KithError('conflict', `${err.message} Add --confirm to ask anyway.`)
      }
      throw err
    }
    const open = moved.tasks.filter((t) => t.doneAt === null)
    const lines = [
      `#${id} is now ${stateWord(moved.state)} (${moved.history.at(-1)?.on ?? date ?? ''}).`,
      ...(open.length > 0 ? ['Open tasks:', ...open.map((t) => `  #${String(t.id).padEnd(5)} ${t.dueOn}  ${t.title}`)] : []),
      moved.nextStates.length === 0 ? 'Nothing follows.' : `Next: ${moved.nextStates.map(stateLabel).join(', ')}`,
      ...otherWaysLines(moved),
    ]
    emit(ctx, moved, lines.join('\n'))
    return EXIT_OK
  },
}

export const introsAnswer: Command = {
  name: 'intros answer',
  usage: `intros answer ID PERSON yes|no|none
                                 record one side's answer to a double opt-in`,
  options: ['json'],
  positionals: 3,
  fields: { id: 'ID', side: 'PERSON', answer: 'ANSWER' },
  help: `Records one side's answer to the double opt-in of an introduction between two people.
PERSON is one of the two (by name, email or id), or A or B; ANSWER is yes, no, or none (not
answered yet: takes an answer back). Someone who does not answer at all is chased once (the
follow-up Kith sets); if they stay silent, move it to abandoned.
Both yes: it is ready to send. Either no: it is declined.`,
  async run(ctx) {
    const [idText, who = '', said = ''] = ctx.positionals
    const id = idArgument(idText, 'ID', 'an introduction (see kith intros list)')
    const answer = said.toLowerCase()
    if (answer !== 'yes' && answer !== 'no' && answer !== 'none') throw new UsageError(`ANSWER: use yes, no or none, not "${said}".`)
    const current = await ctx.call('introductions.get', { id })
    if (current.kind !== 'connect') throw new KithError('bad_request', `#${id} is a request, not an introduction between two people: it has no opt-ins.`)
    const [a, b] = current.people
    let side: 'a' | 'b'
    if (/^[ab]$/i.test(who)) side = who.toLowerCase() === 'a' ? 'a' : 'b'
    else {
      const person = await ctx.person(who, 'PERSON')
      if (person.id === a?.id) side = 'a'
      else if (person.id === b?.id) side = 'b'
      else throw new KithError('bad_request', `PERSON: ${person.name} is not part of #${id} (${a?.name ?? 'A'} and ${b?.name ?? 'B'}).`)
    }
    const detail = await ctx.call('introductions.answer', { id, side, answer: answer === 'none' ? null : answer })
    const name = (side === 'a' ? a : b)?.name ?? side.toUpperCase()
    emit(ctx, detail, `${name}: ${answer === 'none' ? 'not answered yet' : answer}. #${id} is ${stateWord(detail.state)}.`)
    return EXIT_OK
  },
}

export const introsUndo: Command = {
  name: 'intros undo',
  usage: `intros undo ID                   take its last move back`,
  options: ['json'],
  positionals: 1,
  fields: { id: 'ID' },
  help: "Takes back an introduction's last move, and what that move added: its tasks, the favor it logged, relationships it recorded.",
  async run(ctx) {
    const id = idArgument(ctx.positionals[0], 'ID', 'an introduction (see kith intros list)')
    const detail = await ctx.call('introductions.undoMove', { id })
    emit(ctx, detail, `Took back the last move of #${id}: it is ${stateWord(detail.state)} again.`)
    return EXIT_OK
  },
}
