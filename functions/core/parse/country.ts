/**
 * Country of citizenship as ISO 3166-1 alpha-2 ("SV", "MX"), from a country name in English or
 * Spanish, a common short form ("EEUU", "Guate", "RD") or a demonym ("salvadoreña", "Honduran").
 *
 * The names come from the runtime's own CLDR data (`Intl.DisplayNames`), so every country has
 * both its English and Spanish name without a table to maintain here; only the short forms and
 * demonyms people actually type are listed by hand.
 */

import { own } from '../own';
import { NOT_PARSED, normalize, type ParseResult, parsed } from './normalize';
import { reading, type Said } from './reading';

// Region codes CLDR can name that are not countries a person is a citizen of: groupings,
// pseudo-locales, "Unknown Region", and exceptional reservations such as the Canary Islands.
const NOT_COUNTRIES = new Set('AC CP CQ DG EA EU EZ IC QO TA UN XA XB ZZ'.split(' '));

const ALIASES: Readonly<Record<string, string>> = {
  usa: 'US',
  'united states of america': 'US',
  'the us': 'US',
  'the usa': 'US',
  eeuu: 'US',
  'ee uu': 'US',
  'estados unidos de america': 'US',
  estadounidense: 'US',
  salvador: 'SV',
  guate: 'GT',
  'republica dominicana': 'DO',
  burma: 'MM',
  birmania: 'MM',
  england: 'GB',
  inglaterra: 'GB',
  scotland: 'GB',
  escocia: 'GB',
  wales: 'GB',
  'great britain': 'GB',
  'gran bretana': 'GB',
  holland: 'NL',
  holanda: 'NL',
  turkey: 'TR',
  'czech republic': 'CZ',
  'ivory coast': 'CI',
  'costa de marfil': 'CI',
  swaziland: 'SZ',
  'hong kong': 'HK',
  macau: 'MO',
  macao: 'MO',
  palestine: 'PS',
  palestina: 'PS',
  'democratic republic of the congo': 'CD',
  'dr congo': 'CD',
  drc: 'CD',
  'republic of the congo': 'CG',
  'east timor': 'TL',
  // Not a country: keeps "New Mexico" from reading as Mexico.
  'new mexico': '',
  'nuevo mexico': '',
};

// Short answers that are only trusted when they are the whole answer: "help us" is not the US.
const EXACT_ONLY: Readonly<Record<string, string>> = {
  us: 'US',
  'u s': 'US',
  rd: 'DO',
  uk: 'GB',
};

// The most common countries of origin in US removal proceedings, as people describe themselves.
const DEMONYMS: Readonly<Record<string, string>> = {
  mexican: 'MX',
  mexicano: 'MX',
  mexicana: 'MX',
  guatemalan: 'GT',
  guatemalteco: 'GT',
  guatemalteca: 'GT',
  honduran: 'HN',
  hondureno: 'HN',
  hondurena: 'HN',
  salvadoran: 'SV',
  salvadorean: 'SV',
  salvadoreno: 'SV',
  salvadorena: 'SV',
  venezuelan: 'VE',
  venezolano: 'VE',
  venezolana: 'VE',
  haitian: 'HT',
  haitiano: 'HT',
  haitiana: 'HT',
  nicaraguan: 'NI',
  nicaraguense: 'NI',
  colombian: 'CO',
  colombiano: 'CO',
  colombiana: 'CO',
  ecuadorian: 'EC',
  ecuatoriano: 'EC',
  ecuatoriana: 'EC',
  cuban: 'CU',
  cubano: 'CU',
  cubana: 'CU',
  dominican: 'DO',
  dominicano: 'DO',
  dominicana: 'DO',
  peruvian: 'PE',
  peruano: 'PE',
  peruana: 'PE',
  indian: 'IN',
  indio: 'IN',
  india: 'IN',
  chinese: 'CN',
  chino: 'CN',
  china: 'CN',
};

