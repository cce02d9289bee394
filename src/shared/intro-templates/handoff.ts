import { missingEmail, textProblems } from './checks'
import { firstName, lines, signature, type Message, type Signer } from './wording'

type Addressee = { name: string; email: string | null }

/** The reply-all that moves me to BCC and leaves the two to it. */
export function composeHandoff(signer: Signer, a: Addressee, b: Addressee, subject: string): Message {
  return {
    to: [a.email, b.email].filter((e): e is string => e !== null && e !== ''),
    cc: [],
    subject: subject.startsWith('Re: ') ? subject : `Re: ${subject}`,
    body: lines([
      '(Moving myself to BCC.)',
      '',
      `Great to see you connected, ${firstName(a.name)} and ${firstName(b.name)}. I will step out of the thread and leave you to it.`,
      '',
      signature(signer, 'Best,'),
    ]),
  }
}

/** What the handoff lacks: addresses; and the usual text checks. */
export function checkHandoff(body: string, a: Addressee, b: Addressee): string[] {
  return [
    ...[a, b].filter((p) => p.email === null || p.email === '').map((p) => missingEmail(p.name, [a.name, b.name])),
    ...textProblems(body),
  ]
}
