/**
 * The network for the map, packed so that even 50,000 people and a few
 * hundred thousand ties stay a few megabytes: people in parallel arrays
 * (index i of each is one person), ties as flat triples of indices.
 */
export interface NetworkMap {
  /** person ids; every per-person array below is parallel to it */
  ids: number[]
  names: string[]
  /** index into `organisations` of the person's current organisation, or -1 */
  organisation: number[]
  /** per person, indices into `tags` */
  personTags: number[][]
  /** strength of my tie with each person, 0 when we have none */
  mine: number[]
  /** my index in `ids`, or -1 when "me" is not set */
  me: number
  /** [a, b, strength, a, b, strength, ...] by index into `ids`, my ties first, then strongest first */
  edges: number[]
  /** ties between the people shown that passed the filters, before `maxEdges` cut the list */
  edgesMatched: number
  /**
   * organisations for the filter: first those `organisation` refers to, in its order, then every other one
   * someone with the chosen tag is at; `people` counts those with the chosen tag (all when none is chosen)
   */
  organisations: { id: number; name: string; people: number }[]
  /** every tag in use, in the order `personTags` counts them; `people` counts those at the chosen organisation (all when none is chosen), 0 for a tag nobody there has */
  tags: { name: string; people: number }[]
  /** people in Kith (archived ones left out), before any filter */
  peopleTotal: number
  /** people who passed the filters, before `maxPeople` kept the closest and best connected of them */
  peopleMatched: number
}
