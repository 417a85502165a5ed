/**
 * Yes/no answers in English and Spanish, as typed on a phone: "sí", "siii", "yeah", "nope",
 * "no sé", "👍", "sí, está detenido".
 */
import { NOT_PARSED, type ParseResult, parsed } from './normalize';
import { reading, type Said } from './reading';

export type YesNoAnswer = 'yes' | 'no' | 'unsure' | 'prefer-not';

/** Which answers beyond yes/no the question accepts (DOMAIN.md's fact table says which). */
export interface YesNoOptions {
  unsure?: boolean;
  preferNot?: boolean;
}

// 'unclear' marks phrases that start like an answer but are not one: "no entiendo" begins with
// "no" and must never be stored as a "no".
type Kind = YesNoAnswer | 'unclear';

const YES = [
  'yes',
  'yeah',
  'yea',
  'yep',
  'yup',
  'yes please',
  'yes sir',
  'sure',
  'sure thing',
  'ok',
  'okay',
  'okey',
  'of course',
  'absolutely',
  'definitely',
  'i agree',
  'agree',
  'i accept',
  'accept',
  'affirmative',
  'thats right',
  'thats correct',
  'i think so',
  'no problem',
  '👍',
  '✅',
  '✔',
  '👌',
  'si',
  'si por favor',
  'si senor',
  'si senora',
  'claro',
  'claro que si',
  'por supuesto',
  'por supuesto que si',
  'sip',
  'simon',
  'afirmativo',
  'acepto',
  'de acuerdo',
  'esta bien',
  'ta bien',
  'vale',
  'dale',
  'correcto',
  'es correcto',
  'asi es',
  'exacto',
  'creo que si',
  'no hay problema',
  'sin problema',
];

const NO = [
  'no',
  'nope',
  'nop',
  'nah',
  'no thanks',
  'no thank you',
  'no sir',
  'negative',
  'never',
  'not really',
  'not yet',
  'not at all',
  'no way',
  'of course not',
  'absolutely not',
  'definitely not',
  'i dont',
  'i do not',
  'i dont think so',
  'im not',
  'i am not',
  '👎',
  '❌',
  'no gracias',
  'no senor',
  'no senora',
  'negativo',
  'para nada',
  'nunca',
  'jamas',
  'todavia no',
  'aun no',
  'claro que no',
  'por supuesto que no',
  'de ninguna manera',
  'creo que no',
  'nel',
];

const UNSURE = [
  'not sure',
  'im not sure',
  'i am not sure',
  'not really sure',
  'im not really sure',
  'not too sure',
  'unsure',
  'not certain',
  'i dont know',
  'i do not know',
  'dont know',
  'dunno',
  'idk',
  'maybe',
  'perhaps',
  'no idea',
  'no clue',
  'i have no idea',
  'i dont remember',
  '🤷',
  'no se',
  'no lo se',
  'no sabemos',
  'no sabe',
  'tal vez',
  'talvez',
  'quizas',
  'quiza',
  'a lo mejor',
  'puede ser',
  'no estoy seguro',
  'no estoy segura',
  'no estoy muy seguro',
  'no estoy muy segura',
  'no muy seguro',
  'no muy segura',
  'no tengo idea',
  'no tengo ni idea',
  'ni idea',
  'no recuerdo',
  'no me acuerdo',
  'no se si',
  // "nose": "no sé" typed fast without the space or accent.
  'nose',
  'nose si',
];

const PREFER_NOT = [
  'prefer not to say',
  'i prefer not to say',
  'id prefer not to say',
  'rather not say',
  'id rather not say',
  'i would rather not say',
  'prefer not to answer',
  'i prefer not to answer',
  'id rather not answer',
  'i dont want to say',
  'i dont want to answer',
  'prefer not',
  'prefiero no decir',
  'prefiero no decirlo',
  'prefiero no contestar',
  'prefiero no responder',
  'prefiero no',
  'no quiero decir',
  'no quiero decirlo',
  'no quiero contestar',
  'no quiero responder',
  'no puedo decir',
  'no comment',
  'sin comentarios',
];

const UNCLEAR = [
  'no entiendo',
  'no entendi',
  'no comprendo',
  'no understand',
  'i dont understand',
  'i do not understand',
  'dont understand',
];

// Too short or too common to trust as the first word of a longer message: "y" is Spanish "and",
// "i am" starts "I am asking for my brother", "right" starts "right now".
const WHOLE_ONLY: ReadonlyArray<readonly [string, YesNoAnswer]> = [
  ['y', 'yes'],
  ['n', 'no'],
  ['not', 'no'],
  ['right', 'yes'],
  ['true', 'yes'],
  ['correct', 'yes'],
  ['i do', 'yes'],
  ['i am', 'yes'],
  ['im', 'yes'],
];

