/**
 * Free-text answers (facility, court city, adverse parties) and names. They are kept as typed,
 * with their capitals and accents: only the surrounding whitespace and lead-in words go.
 */
import { hasQuestionMark, NOT_PARSED, type ParseResult, parsed } from './normalize';

/** Length limits for a free-text answer, counted in characters as people see them. */
export interface TextOptions {
  min?: number;
  /** Default 200: enough for a facility or a few names, short enough for an SMS summary. */
  max?: number;
}

function length(text: string): number {
  // Code points, so an accented letter or an emoji counts once.
  return [...text].length;
}

/**
 * Reads a free-text answer: trimmed, between `min` (default 1) and `max` (default 200)
 * characters, with at least one letter or digit ("..." or "?" is not an answer).
 *
 * @example parseText('  Otay Mesa Detention Center ') // => { ok: true, value: 'Otay Mesa Detention Center' }
 */
export function parseText(text: string, opts: TextOptions = {}): ParseResult<string> {
  const { min = 1, max = 200 } = opts;
  const trimmed = text.trim();
  const size = length(trimmed);
  if (size < Math.max(min, 1) || size > max || !/[\p{L}\p{N}]/u.test(trimmed)) return NOT_PARSED;
  return parsed(trimmed);
}

// Lead-ins before a name, in English and Spanish, about oneself or about the detained person.
// Accents are optional because they are often not typed.
const NAME_LEAD_INS = [
  /^my name is(?:\s+|$)/iu,
  /^my name's(?:\s+|$)/iu,
  /^(?:his|her|their) name is(?:\s+|$)/iu,
  /^the name is(?:\s+|$)/iu,
  /^name is(?:\s+|$)/iu,
  /^name\s*:\s*/iu,
  /^i am(?:\s+|$)/iu,
  /^i['’]?m(?:\s+|$)/iu,
  /^this is(?:\s+|$)/iu,
  /^it['’]?s(?:\s+|$)/iu,
  /^me llamo(?:\s+|$)/iu,
  /^mi nombre es(?:\s+|$)/iu,
  /^su nombre es(?:\s+|$)/iu,
  /^el nombre es(?:\s+|$)/iu,
  /^nombre\s*:\s*/iu,
  /^se llama(?:\s+|$)/iu,
  /^soy(?:\s+|$)/iu,
  /^yo soy(?:\s+|$)/iu,
  /^hola,?(?:\s+|$)/iu,
  /^hi,?(?:\s+|$)/iu,
  /^hello,?(?:\s+|$)/iu,
];

function trimPunctuation(text: string): string {
  return text.replace(/^[\s¡!¿?.,;:"'“”]+|[\s¡!¿?.,;:"'“”]+$/gu, '');
}

/**
 * Reads a name: drops lead-ins like "my name is", "me llamo", "mi nombre es" or "soy", trims
 * the punctuation around it and keeps the rest as typed. It must hold a letter, and a message
 * that looks like another answer (a question, an email, a phone number) is asked again.
 *
 * @example parseName('Me llamo María López.') // => { ok: true, value: 'María López' }
 */
export function parseName(text: string): ParseResult<string> {
  // Punctuation is trimmed before and after the lead-ins go: "My name is." is no name.
  let name = trimPunctuation(text);
  for (let previous = ''; previous !== name; ) {
    previous = name;
    for (const lead of NAME_LEAD_INS) name = name.replace(lead, '');
  }
  name = trimPunctuation(name).replace(/\s+/g, ' ');
  if (hasQuestionMark(text) || name.includes('@') || /\d{3}/.test(name)) return NOT_PARSED;
  if (!/\p{L}/u.test(name) || length(name) > 100) return NOT_PARSED;
  return parsed(name);
}
