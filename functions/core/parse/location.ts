/**
 * Where the client lives or is detained: kept as typed, plus the US state (for routing by the
 * states an attorney covers) when the text names one or holds a ZIP code.
 */

import { own } from '../own';
import { NOT_PARSED, normalize, type ParseResult, parsed } from './normalize';
import { stateOfZip } from './zip';

/** A location as typed, with the state and ZIP code found in it. */
export interface Location {
  text: string;
  /** USPS two-letter code ('CA', 'TX', 'DC', 'PR'). */
  state?: string;
  zip?: string;
}

// USPS codes for the states, DC and Puerto Rico.
const CODES = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA PR RI SC SD TN TX UT VT VA WA WV WI WY'.split(
    ' ',
  ),
);

// Codes that are also everyday words in English or Spanish ("I'm in", "de", "la", "ok"): only
// read when written in capitals ("Tulsa, OK", not "I'm in Dallas, ok").
const WORD_LIKE = new Set('AL CO DE HI ID IN LA MA ME MI MO NE OH OK OR PA VA'.split(' '));

// State names in English and Spanish, folded. Spanish only where it differs.
const NAMES: Readonly<Record<string, string>> = {
  alabama: 'AL',
  alaska: 'AK',
  arizona: 'AZ',
  arkansas: 'AR',
  california: 'CA',
  colorado: 'CO',
  connecticut: 'CT',
  delaware: 'DE',
  'district of columbia': 'DC',
  'washington dc': 'DC',
  'distrito de columbia': 'DC',
  florida: 'FL',
  georgia: 'GA',
  hawaii: 'HI',
  hawai: 'HI',
  idaho: 'ID',
  illinois: 'IL',
  indiana: 'IN',
  iowa: 'IA',
  kansas: 'KS',
  kentucky: 'KY',
  louisiana: 'LA',
  luisiana: 'LA',
  maine: 'ME',
  maryland: 'MD',
  massachusetts: 'MA',
  michigan: 'MI',
  minnesota: 'MN',
  mississippi: 'MS',
  misisipi: 'MS',
  missouri: 'MO',
  misuri: 'MO',
  montana: 'MT',
  nebraska: 'NE',
  nevada: 'NV',
  'new hampshire': 'NH',
  'nuevo hampshire': 'NH',
  'new jersey': 'NJ',
  'nueva jersey': 'NJ',
  'new mexico': 'NM',
  'nuevo mexico': 'NM',
  'new york': 'NY',
  'nueva york': 'NY',
  'north carolina': 'NC',
  'carolina del norte': 'NC',
  'north dakota': 'ND',
  'dakota del norte': 'ND',
  ohio: 'OH',
  oklahoma: 'OK',
  oregon: 'OR',
  pennsylvania: 'PA',
  pensilvania: 'PA',
  'rhode island': 'RI',
  'south carolina': 'SC',
  'carolina del sur': 'SC',
  'south dakota': 'SD',
  'dakota del sur': 'SD',
  tennessee: 'TN',
  texas: 'TX',
  tejas: 'TX',
  utah: 'UT',
  vermont: 'VT',
  virginia: 'VA',
  washington: 'WA',
  'west virginia': 'WV',
  'virginia occidental': 'WV',
  wisconsin: 'WI',
  wyoming: 'WY',
  'puerto rico': 'PR',
};
// Longest first, so "west virginia" is found before "virginia".
const BY_LENGTH = Object.keys(NAMES).sort((a, b) => b.length - a.length);

/** Folded words only; "D.C." becomes "dc" so "Washington, D.C." reads as one name. */
function words(text: string): string {
  return normalize(text)
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The one state named in full, or undefined when none or two different ones are. */
function stateByName(text: string): string | undefined {
  let remaining = ` ${words(text)} `;
  const found = new Set<string>();
  for (const name of BY_LENGTH) {
    if (!remaining.includes(` ${name} `)) continue;
    found.add(own(NAMES, name) ?? '');
    remaining = remaining.split(` ${name} `).join(' | ');
  }
  const [only] = found;
  return found.size === 1 ? only : undefined;
}

/** A two-letter code after a comma ("San Diego, CA") or closing the text ("houston tx"). */
function stateByCode(text: string): string | undefined {
  const withoutZip = text.replace(/\b\d{5}(?:-\d{4})?\b/g, ' ').trim();
  const afterComma = /,\s*([A-Za-z]{2})\.?(?:\s*[,;.]?\s*)$/.exec(withoutZip);
  const atEnd = /\s([A-Za-z]{2})\.?$/.exec(withoutZip);
  const written = afterComma?.[1] ?? atEnd?.[1];
  if (!written) return undefined;
  const code = written.toUpperCase();
  if (!CODES.has(code)) return undefined;
  if (WORD_LIKE.has(code) && written !== code) return undefined;
  return code;
}

/**
 * Reads a city and state, a ZIP code, or a detention facility's name. The text is always kept
 * as typed (trimmed); `state` comes from an explicit code first ("Kansas City, MO"), then the
 * ZIP code, then a state named in English or Spanish ("Carolina del Norte"). A text naming
 * no state is still a location (a facility name is enough for the attorney).
 *
 * @example parseLocation('Houston TX 77002') // => { ok: true, value: { text: 'Houston TX 77002', state: 'TX', zip: '77002' } }
 */
export function parseLocation(text: string): ParseResult<Location> {
  const trimmed = text.trim();
  if ([...trimmed].length < 2 || [...trimmed].length > 200 || !/[\p{L}\p{N}]/u.test(trimmed)) {
    return NOT_PARSED;
  }
  const zips = [...new Set([...trimmed.matchAll(/\b(\d{5})(?:-\d{4})?\b/g)].map((m) => m[1]))];
  const zip = zips.length === 1 ? zips[0] : undefined;
  const state = stateByCode(trimmed) ?? (zip && stateOfZip(zip)) ?? stateByName(trimmed);
  const value: Location = { text: trimmed };
  if (state) value.state = state;
  if (zip) value.zip = zip;
  return parsed(value);
}
