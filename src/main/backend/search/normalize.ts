/** Lower case, no accents, letters and digits only: what search compares. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** The trigrams of each word, padded so that word starts and ends count. */
export function trigrams(text: string): Set<string> {
  const grams = new Set<string>()
  for (const word of foldText(text).split(' ')) {
    if (word === '') continue
    const padded = ` ${word} `
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3))
  }
  return grams
}
