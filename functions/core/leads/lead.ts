/**
 * A lead: a qualified intake on its way to an attorney (DOMAIN.md "Qualified lead", "Routing",
 * "The lead summary"). Its own item, written in the same transaction as the conversation's final
 * state; the email is sent from it, never before it is stored.
 */
import * as z from 'zod';
import { ConflictMatchSchema } from '../conflicts/conflicts';
import { AskedQuestionSchema, ChannelSchema } from '../engine/state';
import { FactsSchema } from '../facts';
import { OutboundSchema } from '../integrations/events';
import { RemindersSchema } from '../reminders/reminders';
import { FlagSchema, UrgencySchema } from '../screening/screening';

export const RoutingDecisionSchema = z.strictObject({
  /** The attorney it went to; null when no attorney matched and it went to the intake team. */
  attorneyId: z.string().nullable(),
  /** Every address the summary goes to (the attorney, on-call for emergencies, or intake). */
  to: z.array(z.string().email()).min(1),
  /** Why, in plain words, rule by rule: "speaks es", "covers CA", "focus detained", "fewest today". */
  reasons: z.array(z.string()),
  /** The reasons in one line, for an attorney: "Ana Robles: speaks Spanish, covers …". */
  because: z.string().optional(),
  at: z.string(),
});
export type RoutingDecision = z.infer<typeof RoutingDecisionSchema>;

export const ContactSchema = z.strictObject({
  name: z.string().optional(),
  /** The person writing, when the intake is about someone else. */
  writerName: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  safeToContact: z.enum(['yes', 'no']).optional(),
  safeContactAlternative: z.string().optional(),
});

/** Why an attorney declined: a conflict of interest stops it being offered at the firm. */
export const DECLINE_REASONS = ['conflict', 'capacity', 'outside-practice', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** One field of a lead that changed in an update: its key, and its value before and after. */
export const LeadChangeSchema = z.strictObject({
  /** A fact id, or `contact.<key>`, `urgency`, `flags`, `intake`. */
  field: z.string(),
  before: z.string().optional(),
  after: z.string().optional(),
});
export type LeadChange = z.infer<typeof LeadChangeSchema>;

export const LeadUpdateSchema = z.strictObject({
  at: z.string(),
  /** Why it was updated: the rest of an emergency intake, or a second intake from the phone. */
  reason: z.enum(['intake-continued', 'intake-ended', 'second-intake']),
  changes: z.array(LeadChangeSchema),
});
export type LeadUpdate = z.infer<typeof LeadUpdateSchema>;

/** Where the firm is with the client, set by staff in the console (API.md "Staff"). */
export const LEAD_STAGES = [
  'new',
  'contacted',
  'consult-booked',
  'retained',
  'not-retained',
  'closed',
] as const;
export const LeadStageSchema = z.enum(LEAD_STAGES);
export type LeadStage = z.infer<typeof LeadStageSchema>;

/** A staff member's note on a lead: who (their email), when, and what. */
export const LeadNoteSchema = z.strictObject({
  at: z.string(),
  by: z.string(),
  text: z.string(),
});
export type LeadNote = z.infer<typeof LeadNoteSchema>;

export const LeadSchema = z.strictObject({
  leadId: z.string(),
  /** The conversation of its latest intake: the transcript its email links to. */
  conversationId: z.string(),
  /** The conversations of earlier intakes merged into it, so erasing the lead erases them too. */
  earlierConversationIds: z.array(z.string()).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int().positive(),
  channel: ChannelSchema,
  /** The language for the consultation ('en', 'es' or another named by the client). */
  language: z.string(),
  urgency: UrgencySchema,
  urgencyReasons: z.array(z.string()),
  flags: z.array(FlagSchema),
  facts: FactsSchema,
  /** What the client typed for each fact, beside its parsed value, by fact id. */
  said: z.record(z.string(), z.string()).optional(),
  contact: ContactSchema,
  questions: z.array(AskedQuestionSchema),
  represented: z.boolean(),
  handoff: z.boolean(),
  routing: RoutingDecisionSchema,
  status: z.enum(['new', 'accepted', 'declined']),
  /** Attorneys it was offered to and who declined or did not answer in time. */
  offeredTo: z.array(z.string()).optional(),
  acceptedBy: z.strictObject({ attorneyId: z.string(), at: z.string() }).optional(),
  /**
   * Who declined it, why and when, oldest first. A `conflict` ends its offers at the firm:
   * it is not offered to anyone else (status 'declined').
   */
  declines: z
    .array(
      z.strictObject({
        attorneyId: z.string(),
        reason: z.enum(DECLINE_REASONS),
        at: z.string(),
      }),
    )
    .optional(),
  /**
   * Whether the client's phone is proven theirs (they texted from it, or typed the code texted to
   * it); only a proven phone's lead is found again by the phone, and merged into.
   */
  phoneProven: z.boolean().optional(),
  /** An open lead of the same phone that this unproven intake did not merge into, for staff. */
  possibleDuplicateOf: z.string().optional(),
  /** Where its conversation was started from, as a keyed hash (Conversation.origin). */
  origin: z.string().optional(),
  /**
   * How far the intake behind it got: an emergency's lead goes out while the client is still
   * answering ('in-progress', DOMAIN.md "Emergencies first"), and is updated when it ends
   * ('complete', or 'referred' when the rest showed it out of the service area). Absent: complete.
   */
  intake: z.enum(['in-progress', 'complete', 'referred']).optional(),
  /**
   * What changed each time it was sent again after it first went out (DOMAIN.md "Lead updates"),
   * oldest first. The last one is the email's "What changed" box while it has not gone out yet.
   */
  updates: z.array(LeadUpdateSchema).optional(),
  /**
   * Possible conflicts: rows of the firm's conflict list that may be the client or an adverse
   * party (functions/core/conflicts/), surest first. Shown first; never declines anything.
   */
  conflicts: z.array(ConflictMatchSchema).optional(),
  /** The console's status; absent: 'new'. Separate from `status`, the offer to attorneys. */
  stage: LeadStageSchema.optional(),
  /** Staff notes, oldest first. */
  notes: z.array(LeadNoteSchema).optional(),
  /** Hearing reminders the client said yes to (functions/core/reminders/reminders.ts). */
  reminders: RemindersSchema.optional(),
  /**
   * The lead's events for the firm's webhooks and Clio Grow waiting to go out, and what was
   * announced already (functions/core/integrations/events.ts). Absent until the first is owed.
   */
  outbound: OutboundSchema.optional(),
  delivery: z.strictObject({
    /** pending → sending (claimed by one worker until claimedUntil) → sent; failed after many tries. */
    status: z.enum(['pending', 'sending', 'sent', 'failed']),
    claimedUntil: z.string().optional(),
    attempts: z.number().int().nonnegative(),
    nextAttemptAt: z.string().optional(),
    sentAt: z.string().optional(),
    /** Addresses the current routing's summary reached already; a retry sends to the others. */
    sentTo: z.array(z.string()).optional(),
    /** The error's name only: never a message that could quote the client. */
    lastError: z.string().optional(),
  }),
});
export type Lead = z.infer<typeof LeadSchema>;

/** An open lead of a phone number: a second intake within 30 days updates it (DOMAIN.md). */
export const OPEN_LEAD_DAYS = 30;
