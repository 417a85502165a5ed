/**
 * The TPS country list (`knowledge/tps-countries.yaml`): which nationalities the `tps` flag is
 * raised for, with the date the list was last reviewed. Designations and terminations change
 * quickly and are in litigation, so the file carries its sources and a status note per country,
 * and the flag's reasons quote the review date.
 */
import * as z from 'zod';
import { isValidIsoDate } from '../calendar';
import { IsoDateSchema, PartialDateSchema } from '../facts';

export const TpsCountrySchema = z.strictObject({
  /** ISO 3166-1 alpha-2, as stored in the `citizenship` fact. */
  code: z.string().regex(/^[A-Z]{2}$/),
  name: z.string().min(1),
  /** What the sources said about the designation, with their confidence, in a sentence or two. */
  status: z.string().min(1),
  /** The date (or month or year) the status note speaks for. */
  asOf: PartialDateSchema,
  /** false for a country kept for the record whose TPS has ended: the flag is not raised for it. */
  include: z.boolean().default(true),
  /**
   * The last day of the designation as the sources give it, when no extension is known. The flag
   * is raised through that day and not after it, on the conversation's clock, so an entry whose
   * end has passed stops raising the flag without anyone editing the file that day.
   */
  endsOn: IsoDateSchema.refine(isValidIsoDate, 'endsOn must be a real date').optional(),
});
export type TpsCountry = z.infer<typeof TpsCountrySchema>;

export const TpsDataSchema = z
  .strictObject({
    lastReviewed: IsoDateSchema.refine(isValidIsoDate, 'lastReviewed must be a real date'),
    sources: z.array(z.string().min(1)).min(1),
    note: z.string().min(1),
    countries: z.array(TpsCountrySchema).min(1),
  })
  .refine(
    (data) => new Set(data.countries.map((c) => c.code)).size === data.countries.length,
    'each country code appears once',
  );
export type TpsData = z.infer<typeof TpsDataSchema>;

/**
 * The country codes the `tps` flag can be raised for (those not marked `include: false`); on a
 * given day, `screenTps` also leaves out those whose `endsOn` has passed.
 *
 * @example tpsCountryCodes(TpsDataSchema.parse(YAML.parse(text))) // ['VE', 'HT', …]
 */
export function tpsCountryCodes(data: TpsData): string[] {
  return data.countries.filter((country) => country.include).map((country) => country.code);
}

/**
 * The TPS part of a `ScreeningContext`: the codes, plus the review date, a note per country for
 * the flag's reasons, and the end dates the screening compares with today.
 *
 * @example screen(facts, { today, ...tpsScreeningContext(data) })
 */
export function tpsScreeningContext(data: TpsData): {
  tpsCountries: string[];
  tpsLastReviewed: string;
  tpsCountryNotes: Record<string, string>;
  tpsEndDates: Record<string, string>;
} {
  const included = data.countries.filter((country) => country.include);
  return {
    tpsEndDates: Object.fromEntries(
      included.flatMap((country) => (country.endsOn ? [[country.code, country.endsOn]] : [])),
    ),
    tpsCountries: included.map((country) => country.code),
    tpsLastReviewed: data.lastReviewed,
    tpsCountryNotes: Object.fromEntries(
      included.map((country) => [country.code, `${country.status} (as of ${country.asOf})`]),
    ),
  };
}
