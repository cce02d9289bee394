/**
 * What a request that ended without an introduction says about the other
 * ways to whom it was for, in the same words on the page and in the CLI.
 */
import type { IntroductionDetail, OtherWays } from './types'

type Ended = Pick<IntroductionDetail, 'state' | 'connector' | 'history'>

export interface OtherWaysWords {
  /** why the request ended: "Priya Rao said no." */
  ended: string
  /** where that leaves the user: archived since, known now, no way within three steps, or how many ways are listed */
  left: string
  /** what is owed the connector first ('' for nothing) */
  courtesy: string
}

export function otherWaysWords(intro: Ended, other: OtherWays): OtherWaysWords {
  // As the ways name people: "Alex Lee (Acme) said no" beside a way through Alex Lee (Beta).
  const connector = intro.connector === null ? undefined : (other.connector ?? intro.connector.name)
  const to = other.to.name
  const n = other.ways.length
  const left = other.archived
    ? `You archived ${to} since, so Kith looks for no other way to them.`
    : other.known
    ? `You know ${to} yourself now: you could write to them directly.`
    : n === 0
      ? `Kith knows no other way to ${to} within three steps.`
      : other.more
        ? `The best ${n} of the other ways to ${to}, best first:`
        : n === 1
          ? `One other way to ${to} is left:`
          : `${n} other ways to ${to} are left, best first:`
  // Someone left to ask (a way not already under way, listed or not) is what "before you ask someone else" speaks of.
  const toStart = !other.known && !other.archived && (other.more || other.ways.some((w) => w.underWay === null))
  // A connector no longer in Kith is not named, nor owed a word here: the user knows best whether one is due.
  const courtesy =
    connector === undefined
      ? ''
      : intro.state === 'declined'
        ? `Thank ${connector} for considering it${toStart ? ' before you ask someone else' : ''}.`
        : // Given up after asking: the connector may still act on it.
          intro.history.some((h) => h.state === 'asked')
          ? `Let ${connector} know you no longer need it, so no one introduces you twice.`
          : ''
  const ended = intro.state === 'declined' ? (connector === undefined ? 'The connector, no longer in Kith, said no.' : `${connector} said no.`) : 'You gave this request up.'
  return { ended, left, courtesy }
}
