/**
 * Whether an attorney covers where the lead is: the detention facility, the immigration court or
 * the client's state. Any one is enough to take the lead; when several attorneys qualify, the
 * most specific place wins (facility, then court, then state), because in a one-state firm every
 * attorney covers the state and the facility and court lists would otherwise never matter.
 */
import type { Facts } from '../facts';
import { parseLocation } from '../parse/location';
import { normalize } from '../parse/normalize';
import type { Attorney } from './roster';

/** Most specific first: the order coverage levels are preferred in. */
export const COVERAGE_LEVELS = ['facility', 'court', 'state'] as const;
export type CoverageLevel = (typeof COVERAGE_LEVELS)[number];

/** The places a lead names, as the client typed them (the state as its USPS code). */
export type Places = Partial<Record<CoverageLevel, string>>;

/**
 * The facility (only while detained or unsure: a facility left from a changed answer is not
 * where the client is), the court, and the state read from the location text.
 */
export function placesOf(facts: Facts): Places {
  const places: Places = {};
  if (facts.facility?.trim() && facts.detained !== 'no') places.facility = facts.facility.trim();
  if (facts.court?.trim()) places.court = facts.court.trim();
  const location = facts.location ? parseLocation(facts.location) : undefined;
  if (location?.ok && location.value.state) places.state = location.value.state;
  return places;
}

/** Folded words with single spaces around them, so a name is found only as whole words. */
const words = (text: string): string =>
  ` ${normalize(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

/** The client's text names the roster entry ("Otay Mesa Detention Center" names "Otay Mesa"). */
const names = (typed: string, entry: string): boolean => {
  const folded = words(entry);
  return folded.trim() !== '' && words(typed).includes(folded);
};

/** The most specific level at which the attorney covers the places, or null when none. */
export function coverageLevel(attorney: Attorney, places: Places): CoverageLevel | null {
  const { facility, court, state } = places;
  if (facility && attorney.coverage.facilities.some((entry) => names(facility, entry))) {
    return 'facility';
  }
  if (court && attorney.coverage.courts.some((entry) => names(court, entry))) return 'court';
  if (state && attorney.coverage.states.includes(state)) return 'state';
  return null;
}

/** 'facility "Otay Mesa Detention Center", state CA': the places, for the reasons. */
export function describePlaces(places: Places): string {
  return COVERAGE_LEVELS.filter((level) => places[level])
    .map((level) =>
      level === 'state' ? `state ${places.state}` : `${level} "${places[level] ?? ''}"`,
    )
    .join(', ');
}
