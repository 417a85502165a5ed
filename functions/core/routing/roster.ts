/**
 * The firm's roster (DOMAIN.md "Routing"): who takes new leads, in which languages, where, with
 * which practice focus and how many a day. It is data (`prompts/roster.example.yaml` is the
 * bundled example), validated here so a typo fails at load with the field named, never at the
 * moment a detained client's lead needs an attorney.
 */
import * as z from 'zod';

/** The practice focus areas an attorney can list; routing matches them to the top flag. */
export const FOCUS_AREAS = [
  'detained',
  'asylum',
  'family',
  'youth',
  'crimmigration',
  'appeals',
] as const;
export const FocusSchema = z.enum(FOCUS_AREAS);
export type Focus = z.infer<typeof FocusSchema>;

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A list whose entries appear once (a repeated court or focus is a copy-paste slip). */
const unique = <T extends z.ZodType>(item: T) =>
  z.array(item).refine((list) => new Set(list).size === list.length, 'each entry must appear once');

export const AttorneySchema = z.strictObject({
  /** Stable id, kebab-case ("ana-robles"): stored on the lead and in the daily counts. */
  id: z.string().regex(KEBAB, 'id must be kebab-case, like "ana-robles"'),
  name: z.string().trim().min(1),
  email: z.email(),
  /**
   * Languages the attorney consults in: ISO 639 codes ('en', 'es', 'pt', 'mam') or names
   * ('Portuguese', 'Mixteco'). Codes and names in English or Spanish match each other.
   */
  languages: unique(z.string().trim().min(2)).min(1),
  /** Can consult through an interpreter in a language they do not speak. */
  interpreterAccess: z.boolean().default(false),
  coverage: z
    .strictObject({
      /** USPS state codes ('CA'), matched to the state read from the client's location. */
      states: unique(z.string().regex(/^[A-Z]{2}$/, 'a two-letter state code, like "CA"')).default(
        [],
      ),
      /** Immigration court cities ("San Diego"), matched to the `court` fact. */
      courts: unique(z.string().trim().min(2)).default([]),
      /** Detention facilities visited ("Otay Mesa"), matched to the `facility` fact. */
      facilities: unique(z.string().trim().min(2)).default([]),
    })
    .refine(
      (c) => c.states.length + c.courts.length + c.facilities.length > 0,
      'coverage must list at least one state, court or facility',
    ),
  /** Empty for a generalist: they take any lead but are never preferred for a focus. */
  focus: unique(FocusSchema).default([]),
  /** New leads a day; 0 takes none (on leave, in trial) without removing them from the file. */
  dailyCap: z.number().int().nonnegative(),
  /** Holds the on-call phone: named with the on-call address when an emergency is routed. */
  onCall: z.boolean().default(false),
});
export type Attorney = z.infer<typeof AttorneySchema>;

/** Console roles (API.md "Staff"): an attorney's leads and actions, staff's, and an admin's erase. */
export const STAFF_ROLES = ['attorney', 'staff', 'admin'] as const;
export const StaffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

/** A person of the firm who signs in to the console and takes no leads (paralegal, manager). */
export const StaffEntrySchema = z.strictObject({
  name: z.string().trim().min(1),
  email: z.email(),
  /** `admin` may also erase leads; an attorney's email listed here gets this role instead. */
  role: StaffRoleSchema,
});
export type StaffEntry = z.infer<typeof StaffEntrySchema>;

export const RosterSchema = z
  .strictObject({
    /** The intake team: leads no attorney matched go here. */
    intakeEmail: z.email(),
    /** Every emergency lead also goes here, and again when it is re-offered. */
    onCallEmail: z.email(),
    /** An emergency lead not accepted within this many minutes goes to the next match. */
    escalationMinutes: z.number().int().positive().default(30),
    /** In this order for "ties in turn" (round robin): keep it stable when editing. */
    attorneys: z.array(AttorneySchema),
    /** Who else signs in to the console (the attorneys always may, as `attorney`). */
    staff: z.array(StaffEntrySchema).default([]),
  })
  .superRefine((roster, ctx) => {
    const seen = new Set<string>();
    roster.attorneys.forEach((attorney, index) => {
      if (seen.has(attorney.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['attorneys', index, 'id'],
          message: `duplicate attorney id "${attorney.id}"`,
        });
      }
      seen.add(attorney.id);
    });
    const emails = new Set<string>();
    roster.staff.forEach((entry, index) => {
      const email = entry.email.toLowerCase();
      if (emails.has(email)) {
        ctx.addIssue({
          code: 'custom',
          path: ['staff', index, 'email'],
          message: `${entry.email} is listed twice in staff`,
        });
      }
      emails.add(email);
    });
  });
export type Roster = z.infer<typeof RosterSchema>;

/** A roster that does not pass its schema; the message lists every field at fault. */
export class RosterError extends Error {
  override name = 'RosterError';
}

/**
 * Validates a roster read from YAML or JSON, filling the defaults (`escalationMinutes` 30,
 * `interpreterAccess` and `onCall` false, empty coverage lists and focus).
 *
 * @throws RosterError naming each bad field by its path, e.g. "attorneys.0.email: Invalid email address".
 * @example parseRoster(YAML.parse(readFileSync('prompts/roster.example.yaml', 'utf8'))).attorneys.length // 5
 */
export function parseRoster(data: unknown, source = 'roster'): Roster {
  const result = RosterSchema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new RosterError(`${source} is invalid:\n${lines.join('\n')}`, { cause: result.error });
}
