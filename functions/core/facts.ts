/**
 * The facts an intake collects, by the ids of DOMAIN.md's fact table. The ids are a contract:
 * integrations, the lead summary and the end-to-end checks read them as they are.
 *
 * Values are stored normalised, never as the client typed them:
 * - yes/no facts: 'yes' | 'no' (and 'unsure' or 'prefer-not' where the table allows it)
 * - dates: ISO 'YYYY-MM-DD', or 'YYYY-MM' / 'YYYY' where only month or year is known
 * - aNumber: 'A' + 9 digits; phone: E.164; citizenship: ISO 3166-1 alpha-2 ('SV', 'MX')
 */
import * as z from 'zod';

export const YesNoSchema = z.enum(['yes', 'no']);
export const YesNoUnsureSchema = z.enum(['yes', 'no', 'unsure']);
export const YesNoPreferNotSchema = z.enum(['yes', 'no', 'prefer-not']);

/** 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'. */
export const PartialDateSchema = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);
/** A full calendar date, 'YYYY-MM-DD'. */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const US_FAMILY_VALUES = [
  'spouse-usc',
  'spouse-lpr',
  'parent-usc',
  'parent-lpr',
  'child-usc',
  'child-lpr',
  'none',
] as const;
export const UsFamilySchema = z.enum(US_FAMILY_VALUES);
export type UsFamily = z.infer<typeof UsFamilySchema>;

export const WRITER_RELATIONSHIPS = [
  'spouse',
  'parent',
  'child',
  'sibling',
  'relative',
  'friend',
  'other',
] as const;

export const ARREST_SETTINGS = [
  'home',
  'work',
  'traffic',
  'county-jail',
  'check-in',
  'court',
  'border',
  'other',
  'unsure',
] as const;

export const PRIOR_REMOVAL_KINDS = [
  'judge',
  'border',
  'voluntary-departure',
  'never',
  'unsure',
] as const;

export const PRIOR_APPLICATIONS = [
  'asylum',
  'daca',
  'tps',
  'family-petition',
  'u-visa',
  'other',
  'none',
] as const;

export const ENTRY_MANNERS = ['inspected', 'without-inspection', 'parole', 'other'] as const;

export const FactsSchema = z
  .object({
    aboutSelf: YesNoSchema,
    /** The writer's relationship to the person (only when aboutSelf = no). */
    writerRelationship: z.enum(WRITER_RELATIONSHIPS),
    detained: YesNoUnsureSchema,
    /** Where the arrest happened (only if detained or unsure). */
    arrestSetting: z.enum(ARREST_SETTINGS),
    facility: z.string(),
    aNumber: z.string().regex(/^A\d{9}$/),
    detainedSince: PartialDateSchema,
    /** ICE already set a bond (the amount stays in the client's own words). */
    bondSet: YesNoUnsureSchema,
    /** Signed any papers in detention. */
    signedPapers: YesNoUnsureSchema,
    /** Serious illness, daily medication or pregnancy (what, in the client's own words). */
    healthNeeds: YesNoSchema,
    /** The next ICE check-in or ISAP appointment (not detained). */
    nextCheckInDate: IsoDateSchema,
    hasCourtCase: YesNoUnsureSchema,
    nextHearingDate: IsoDateSchema,
    court: z.string(),
    removalOrder: YesNoUnsureSchema,
    /** The most recent removal order (asked only after removalOrder = yes). */
    orderDate: PartialDateSchema,
    missedHearing: YesNoSchema,
    reenteredAfterRemoval: YesNoSchema,
    /** How they were sent back before (the year stays in the client's own words). */
    priorRemovalKind: z.array(z.enum(PRIOR_REMOVAL_KINDS)).min(1),
    citizenship: z.string().regex(/^[A-Z]{2}$/),
    entryDate: PartialDateSchema,
    /** When they first came to live in the US, if before the last arrival (entryDate). */
    firstEntryDate: PartialDateSchema,
    entryManner: z.enum(ENTRY_MANNERS),
    isLpr: YesNoSchema,
    lprSince: PartialDateSchema,
    usFamily: z.array(UsFamilySchema).min(1),
    /** Age of the oldest US-citizen child (only if usFamily has child-usc). */
    oldestUscChildAge: z.number().int().min(0).max(120),
    /** Applications made before (multi-select). */
    priorApplications: z.array(z.enum(PRIOR_APPLICATIONS)).min(1),
    /** A parent was a US citizen at the client's birth, or became one before the client was 18. */
    parentCitizen: YesNoUnsureSchema,
    fearOfReturn: YesNoSchema,
    crimeVictim: YesNoSchema,
    helpedPolice: YesNoSchema,
    trafficking: YesNoSchema,
    /**
     * Hurt, threatened or controlled by a spouse or ex, a parent, or a son or daughter, whatever
     * their status (an addition to DOMAIN.md's table: it asks `abusedByFamily` in two questions).
     */
    familyHarm: YesNoSchema,
    abusedByFamily: YesNoSchema,
    birthDate: PartialDateSchema,
    abusedByParent: YesNoSchema,
    criminalHistory: YesNoPreferNotSchema,
    represented: YesNoSchema,
    adverseParties: z.string(),
    name: z.string(),
    phone: z.string().regex(/^\+[1-9]\d{6,14}$/),
    email: z.string().email(),
    location: z.string(),
    /** 'en', 'es', or the name of another language as the client wrote it. */
    preferredLanguage: z.string().min(1),
    safeToContact: YesNoSchema,
  })
  .partial();

export type Facts = z.infer<typeof FactsSchema>;
export type FactId = keyof Facts;
export const FACT_IDS = Object.keys(FactsSchema.shape) as FactId[];
