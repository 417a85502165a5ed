/**
 * Matching the client's language to an attorney's. The client's is 'en', 'es' or a language
 * named as they typed it ("portugués", "Mam"); the roster lists codes or names. Both are folded
 * to one key so "pt", "Portuguese" and "portugués" are the same language.
 */
import { normalizeKey } from '../parse/normalize';

// Languages often heard in Southern California's immigration courts, by ISO 639 code (639-3
// where there is no two-letter one), with their names in English (the first, used in reasons) and
// Spanish. Names are folded before comparing. Anything else is compared as folded text, so a
// roster can still list "Q'anjob'al" and match a client who typed it.
const NAMES: Readonly<Record<string, readonly string[]>> = {
  en: ['English', 'inglés'],
  es: ['Spanish', 'español', 'castellano'],
  pt: ['Portuguese', 'portugués'],
  fr: ['French', 'francés'],
  ht: ['Haitian Creole', 'kreyòl', 'criollo haitiano', 'creole haitiano'],
  zh: ['Mandarin', 'Chinese', 'Mandarin Chinese', 'chino', 'mandarín'],
  ru: ['Russian', 'ruso'],
  uk: ['Ukrainian', 'ucraniano'],
  ar: ['Arabic', 'árabe'],
  fa: ['Farsi', 'Persian', 'persa'],
  hi: ['Hindi'],
  pa: ['Punjabi', 'Panjabi', 'punyabí'],
  vi: ['Vietnamese', 'vietnamita'],
  tl: ['Tagalog', 'Filipino'],
  ko: ['Korean', 'coreano'],
  mam: ['Mam'],
  quc: ["K'iche'", 'Quiché'],
  mix: ['Mixtec', 'mixteco'],
  zap: ['Zapotec', 'zapoteco'],
};

const BY_NAME = new Map<string, string>(
  Object.entries(NAMES).flatMap(([code, names]) => [
    [code, code],
    ...names.map((name) => [normalizeKey(name), code] as [string, string]),
  ]),
);

/** One key per language: the code when known, else the folded text. */
export function languageKey(text: string): string {
  const folded = normalizeKey(text);
  return BY_NAME.get(folded) ?? folded;
}

/** "Spanish" for 'es', the text as typed for a language not in the table. */
export function languageLabel(text: string): string {
  return NAMES[languageKey(text)]?.[0] ?? text.trim();
}

/** True when one of the attorney's languages is the client's. */
export function speaks(languages: readonly string[], clientLanguage: string): boolean {
  const key = languageKey(clientLanguage);
  return languages.some((language) => languageKey(language) === key);
}
