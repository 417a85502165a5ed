/**
 * A texter's line: one item per address (an SMS number, or a WhatsApp number: each its own) holding
 * which conversation it is in, whether it opted out, and the replies to the recent MessageSids that changed the line (keywords, a new
 * conversation), so a retried webhook gets the same reply and changes nothing. An ordinary text
 * leaves the line alone: its reply is kept on the conversation (`texts`). When the line changes,
 * the line and the conversation are saved in one transaction.
 */
import * as z from 'zod';
import { LanguageSchema } from '../../flow';
import { BucketSchema } from '../../rate-limit';

/**
 * How long a line is kept after it last changed. It must outlive the conversation it points at
 * (30 days after that conversation's last message, and an ordinary text does not touch the line),
 * so it is three times that; a line that opted out is kept for good, so STOP stays honoured.
 */
export const LINE_KEPT_SECONDS = 90 * 24 * 60 * 60;

/** Epoch seconds when DynamoDB may delete the line; none for an opted-out number. */
export function lineExpiry(line: Pick<SmsLine, 'optedOut' | 'updatedAt'>): number | undefined {
  if (line.optedOut) return undefined;
  return Math.floor(Date.parse(line.updatedAt) / 1000) + LINE_KEPT_SECONDS;
}

/** Codes for "continue on WhatsApp" that may wait on one number at once (30 minutes each). */
export const WAITING_CODES = 10;

/** How many recent MessageSids a line remembers; Twilio retries within seconds, not days. */
export const RECENT_SIDS = 25;

export const SmsLineSchema = z.strictObject({
  /** The address: an E.164 number (SMS) or `whatsapp:+E164` (functions/core/channels/address.ts). */
  phone: z.string().regex(/^(whatsapp:)?\+[1-9]\d{6,14}$/),
  conversationId: z.string().optional(),
  optedOut: z.boolean(),
  /** When it last said STOP: hearing reminders agreed to before then stay stopped after START. */
  optedOutAt: z.string().optional(),
  language: LanguageSchema,
  /** Bumped on every save, like a conversation's. */
  version: z.number().int().positive(),
  updatedAt: z.string(),
  recent: z.array(z.strictObject({ sid: z.string(), bodies: z.array(z.string()) })),
  /** The number's message allowance (functions/core/rate-limit.ts); keywords never spend it. */
  rate: BucketSchema.optional(),
  /**
   * A WhatsApp line waiting for codes shown in web chats ("continue on WhatsApp"), one per
   * conversation that asked: the client sends theirs from this WhatsApp, which points the line at
   * that conversation (functions/core/channels/linking.ts). Several wait side by side, so a code
   * asked for this number by someone else never replaces the client's own. Only hashes are kept;
   * `tries` counts the wrong codes this WhatsApp sent.
   */
  pending: z
    .strictObject({
      codes: z
        .array(
          z.strictObject({
            conversationId: z.string(),
            codeHash: z.string(),
            expiresAt: z.string(),
          }),
        )
        .max(WAITING_CODES),
      tries: z.number().int().nonnegative(),
    })
    .optional(),
  /** Set from lineExpiry on every save; DynamoDB's TTL deletes the line after it. */
  expiresAt: z.number().int().positive().optional(),
});
export type SmsLine = z.infer<typeof SmsLineSchema>;
