/**
 * The words of the lead email, read from the strings catalog (prompts/strings.<lang>.yaml) in the
 * language the firm's attorneys read. The email's own words are under `email.`; a fact is labelled
 * and an answer named as in the client's summary (`steps.<fact>.label`, `steps.<fact>.options.*`,
 * `answers.*`), so the two cannot drift, unless `email.answers.<value>` words it for an attorney.
 */
import { type Catalog, fill } from '../content';
import type { FactId } from '../facts';
import type { Language } from '../flow';
import { own } from '../own';
import type { FlagId, Urgency } from '../screening/screening';

export interface EmailWords {
  /** The language the email is written in. */
  language: Language;
  /** `email.<key>`, its {placeholders} filled from `vars` (values are not read for placeholders). */
  say(key: string, vars?: Record<string, string>): string;
  /** A step's label in the client's summary: `label('detained')` → "Detained now". */
  label(stepId: string): string;
  /** The name of a fact's answer, or undefined when `value` is not one of its answers. */
  answer(id: FactId, value: string): string | undefined;
  flag(id: FlagId): string;
  urgency(level: Urgency): string;
  /** 'en' → "English", 'es' → "Spanish"; undefined for a language the flow does not offer. */
  languageName(code: string): string | undefined;
}

/**
 * The email's words in one language of the catalog. A missing key, or a key with a self/other
 * pair, is a content bug (the strings test renders the email in every language), so it throws.
 *
 * @example emailWords(content.strings, 'en').flag('bond') // 'Bond hearing'
 */
export function emailWords(catalog: Catalog, language: Language): EmailWords {
  const strings = catalog[language];
  const find = (key: string): string | undefined => {
    const text = own(strings, key);
    if (text !== undefined && typeof text !== 'string') {
      throw new Error(`string ${language}:${key} must have one form for the lead email`);
    }
    return text;
  };
  const get = (key: string): string => {
    const text = find(key);
    if (text === undefined) throw new Error(`missing string ${language}:${key}`);
    return text;
  };
  const say = (key: string, vars: Record<string, string> = {}) => fill(get(`email.${key}`), vars);
  return {
    language,
    say,
    label: (stepId) => get(`steps.${stepId}.label`),
    answer: (id, value) =>
      find(`email.answers.${value}`) ??
      find(`steps.${id}.options.${value}`) ??
      find(`answers.${value}`),
    flag: (id) => say(`flags.${id}`),
    urgency: (level) => say(`urgency.${level}`),
    languageName: (code) => find(`steps.preferredLanguage.options.${code}`),
  };
}
