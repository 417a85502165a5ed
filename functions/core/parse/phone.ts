/**
 * Phone numbers, stored in E.164. Numbering plans are libphonenumber's job; this module only
 * finds the number inside what was typed ("mi número es 213 373 4253").
 */

import { NOT_PARSED, type ParseResult, parsed } from './normalize';
import { type CountryCode, phoneNumber } from './phone-metadata';

// A stretch that can hold a phone number: an optional "+", digits and the usual separators.
const CANDIDATE = /\+?\(?\d[\d\s().\-/]*\d/g;

/**
 * Reads a phone number and returns it in E.164. Numbers without a country code are read in
 * `defaultCountry` (the firm's country); "+52 …" or "011 52 …" are read as dialled. The
 * message must hold exactly one number that libphonenumber considers valid for its country.
 *
 * @example parsePhone('mi número es (213) 373-4253') // => { ok: true, value: '+12133734253' }
 */
export function parsePhone(text: string, defaultCountry: CountryCode = 'US'): ParseResult<string> {
  // Fewer than 7 digits cannot be a phone number; it is a street number or a time in the text.
  const candidates = [...text.matchAll(CANDIDATE)]
    .map((match) => match[0])
    .filter((candidate) => candidate.replace(/\D/g, '').length >= 7);
  if (candidates.length !== 1) return NOT_PARSED;
  const phone = phoneNumber(candidates[0] ?? '', defaultCountry);
  if (phone?.isValid()) return parsed(phone.number);
  // Mexico dropped the "1" after +52 for mobiles in 2019, but people still dial it:
  // "+52 1 55 1234 5678" is the valid "+52 55 1234 5678".
  if (phone?.countryCallingCode === '52' && /^1\d{10}$/.test(phone.nationalNumber)) {
    const retried = phoneNumber(`+52${phone.nationalNumber.slice(1)}`);
    if (retried?.isValid()) return parsed(retried.number);
  }
  return NOT_PARSED;
}
