/**
 * Answer parsers: what a client types, in English or Spanish, turned into the normalised fact
 * values of `../facts.ts`. Pure and deterministic: "today" is always passed in.
 */
export { parseAge } from './age';
export { parseANumber } from './anumber';
export {
  type ChoiceOption,
  type MultiChoiceOptions,
  parseChoice,
  parseMultiChoice,
} from './choice';
export { parseCountry } from './country';
export { type DateDirection, type DateOptions, parseDate } from './date';
export { parseEmail } from './email';
export { type Location, parseLocation } from './location';
export {
  foldWords,
  hasQuestionMark,
  isSkip,
  NOT_PARSED,
  normalize,
  normalizeKey,
  type ParseResult,
  parsed,
} from './normalize';
export { parsePhone } from './phone';
export { parseName, parseText, type TextOptions } from './text';
export { parseYesNo, type YesNoAnswer, type YesNoOptions } from './yesno';
export { stateOfZip } from './zip';
