/**
 * The messages Kith drafts for asking and introducing, and the checks it runs
 * on them. Every text is a starting point the user edits.
 *
 * The user's own words (why this person, what they offer, what each side
 * gains) go in as whole sentences of their own, never poured into a sentence
 * frame around them: a frame only reads well for the words it was written for.
 */
export {
  asSentence,
  clause,
  doubledPunctuation,
  firstName,
  roleWords,
  sentences,
  signature,
  tidy,
  words,
  type Message,
  type Signer,
} from './intro-templates/wording'
export { missingEmail, textProblems } from './intro-templates/checks'
export { askSubject, checkAsk, composeAsk, type AskCheckFields, type AskFields } from './intro-templates/ask'
export {
  assembleBlurb,
  BLURB_PARTS,
  blurbFallbacks,
  checkBlurb,
  composeBlurb,
  composeBlurbSentences,
  DEFAULT_BLURB_ASK,
  type BlurbCheck,
  type BlurbFields,
  type BlurbPart,
  type BlurbSentences,
} from './intro-templates/blurb'
export {
  checkIntroEmail,
  checkOptIn,
  composeIntroEmail,
  composeOptIn,
  INTRO_WORD_LIMIT,
  introEssentials,
  introSubject,
  type IntroEmail,
  type IntroEmailFields,
  type IntroSide,
  type OptInFields,
} from './intro-templates/introduction'
export { checkHandoff, composeHandoff } from './intro-templates/handoff'
export { mailtoUrl } from './intro-templates/mailto'
