/**
 * The A-number (Alien Registration Number) printed on the Notice to Appear and most ICE papers:
 * "A" and 8 or 9 digits, written with or without dashes and spaces.
 */
import { NOT_PARSED, type ParseResult, parsed } from './normalize';
import { reading, type Said } from './reading';

// DOMAIN.md: never ask for (or keep) a Social Security number. A 9-digit answer that says it is
// one, or has its 3-2-4 shape, is refused rather than stored as an A-number.
const SSN_WORDS = /\b(?:ssn|social security|seguro social|numero social)\b/;
const SSN_SHAPE = /^\d{3}[\s.-]\d{2}[\s.-]\d{4}$/;

/** Digit groups as A-numbers are printed: one block, or thousands-style ("A-123-456-789"). */
function groupedLikeANumber(groups: string[]): boolean {
  if (groups.length === 1) return true;
  const [first = '', ...rest] = groups;
  return first.length >= 1 && first.length <= 3 && rest.every((group) => group.length === 3);
}

/**
 * Reads an A-number as 'A' + 9 digits. Older 8-digit numbers get the leading zero USCIS adds
 * ("A12345678" → "A012345678"). The message must hold exactly one run of digits, so a date, a
 * phone number or two numbers at once are asked again rather than guessed.
 *
 * @example parseANumber('mi número A es A-123-456-789') // => { ok: true, value: 'A123456789' }
 */
export function parseANumber(said: Said): ParseResult<string> {
  const folded = reading(said).folded;
  if (SSN_WORDS.test(folded)) return NOT_PARSED;
  const runs = [...folded.matchAll(/\d(?:[\s.-]*\d)*/g)];
  const run = runs.length === 1 ? runs[0] : undefined;
  if (!run) return NOT_PARSED;

  const before = folded.slice(0, run.index);
  const after = folded.slice(run.index + run[0].length);
  // "A123456789" is fine; "B123456789" or "123456789x" is some other identifier.
  if (/[a-z]$/.test(before) && !/(?:^|[^a-z])a$/.test(before)) return NOT_PARSED;
  if (/^[a-z]/.test(after)) return NOT_PARSED;
  if (SSN_SHAPE.test(run[0])) return NOT_PARSED;

  const groups = run[0].split(/[\s.-]+/);
  const digits = groups.join('');
  if (!groupedLikeANumber(groups) || /^0+$/.test(digits)) return NOT_PARSED;
  if (digits.length === 9) return parsed(`A${digits}`);
  if (digits.length === 8) return parsed(`A0${digits}`);
  return NOT_PARSED;
}
