/**
 * The machine-readable `lead.json` attached to every lead email, for the firm's CRM (DOMAIN.md "The
 * lead summary", API.md "Leads"). A contract like the HTTP API: keys are added, never renamed.
 *
 * DOMAIN.md's keys: `leadId`, `urgency`, `flags` (id and reasons), `facts` (by DOMAIN.md's fact
 * ids), `contact`, `routedTo` and `language`. Added (documented in the README): `urgencyReasons`
 * (the urgency "comes with its reasons" like the flags), `createdAt`, and `questions` (what the
 * client asked, in their own words), which a CRM would otherwise have to scrape from the body;
 * `phoneProven` and `possibleDuplicateOf` (DOMAIN.md "Safety rules": a typed phone is anyone's);
 * `intake` and `updates` (DOMAIN.md "Emergencies first", "Lead updates"); `said`, the client's own
 * words beside each parsed fact; `conflicts`, the possible matches in the firm's conflict list
 * (API.md "Outbound integrations"), each with its score and why; `status`, `acceptedBy` and
 * `stage` (the offer to attorneys and the console's stage, which the `lead.accepted` and
 * `lead.status` webhook events announce: README "Signed webhooks").
 */
import * as z from 'zod';
import { ConflictMatchSchema } from '../conflicts/conflicts';
import { FactsSchema } from '../facts';
import { FlagIdSchema, UrgencySchema } from '../screening/screening';
import { ContactSchema, type Lead, LeadStageSchema, LeadUpdateSchema } from './lead';

export const LeadJsonSchema = z.strictObject({
  leadId: z.string().min(1),
  createdAt: z.string(),
  urgency: UrgencySchema,
  urgencyReasons: z.array(z.string()),
  /** DOMAIN.md: each flag with its reasons, complications and missing information. */
  flags: z.array(
    z.strictObject({
      id: FlagIdSchema,
      reasons: z.array(z.string()),
      complications: z.array(z.string()),
      missing: z.array(z.string()),
    }),
  ),
  facts: FactsSchema,
  /** What the client typed for each fact, by fact id: "si, lo deportaron en 2015" beside `yes`. */
  said: z.record(z.string(), z.string()),
  contact: ContactSchema,
  routedTo: z.strictObject({
    /** null when no attorney matched and the lead went to the intake team. */
    attorneyId: z.string().nullable(),
    to: z.array(z.string()).min(1),
  }),
  /** The language for the consultation: 'en', 'es', or another named by the client. */
  language: z.string(),
  questions: z.array(z.strictObject({ text: z.string(), at: z.string() })),
  /** An open lead of the same phone this intake, whose phone was only typed, did not merge into. */
  possibleDuplicateOf: z.string().optional(),
  /** Whether the client's phone was proven theirs (texted from, or by the code texted to it). */
  phoneProven: z.boolean(),
  /** 'in-progress' while an emergency's client is still answering; then 'complete' or 'referred'. */
  intake: z.enum(['in-progress', 'complete', 'referred']),
  /** Each time it was sent again after it first went out: when, why, and what changed. */
  updates: z.array(LeadUpdateSchema),
  /** Rows of the firm's conflict list that may be the client or an adverse party, surest first. */
  conflicts: z.array(ConflictMatchSchema),
  /** The offer to attorneys: 'new' until one accepts; 'declined' when a conflict ended it. */
  status: z.enum(['new', 'accepted', 'declined']),
  /** Who accepted it, and when. */
  acceptedBy: z.strictObject({ attorneyId: z.string(), at: z.string() }).optional(),
  /** Where the firm is with the client, set in the console: new → contacted → … → closed. */
  stage: LeadStageSchema,
});
export type LeadJson = z.infer<typeof LeadJsonSchema>;

/**
 * The `lead.json` content of a lead. Sensitive facts (A-number, criminal history, adverse parties)
 * are included: the attachment goes only to the firm, and the conflict check needs the names.
 *
 * @example
 * leadJson(lead); // → { leadId: 'L1', urgency: 'emergency', flags: [{ id: 'bond', reasons: [...] }], ... }
 */
export function leadJson(lead: Lead): LeadJson {
  return {
    leadId: lead.leadId,
    createdAt: lead.createdAt,
    urgency: lead.urgency,
    urgencyReasons: lead.urgencyReasons,
    flags: lead.flags.map((flag) => ({
      id: flag.id,
      reasons: flag.reasons,
      complications: flag.complications,
      missing: flag.missing,
    })),
    facts: lead.facts,
    said: lead.said ?? {},
    contact: lead.contact,
    routedTo: { attorneyId: lead.routing.attorneyId, to: lead.routing.to },
    language: lead.language,
    questions: lead.questions.map((q) => ({ text: q.text, at: q.at })),
    possibleDuplicateOf: lead.possibleDuplicateOf,
    phoneProven: lead.phoneProven === true,
    intake: lead.intake ?? 'complete',
    updates: lead.updates ?? [],
    conflicts: lead.conflicts ?? [],
    status: lead.status,
    acceptedBy: lead.acceptedBy,
    stage: lead.stage ?? 'new',
  };
}
