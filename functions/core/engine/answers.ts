/**
 * Reads a client's message as the answer to one step, by the step's answer type. The parsers
 * do the reading; this file only picks the parser and the options it needs.
 */
import type { Content } from '../content';
import { LANGUAGES, type Language, type Step } from '../flow';
import {
  foldWords,
  normalize,
  type ParseResult,
  parseAge,
  parseANumber,
  parseChoice,
  parseCountry,
  parseDate,
  parseEmail,
  parseLocation,
  parseMultiChoice,
  parseName,
  parsePhone,
  parseText,
  parseYesNo,
} from '../parse';
import { type Reading, read, reading, type Said } from '../parse/reading';
import { chooseByMeaning } from '../understand/choose';
import { optionLabel, optionValues } from './render';

const NO: ParseResult<never> = { ok: false };

/**
 * Choice options with their labels in every language and the step's aliases, so a client may
 * answer with either language's label or the words they would use.
 */
function options(content: Content, step: Step) {
  return optionValues(step).map((value) => ({
    value,
    labels: [
      ...LANGUAGES.map((lang) => optionLabel(content, lang, step, value)),
      ...LANGUAGES.flatMap((lang) => step.examples?.[value]?.[lang] ?? []),
    ],
  }));
}

/**
 * When labels of several options appear in the answer, the longest one decides: "para mi
 * esposo" holds "para mi" (about me) and "mi esposo" (someone else); the longer is meant.
 * A question is never read this way.
 */
function longestContained(content: Content, step: Step, text: Reading): ParseResult<string> {
  if (text.question) return NO;
  const fold = foldWords;
  const words = ` ${text.words} `;
  let best: { value: string; length: number; tie: boolean } | undefined;
  for (const option of options(content, step)) {
    for (const label of option.labels) {
      const folded = fold(label);
      if (!folded || !words.includes(` ${folded} `)) continue;
      if (!best || folded.length > best.length) {
        best = { value: option.value, length: folded.length, tie: false };
      } else if (folded.length === best.length && best.value !== option.value) best.tie = true;
    }
  }
  return best && !best.tie ? { ok: true, value: best.value } : NO;
}

/**
 * Whether an answer that picked no option holds one of the step's `unclear` words ("sin papeles"
 * at the manner of entry): then the step's clarifying question is asked, not "I did not
 * understand".
 *
 * @example mentionsUnclear(entryMannerStep, 'estoy sin papeles') // true
 */
export function mentionsUnclear(step: Step, text: Reading): boolean {
  return withoutUnclear(step, text) !== undefined;
}

const fold = foldWords;

/**
 * The answer with the step's `unclear` words taken out, or undefined when it holds none: "sin
 * visa" must not read as the option "visa", while "crucé sin papeles" still reads as a crossing.
 */
function withoutUnclear(step: Step, text: Reading): string | undefined {
  let words = ` ${text.words} `;
  let found = false;
  for (const phrase of step.unclear ?? []) {
    const folded = ` ${fold(phrase)} `;
    if (folded.trim() === '' || !words.includes(folded)) continue;
    found = true;
    words = words.split(folded).join(' ');
  }
  return found ? words.trim() : undefined;
}

/** An answer that is exactly one option's label or alias, after case and accent folding. */
function exactOption(content: Content, step: Step, text: Reading): ParseResult<string> {
  const folded = text.folded;
  const hit = options(content, step).find((o) => o.labels.some((l) => normalize(l) === folded));
  return hit ? { ok: true, value: hit.value } : NO;
}

/**
 * True when the answer is a button: its number, or exactly an option's value or label in either
 * language. A button says which option and nothing more: it is not read as a story.
 *
 * @example pressedOption(content, matterStep, read('2')) // true
 */
