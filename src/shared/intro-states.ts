/**
 * The states of an introduction and the moves between them
 * (docs/introductions.md). Anything not listed here is refused.
 */

export const ASK_STATES = ['draft', 'asked', 'agreed', 'declined', 'no_reply', 'introduced', 'scheduled', 'closed', 'abandoned'] as const
export const CONNECT_STATES = ['draft', 'asking', 'declined', 'ready', 'introduced', 'scheduled', 'abandoned'] as const
export const INTRO_KINDS = ['ask', 'connect'] as const

export type AskState = (typeof ASK_STATES)[number]
export type ConnectState = (typeof CONNECT_STATES)[number]
export type IntroState = AskState | ConnectState
export type IntroKind = (typeof INTRO_KINDS)[number]

/** An ask started and not yet answered or ended: asking the same connector for the same person again would repeat it. */
export const LIVE_ASK_STATES = ['draft', 'asked', 'no_reply', 'agreed'] as const satisfies readonly AskState[]
export type LiveAskState = (typeof LIVE_ASK_STATES)[number]
export const isLiveAskState = (state: string): state is LiveAskState => (LIVE_ASK_STATES as readonly string[]).includes(state)

export const isIntroKind = (value: unknown): value is IntroKind => (INTRO_KINDS as readonly unknown[]).includes(value)
export const isIntroState = (value: unknown): value is IntroState =>
  (ASK_STATES as readonly unknown[]).includes(value) || (CONNECT_STATES as readonly unknown[]).includes(value)

/**
 * Whether an ask's before-you-ask answers still apply: until the
 * introduction is made or the ask ends. After that they would describe
 * what the ask itself changed (the target now known, the favor now owed),
 * not the decision to ask, so they are not shown.
 */
export function checksApply(kind: IntroKind, state: string): boolean {
  return kind === 'ask' && (state === 'draft' || state === 'asked' || state === 'agreed' || state === 'no_reply')
}

/** An ask that ended (declined, or given up): its drafts are kept to read, with nothing left to fix in them. */
export const askEnded = (kind: string, state: string): boolean => kind === 'ask' && (state === 'declined' || state === 'abandoned')

/**
 * Whether an ask ended without the introduction it was for: declined, or
 * given up before anyone was introduced. An ask abandoned after the
 * introduction was made (the meeting never happened) did reach the person.
 */
export function endedWithoutIntroduction(kind: string, state: string, history: readonly { state: string }[]): boolean {
  return askEnded(kind, state) && !history.some((h) => h.state === 'introduced')
}

const ASK_MOVES: Record<AskState, readonly AskState[]> = {
  draft: ['asked', 'abandoned'],
  asked: ['agreed', 'declined', 'no_reply', 'abandoned'],
  no_reply: ['asked', 'agreed', 'declined', 'abandoned'],
  agreed: ['introduced', 'abandoned'],
  declined: [],
  introduced: ['scheduled', 'closed', 'abandoned'],
  scheduled: ['closed'],
  closed: [],
  abandoned: [],
}

/**
 * Connecting two people: both should say yes before the introduction goes
 * out. Sending earlier is a move Kith allows only after the user confirms
 * its warning (see the introductions service). "Both said yes" and
 * "declined" are not moves the user makes: they follow the two answers
 * (`introductions.answer`), so they are reached only that way.
 */
const CONNECT_MOVES: Record<ConnectState, readonly ConnectState[]> = {
  draft: ['asking', 'introduced', 'abandoned'],
  asking: ['introduced', 'abandoned'],
  ready: ['introduced', 'abandoned'],
  declined: [],
  introduced: ['scheduled', 'abandoned'],
  scheduled: [],
  abandoned: [],
}

export const STATE_WORDS: Record<IntroState, string> = {
  draft: 'Draft',
  asked: 'Asked',
  asking: 'Asking both sides',
  agreed: 'Agreed',
  declined: 'Declined',
  no_reply: 'No reply',
  ready: 'Both said yes',
  introduced: 'Introduced',
  scheduled: 'Meeting scheduled',
  closed: 'Loop closed',
  abandoned: 'Abandoned',
}

/** An introduction's state in words ('Asked', 'Introduced'…); unknown text is shown as it is. */
export function stateWord(state: string): string {
  return isIntroState(state) ? STATE_WORDS[state] : state
}

export function statesOf(kind: IntroKind): readonly IntroState[] {
  return kind === 'ask' ? ASK_STATES : CONNECT_STATES
}

/** The states an introduction can move to; none from a state Kith does not know. */
export function nextStates(kind: IntroKind, from: string): readonly IntroState[] {
  return kind === 'ask' ? movesFrom(ASK_MOVES, from) : movesFrom(CONNECT_MOVES, from)
}

/** The moves listed for `from` (own keys only, so "toString" has none). */
function movesFrom<S extends string>(moves: Record<S, readonly S[]>, from: string): readonly S[] {
  for (const [state, next] of Object.entries<readonly S[]>(moves)) if (state === from) return next
  return []
}

export function canMove(kind: IntroKind, from: string, to: IntroState): boolean {
  return nextStates(kind, from).includes(to)
}

/** States with nothing left to do. */
export function isFinished(kind: IntroKind, state: IntroState): boolean {
  return nextStates(kind, state).length === 0 || (kind === 'connect' && state === 'scheduled')
}