/** Folded words only: "Côte d’Ivoire" → "cote divoire", "St. Lucia" → "st lucia". */
function key(folded: string): string {
  return folded
    .replace(/&/g, ' and ')
    .replace(/['.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function buildNames(): Map<string, string> {
  const names = new Map<string, string>();
  const add = (name: string, code: string) => {
    const folded = key(normalize(name));
    if (folded && !names.has(folded)) names.set(folded, code);
  };
  const displays = ['en', 'es'].map(
    (locale) => new Intl.DisplayNames([locale], { type: 'region' }),
  );
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      // Deprecated codes ("BU" for Burma, "UK") canonicalise to the current one: skip them.
      if (NOT_COUNTRIES.has(code) || new Intl.Locale(`und-${code}`).region !== code) {
        continue;
      }
      for (const display of displays) {
        const name = display.of(code);
        if (!name || name === code) continue;
        add(name, code);
        // "Myanmar (Burma)" → "Myanmar"; "RAE de Hong Kong (China)" must not make "China" HK.
        add(name.replace(/\s*\(.*\)\s*/g, ' '), code);
        add(name.replace(/^St\.? /, 'Saint '), code);
      }
    }
  }
  for (const [alias, code] of Object.entries({ ...ALIASES, ...DEMONYMS })) {
    names.set(alias, code);
    // "somos mexicanos", "they are Hondurans".
    if (DEMONYMS[alias]) names.set(`${alias}s`, code);
  }
  return names;
}

/** Folded name → alpha-2 code, built once at module load. */
const NAMES = buildNames();
// Longest first, so "equatorial guinea" is found before "guinea" and "south sudan" before "sudan".
const BY_LENGTH = [...NAMES.keys()].sort((a, b) => b.length - a.length);

const PREFIXES =
  /^(?:i am from|im from|i come from|from|soy de|soy|somos de|vengo de|venimos de|naci en|i was born in|born in|my country is|mi pais es|citizen of|ciudadano de|ciudadana de|de|del|the|el|la)\s+/;

function stripPrefixes(text: string): string {
  let current = text;
  for (let previous = ''; previous !== current; ) {
    previous = current;
    current = current.replace(PREFIXES, '');
  }
  return current;
}

/** The names by their first word, each with its place in BY_LENGTH. */
const BY_FIRST_WORD = new Map<string, { name: string; rank: number }[]>();
BY_LENGTH.forEach((name, rank) => {
  const first = name.split(' ')[0] ?? '';
  const list = BY_FIRST_WORD.get(first) ?? [];
  list.push({ name, rank });
  BY_FIRST_WORD.set(first, list);
});

/** The codes of every country named in the text, longer names consuming their words first. */
function namedCodes(text: string): Set<string> {
  let remaining = ` ${text} `;
  const codes = new Set<string>();
  // Only a name whose first word is in the text can be found: those, longest first (a look-up
  // per word, not a scan of every name).
  const candidates = text
    .split(' ')
    .flatMap((word) => BY_FIRST_WORD.get(word) ?? [])
    .sort((a, b) => a.rank - b.rank)
    .map((c) => c.name);
  for (const name of new Set(candidates)) {
    const needle = ` ${name} `;
    if (!remaining.includes(needle)) continue;
    const code = NAMES.get(name);
    if (code) codes.add(code);
    remaining = remaining.split(needle).join(' | ');
  }
  return codes;
}

/**
 * Reads a country of citizenship as an ISO alpha-2 code. An exact name after "I'm from" /
 * "soy de" is taken even in a question-like message; otherwise the text must name exactly one
 * country and hold no question ("is Mexico ok?" is asked back).
 *
 * @example parseCountry('Soy de El Salvador') // => { ok: true, value: 'SV' }
 */
export function parseCountry(said: Said): ParseResult<string> {
  const text = reading(said);
  return countryOfKey(key(text.folded), text.question);
}

/**
 * `parseCountry` of words already folded (lower case, no accents, letters and digits with one
 * space between them, as a Reading's `words`): the story reader's "es de Guatemala", read
 * without folding the words again.
 *
 * @example countryOfWords('el salvador') // => 'SV'
 */
export function countryOfWords(words: string): string | undefined {
  const found = countryOfKey(words, false);
  return found.ok ? found.value : undefined;
}

function countryOfKey(folded: string, question: boolean): ParseResult<string> {
  if (folded === '') return NOT_PARSED;
  for (const candidate of [folded, stripPrefixes(folded)]) {
    const code = own(EXACT_ONLY, candidate) ?? NAMES.get(candidate);
    if (code) return parsed(code);
  }
  if (question) return NOT_PARSED;
  const codes = namedCodes(folded);
  const [only] = codes;
  return codes.size === 1 && only ? parsed(only) : NOT_PARSED;
}
