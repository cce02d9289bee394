/**
 * What an empty list of introductions to make says, on This week and from `kith suggest`:
 * with nothing recorded to match on, how to get suggestions; with something, why there are none.
 */
export function noneThisWeek(fromSomething: boolean): string {
  return fromSomething
    ? 'None this week: no two people you know, not yet introduced, would each gain something. Pairs introduced before, declined, dismissed or suggested in recent weeks are not proposed again.'
    : 'None this week. Kith pairs people you know (2/5 or more) who would each gain something: record what they are looking for and can help with, or mark interests and roles in Settings.'
}