export function pressedOption(content: Content, step: Step, text: Reading): boolean {
  if (/^\s*#?\d{1,2}\s*$/.test(text.raw)) return true;
  return optionValues(step).some(
    (value) =>
      normalize(value) === text.folded ||
      LANGUAGES.some((lang) => normalize(optionLabel(content, lang, step, value)) === text.folded),
  );
}

/**
 * The normalised answer to `step`, or `{ ok: false }` when the message cannot be read as one.
 *
 * @example parseAnswer(content, detainedStep, 'sí', '2026-11-25') // { ok: true, value: 'yes' }
 */
export function parseAnswer(
  content: Content,
  step: Step,
  said: Said,
  today: string,
  language: Language = 'en',
): ParseResult<unknown> {
  const text = reading(said);
  switch (step.type) {
    case 'yesno':
    case 'yesno-unsure':
    case 'yesno-prefer-not': {
      // A button's number, then the many ways to say yes/no, then a button label exactly.
      // Labels are never matched loosely here: "no lo sé" contains the label "No" but is unsure.
      if (/^\s*#?\d{1,2}\s*$/.test(text.raw)) return parseChoice(text, options(content, step));
      const yn = parseYesNo(text, {
        unsure: step.type === 'yesno-unsure',
        preferNot: step.type === 'yesno-prefer-not',
      });
      if (yn.ok) return optionValues(step).includes(yn.value) ? yn : NO;
      const exact = exactOption(content, step, text);
      if (exact.ok || !step.otherIsYes) return exact;
      // "he takes insulin", "5000 dólares": the what of a yes, not a question or a lone word.
      const says = !text.question && /\p{L}.*\s+.*\p{L}|\d/u.test(text.raw.trim());
      return says ? { ok: true, value: 'yes' } : NO;
    }
    case 'choice': {
      // "Sin papeles", "sin visa": read only the rest ("crucé"), or nothing.
      const rest = withoutUnclear(step, text);
      if (rest !== undefined && rest === '') return NO;
      if (rest !== undefined)
        return parseAnswer(content, { ...step, unclear: undefined }, read(rest), today, language);
      const byChoice = parseChoice(text, options(content, step));
      if (!byChoice.ok) {
        const longest = longestContained(content, step, text);
        if (longest.ok) return longest;
      }
      if (byChoice.ok) return byChoice;
      // aboutSelf is stored as yes/no; "yes" / "sí" answer it as well as its labels do.
      const values = optionValues(step);
      if (values.includes('yes') && values.includes('no')) {
        const yn = parseYesNo(text);
        if (yn.ok) return yn;
      }
      // No label, alias or number: what the answer means ("cruzó la frontera").
      const meant = chooseByMeaning(content, step, text, language);
      return meant ? { ok: true, value: meant.value } : NO;
    }
    case 'multichoice': {
      const listed = parseMultiChoice(text, options(content, step), { noneValue: step.noneValue });
      // "Mi esposa es residente y mis hijos son ciudadanos": each part by what it means.
      const parts = text.key.split(/\s*(?:[,;&+]|\band\b|\by\b|\be\b)\s*/u).filter(Boolean);
      if (parts.length < 2 && listed.ok) return listed;
      const meant = parts.map((part) => {
        const one = read(part);
        return parseChoice(one, options(content, step)).ok
          ? parseChoice(one, options(content, step))
          : chooseByMeaning(content, step, one, language);
      });
      const values = meant.map((m) => (m && 'value' in m ? m.value : undefined));
      if (values.every((v) => v !== undefined) && values.length > 0) {
        const order = optionValues(step);
        const chosen = [...new Set(values as string[])].sort(
          (a, b) => order.indexOf(a) - order.indexOf(b),
        );
        if (!(step.noneValue && chosen.includes(step.noneValue) && chosen.length > 1)) {
          if (!listed.ok || chosen.length > (listed.value as string[]).length)
            return { ok: true, value: chosen };
        }
      }
      if (listed.ok) return listed;
      const whole = chooseByMeaning(content, step, text, language);
      return whole ? { ok: true, value: [whole.value] } : NO;
    }
    case 'date':
      return parseDate(text, {
        today,
        allowPartial: step.date?.allowPartial ?? false,
        direction: step.date?.direction ?? 'any',
      });
    case 'anumber':
      return parseANumber(text);
    case 'phone':
      return parsePhone(text.raw);
    case 'email':
      return parseEmail(text.raw);
    case 'country':
      return parseCountry(text);
    case 'location': {
      // "no sé", "sí", "idk" are not places: ask again rather than store them as one.
      if (parseYesNo(text, { unsure: true, preferNot: true }).ok) return NO;
      const loc = parseLocation(text.raw);
      // A country where a US city and state are asked ("Mexico", "Honduras") is asked again;
      // "Georgia" and "New Mexico" are states, found as such.
      const country = parseCountry(text);
      if (loc.ok && !loc.value.state && country.ok && country.value !== 'US') return NO;
      if (loc.ok && !loc.value.state && FOREIGN_CITIES.has(text.words)) return NO;
      return loc.ok ? { ok: true, value: loc.value.text } : NO;
    }
    case 'language':
      return parseLanguage(content, step, text);
    case 'name':
      return parseName(text.raw);
    case 'text':
      return parseText(text.raw, { max: 500 });
    case 'number':
      return parseAge(text);
  }
}

/** Cities across the border people name as where they are from, not where they live. */
const FOREIGN_CITIES = new Set([
  'tijuana',
  'mexicali',
  'juarez',
  'ciudad juarez',
  'reynosa',
  'matamoros',
  'nuevo laredo',
  'nogales sonora',
  'guadalajara',
  'monterrey',
  'ciudad de mexico',
  'mexico city',
  'cdmx',
  'san salvador',
  'tegucigalpa',
  'san pedro sula',
  'ciudad de guatemala',
  'guatemala city',
  'managua',
  'caracas',
  'bogota',
  'lima',
  'quito',
  'la habana',
  'havana',
]);

const OTHER_LANGUAGE = /^[\p{L}][\p{L}\s'-]{1,39}$/u;
const LANGUAGE_WORDS: Record<string, string[]> = {
  en: ['english', 'ingles', 'inglés', 'en ingles', 'en inglés'],
  es: ['spanish', 'espanol', 'español', 'en espanol', 'en español', 'castellano'],
};

/** English, Spanish, or another language named in words ("K'iche'", "Mam", "portugués"). */
function parseLanguage(content: Content, step: Step, text: Reading): ParseResult<string> {
  const opts = options(content, step).map((o) => ({
    value: o.value,
    labels: [...o.labels, ...(LANGUAGE_WORDS[o.value] ?? [])],
  }));
  const byChoice = parseChoice(text, opts);
  if (byChoice.ok) return byChoice;
  const trimmed = text.raw.trim();
  return OTHER_LANGUAGE.test(trimmed) ? { ok: true, value: trimmed } : NO;
}
