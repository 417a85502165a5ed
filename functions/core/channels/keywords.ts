/**
 * The carrier keywords of DOMAIN.md (SMS, and every channel like it), recognised only when they
 * are the whole message (any case, surrounding spaces and punctuation ignored): "stop" opts out,
 * "stop calling me at work" is a message like any other. A message that is one of these is handled
 * by the channel before the intake sees it, so no question may expect one of them as its answer.
 */
import type { Language } from '../flow';
import { normalize } from '../parse/normalize';

export type Keyword = 'opt-out' | 'opt-in' | 'help';

/** Each keyword's words, by the language they answer in. */
const WORDS: Record<Keyword, Record<Language, readonly string[]>> = {
  'opt-out': {
    en: ['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit', 'optout', 'remove'],
    es: ['parar', 'alto', 'baja', 'cancelar'],
  },
  'opt-in': { en: ['start', 'unstop'], es: ['alta'] },
  help: { en: ['help'], es: ['ayuda'] },
};

const TABLE = new Map<string, { keyword: Keyword; language: Language }>(
  Object.entries(WORDS).flatMap(([keyword, byLanguage]) =>
    Object.entries(byLanguage).flatMap(([language, words]) =>
      words.map((w) => [w, { keyword: keyword as Keyword, language: language as Language }]),
    ),
  ),
);

/** Every keyword, in every language. */
export const SMS_KEYWORDS: readonly string[] = [...TABLE.keys()];
/** The words that ask for help, which the intake's own "help" command also takes. */
export const HELP_WORDS: readonly string[] = [...WORDS.help.en, ...WORDS.help.es];

const word = (text: string) => normalize(text).replace(/[^a-z]/g, '');

/**
 * @example smsKeyword(' Stop ') // 'opt-out'
 * @example smsKeyword('stop please') // undefined
 */
export function smsKeyword(text: string): Keyword | undefined {
  return TABLE.get(word(text))?.keyword;
}

/** Spanish keywords answer in Spanish even in an English conversation. */
export function keywordLanguage(text: string): Language | undefined {
  return TABLE.get(word(text))?.language;
}
