/**
 * The SMS keywords of DOMAIN.md, recognised only when they are the whole message (any case,
 * surrounding spaces and punctuation ignored): "stop" opts out, "stop calling me at work" is a
 * message like any other.
 */
import { normalize } from '../../parse/normalize';
import { HELP_WORDS, OPT_IN_WORDS, OPT_OUT_WORDS } from '../../sms-keywords';

export type Keyword = 'opt-out' | 'opt-in' | 'help';

const TABLE = new Map<string, Keyword>([
  ...OPT_OUT_WORDS.map((w) => [w, 'opt-out'] as const),
  ...OPT_IN_WORDS.map((w) => [w, 'opt-in'] as const),
  ...HELP_WORDS.map((w) => [w, 'help'] as const),
]);

/**
 * @example smsKeyword(' Stop ') // 'opt-out'
 * @example smsKeyword('stop please') // undefined
 */
export function smsKeyword(text: string): Keyword | undefined {
  return TABLE.get(normalize(text).replace(/[^a-z]/g, ''));
}

/** Spanish keywords answer in Spanish even in an English conversation. */
export function keywordLanguage(text: string): 'en' | 'es' | undefined {
  const word = normalize(text).replace(/[^a-z]/g, '');
  if (['parar', 'alto', 'baja', 'cancelar', 'alta', 'ayuda'].includes(word)) return 'es';
  if (TABLE.has(word)) return 'en';
  return undefined;
}