// "um, yes", "pues sí", "well, no": hesitation before the answer. Written squeezed, as the
// words are compared ("well" → "wel", "hmm" → "hm").
const FILLERS = new Set(['um', 'uhm', 'uh', 'hm', 'm', 'ah', 'oh', 'eh', 'wel', 'pues', 'bueno']);
const CONJUNCTIONS = new Set(['and', 'y', 'or', 'o', 'but', 'pero']);
// The rest of "ok, what is this" or "sí, ¿qué pasa" is a question, not an answer.
const QUESTION_WORDS = new Set(['what', 'whats', 'why', 'how', 'huh', 'que', 'cual', 'quien']);

/** "siii" → "si", "nooo" → "no", "yesss" → "yes": people stretch words for emphasis. */
function squeeze(word: string): string {
  return word.replace(/(.)\1+/gu, '$1');
}

const squeezePhrase = (phrase: string) => phrase.split(' ').map(squeeze).join(' ');
const PHRASES = new Map<string, Kind>();
const WHOLE = new Map(WHOLE_ONLY.map(([phrase, kind]) => [squeezePhrase(phrase), kind]));
const tables: ReadonlyArray<readonly [readonly string[], Kind]> = [
  [YES, 'yes'],
  [NO, 'no'],
  [UNSURE, 'unsure'],
  [PREFER_NOT, 'prefer-not'],
  [UNCLEAR, 'unclear'],
];
for (const [phrases, kind] of tables) {
  for (const phrase of phrases) PHRASES.set(squeezePhrase(phrase), kind);
}
const LONGEST = Math.max(...[...PHRASES.keys()].map((key) => key.split(' ').length));

function words(key: string): string[] {
  return key
    .replace(/[\u{1F3FB}-\u{1F3FF}]/gu, '') // skin-tone modifiers on 👍🏽
    .split(/[^\p{L}\p{N}\p{Extended_Pictographic}]+/u)
    .filter(Boolean)
    .map(squeeze);
}

/** The longest known phrase at the start of `list`: longest first, so "no se" beats "no". */
function leading(list: string[]): { kind: Kind; rest: string[] } | undefined {
  for (let length = Math.min(LONGEST, list.length); length > 0; length--) {
    const kind = PHRASES.get(list.slice(0, length).join(' '));
    if (kind) return { kind, rest: list.slice(length) };
  }
  return undefined;
}

/**
 * Reads a yes/no answer. The leading phrase decides ("sí, está detenido" is yes), multi-word
 * phrases are tried before single words ("no sé" is unsure, never no), and "unsure" /
 * "prefer-not" are only returned when the question allows them. Digits are not read here:
 * numbered menus go through `parseChoice`.
 *
 * @example parseYesNo('No sé', { unsure: true }) // => { ok: true, value: 'unsure' }
 */
export function parseYesNo(said: Said, opts: YesNoOptions = {}): ParseResult<YesNoAnswer> {
  const text = reading(said);
  let list = words(text.key);
  while (list.length > 1 && FILLERS.has(list[0] ?? '')) list = list.slice(1);
  if (list.length === 0) return NOT_PARSED;

  const whole = WHOLE.get(list.join(' '));
  if (whole) return parsed(whole);

  const lead = leading(list);
  if (!lead || lead.kind === 'unclear') return NOT_PARSED;
  if (lead.kind === 'unsure' && !opts.unsure) return NOT_PARSED;
  if (lead.kind === 'prefer-not' && !opts.preferNot) return NOT_PARSED;
  const opening = list.slice(0, list.length - lead.rest.length).join(' ');
  if (opts.unsure && lead.kind === 'yes' && HEDGED_YES.has(opening) && lead.rest.length > 0)
    return parsed('unsure');
  if (lead.rest.length > 0 && !restAgrees(lead.kind, lead.rest, text.question)) return NOT_PARSED;
  return parsed(lead.kind);
}

/**
 * True when the message opens with "I don't understand" ("no entiendo la pregunta"): no answer,
 * though it starts with "no".
 *
 * @example saysNotUnderstood('no entiendo la pregunta') // => true
 */
export function saysNotUnderstood(said: Said): boolean {
  let list = words(reading(said).key);
  while (list.length > 1 && FILLERS.has(list[0] ?? '')) list = list.slice(1);
  return leading(list)?.kind === 'unclear';
}

// A yes said as a guess: with a doubt after it ("creo que sí pero no estoy segura", "I think so,
// he hasn't called"), not sure, where the question allows it.
const HEDGED_YES = new Set([
  'i think so',
  'creo que si',
  'i think',
  'creo',
  'probably',
  'probablemente',
]);

/** Whether what follows the leading answer leaves it standing ("no, nunca" but not "sí, no"). */
function restAgrees(kind: Kind, rest: string[], question: boolean): boolean {
  // "yes? what is this" is a question that happens to start with yes.
  if (question) return false;
  let tail = rest;
  while (tail.length > 0 && CONJUNCTIONS.has(tail[0] ?? '')) tail = tail.slice(1);
  if (QUESTION_WORDS.has(tail[0] ?? '')) return false;
  const next = leading(tail);
  // "No sé, no contesta el teléfono": a doubt, then why, in a sentence of its own.
  if (kind === 'unsure' && next?.kind === 'no' && next.rest.length > 0) return true;
  // "yes and no", "sí, no sé": two different answers in one message.
  return !next || next.kind === kind;
}
