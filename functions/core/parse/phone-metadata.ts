/**
 * libphonenumber with its numbering-plan metadata (83 KB of JSON) kept out of the code: the
 * Lambda's content bundle carries it as data and hands it over with usePhoneMetadata at start,
 * which keeps the API bundle under its size budget; anywhere else (the local server, tests,
 * scripts) it is read from the package on first use.
 */
import { createRequire } from 'node:module';
import {
  type CountryCode,
  type MetadataJson,
  type PhoneNumber,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/core';

export type { CountryCode, MetadataJson };

let metadata: MetadataJson | undefined;

/** Uses this metadata from now on (the Lambda's, from its content bundle). */
export function usePhoneMetadata(json: MetadataJson): void {
  metadata = json;
}

/** The metadata in use, read from the libphonenumber-js package if none was handed over. */
export function phoneMetadata(): MetadataJson {
  metadata ??= createRequire(import.meta.url)(
    'libphonenumber-js/metadata.min.json',
  ) as MetadataJson;
  return metadata;
}

/**
 * A phone number as libphonenumber reads it, or undefined.
 *
 * @example phoneNumber('(213) 373-4253', 'US')?.number // '+12133734253'
 */
export function phoneNumber(text: string, defaultCountry?: CountryCode): PhoneNumber | undefined {
  return defaultCountry
    ? parsePhoneNumberFromString(text, defaultCountry, phoneMetadata())
    : parsePhoneNumberFromString(text, phoneMetadata());
}
