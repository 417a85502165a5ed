/**
 * A conversation: the intake state, the transcript and the credentials of its web token. This
 * file also declares the store port the adapters implement and the errors they raise, so that
 * nothing above the adapters ever sees a raw SDK error.
 */
import * as z from 'zod';
import { BotMessageSchema, IntakeStateSchema } from './engine/state';
import { BucketSchema } from './rate-limit';

export const TranscriptEntrySchema = z.strictObject({
  /** `staff`: a person of the firm, writing in the console during a takeover. */
  role: z.enum(['bot', 'user', 'staff']),
  text: z.string(),
  /** A staff message's writer as the client sees them (their name, never their email). */
  name: z.string().optional(),
  choices: BotMessageSchema.shape.choices,
  at: z.string(),
});
export type TranscriptEntry = z.infer<typeof TranscriptEntrySchema>;

export const ConversationSchema = z.strictObject({
  id: z.string().min(1),
  /** SHA-256 of the bearer token, hex. The token itself is never stored. */
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Bumped on every save; a save expecting another version fails (optimistic locking). */
  version: z.number().int().positive(),
  /** Epoch seconds when DynamoDB TTL may delete it; absent for kept conversations. */
  expiresAt: z.number().int().positive().optional(),
  intake: IntakeStateSchema,
  transcript: z.array(TranscriptEntrySchema),
  /**
   * A person of the firm has taken the conversation over in the console (API.md "Staff"): the
   * assistant is paused, the client's messages wait for them, until they release it.
   */
  takeover: z
    .strictObject({
      /** The staff member's email (the console's audit names them by it). */
      by: z.string(),
      /** Their name, shown to the client. */
      name: z.string(),
      at: z.string(),
    })
    .optional(),
  /** A one-time link texted to continue on the web: SHA-256 of its secret, and when it expires. */
  webLink: z.strictObject({ secretHash: z.string(), expiresAt: z.string() }).optional(),
  /**
   * The first transcript entry the current web token may read. A conversation opened on the web
   * from a link texted for "web" starts reading at its pending question: whoever holds the phone
   * may not be the client, so nothing answered before is shown (DOMAIN.md "Safety rules"); a
   * message sent after a pause of over an hour starts reading at itself.
   */
  readFrom: z.number().int().nonnegative().optional(),
  /** Why entries before `readFrom` are hidden: a pause of over an hour, or a texted link. */
  readFromBecause: z.enum(['pause', 'link']).optional(),
  /**
   * When the current web token was issued or last sent a message: it reads earlier messages back
   * for an hour after, and expires 30 days after (functions/core/channels/web/reading.ts).
   */
  tokenActiveAt: z.string().optional(),
  /** The conversation's message allowance (functions/core/rate-limit.ts). */
  rate: BucketSchema.optional(),
  /**
   * Where it was started from: a keyed hash of the client's address (ChatDeps.originOf), never
   * the address. Its lead carries it, so a flood of emergencies from one address pages the
   * on-call attorney once an hour, not once each (functions/core/leads/delivery.ts).
   */
  origin: z.string().optional(),
  /**
   * Present while this is the current conversation of a phone's SMS line: the phone, and the
   * replies to its recent MessageSids, so a retried webhook gets the same reply. Removed in the
   * same transaction that points the line elsewhere or opts it out.
   */
  texts: z
    .strictObject({
      phone: z.string(),
      recent: z.array(z.strictObject({ sid: z.string(), bodies: z.array(z.string()) })),
    })
    .optional(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

/**
 * How long a conversation may grow. A whole intake with questions is under 100 messages and
 * 40 KB; past these, messages are answered with a kind note and not stored (erasing still
 * works), so no item nears DynamoDB's 400 KB limit and no script can grow one without end.
 */
export const CONVERSATION_CAPS = { userMessages: 250, transcriptBytes: 200_000 };

/** True when the conversation has reached a cap of CONVERSATION_CAPS. */
export function atCap(conversation: Conversation): boolean {
  let users = 0;
  let bytes = 0;
  for (const entry of conversation.transcript) {
    if (entry.role === 'user') users++;
    bytes += Buffer.byteLength(entry.text) + 64;
  }
  return users >= CONVERSATION_CAPS.userMessages || bytes >= CONVERSATION_CAPS.transcriptBytes;
}

/** Unfinished conversations are erased 30 days after their last message (DOMAIN.md privacy). */
export const ABANDONED_AFTER_SECONDS = 30 * 24 * 60 * 60;
