/**
 * The shapes of a screening: relief flags and urgency with their reasons (DOMAIN.md, "Relief flags"
 * and "Urgency"). The flag and urgency ids are a contract read by routing, the lead summary and
 * `lead.json`.
 */
import * as z from 'zod';
import { isValidIsoDate } from '../calendar';
import { IsoDateSchema } from '../facts';

/** Flag ids in the order of DOMAIN.md's table. */
export const FLAG_IDS = [
  'asylum',
  'asylum-late',
  'cancellation-non-lpr',
  'cancellation-lpr',
  'u-visa',
  't-visa',
  'vawa',
  'daca',
  'sijs',
  'tps',
  'family-petition',
  'bond',
  'motion-to-reopen',
  'reinstatement-risk',
  'citizenship-claim',
  'expedited-removal-risk',
  'prosecutorial-discretion',
] as const;
export const FlagIdSchema = z.enum(FLAG_IDS);
export type FlagId = z.infer<typeof FlagIdSchema>;

/**
 * The order flags are listed in for an attorney: custody and orders or removals that can be
 * carried out without a judge first, then a possible claim to citizenship (a complete defense),
 * then deadline-driven and protection-based relief, then the longer-term options.
 */
export const FLAG_PRIORITY = [
  'bond',
  'reinstatement-risk',
  'expedited-removal-risk',
  'motion-to-reopen',
  'citizenship-claim',
  'asylum',
  'asylum-late',
  'u-visa',
  't-visa',
  'vawa',
  'sijs',
  'cancellation-lpr',
  'cancellation-non-lpr',
  'tps',
  'daca',
  'family-petition',
  'prosecutorial-discretion',
] as const satisfies readonly FlagId[];

export const URGENCIES = ['emergency', 'high', 'normal'] as const;
export const UrgencySchema = z.enum(URGENCIES);
export type Urgency = z.infer<typeof UrgencySchema>;

/**
 * A possible option for an attorney to review, never a promise: why it was raised, what may bar or
 * weaken it, and which facts it depends on that were not given ("factId: what is needed").
 */
export const FlagSchema = z.object({
  id: FlagIdSchema,
  reasons: z.array(z.string().min(1)).min(1),
  complications: z.array(z.string().min(1)),
  missing: z.array(z.string().min(1)),
});
export type Flag = z.infer<typeof FlagSchema>;

export const ScreeningSchema = z.object({
  urgency: UrgencySchema,
  /** Every rule that matched at the chosen level, then any lower-level ones ("Also high: …"). */
  urgencyReasons: z.array(z.string().min(1)).min(1),
  /** In `FLAG_PRIORITY` order. */
  flags: z.array(FlagSchema),
});
export type Screening = z.infer<typeof ScreeningSchema>;

export const ScreeningContextSchema = z.object({
  /** 'YYYY-MM-DD', the calendar day in the firm's time zone. */
  today: IsoDateSchema.refine(isValidIsoDate, 'today must be a real calendar date'),
  /** ISO 3166-1 alpha-2 codes whose nationals the `tps` flag is raised for. */
  tpsCountries: z.array(z.string().regex(/^[A-Z]{2}$/)),
  /**
   * Optional extras from the TPS data file (see `tpsScreeningContext` in `tps.ts`): its
   * "last reviewed" date and a status note per country code, quoted in the `tps` flag's reasons.
   */
  tpsLastReviewed: IsoDateSchema.optional(),
  tpsCountryNotes: z.record(z.string(), z.string()).optional(),
  /** The last day of a country's designation, where the list gives one: after it, no flag. */
  tpsEndDates: z.record(z.string(), IsoDateSchema).optional(),
});
export type ScreeningContext = z.infer<typeof ScreeningContextSchema>;
