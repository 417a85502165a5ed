/**
 * Answer parsers: what a client types, in English or Spanish, turned into the normalised fact
 * values of `../facts.ts`. Pure and deterministic: "today" is always passed in.
 */
export { parseANumber } from './anumber.js';
export {
  type ChoiceOption,
  type MultiChoiceOptions,
  parseChoice,
  parseMultiChoice,
} from './choice.js';
export { parseCountry } from './country.js';
export { type DateDirection, type DateOptions, parseDate } from './date.js';
export { parseEmail } from './email.js';
export { type Location, parseLocation } from './location.js';
export {
  hasQuestionMark,
  isSkip,
  NOT_PARSED,
  normalize,
  normalizeKey,
  type ParseResult,
  parsed,
} from './normalize.js';
export { parsePhone } from './phone.js';
export { parseName, parseText, type TextOptions } from './text.js';
export { parseYesNo, type YesNoAnswer, type YesNoOptions } from './yesno.js';
export { stateOfZip } from './zip.js';
