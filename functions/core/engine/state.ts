/**
 * The engine's state for one intake. It is stored inside the conversation item; everything in it
 * is plain JSON so it round-trips through DynamoDB unchanged and is validated when read back.
 */
import * as z from 'zod';
import { LanguageSchema } from '../flow';
import { ScreeningSchema } from '../screening/screening';

export const ChannelSchema = z.enum(['web', 'sms', 'whatsapp']);
export type Channel = z.infer<typeof ChannelSchema>;

/**
 * Whether replies go out as text messages (SMS or WhatsApp): short answers, numbered choices, and
 * never an A-number, criminal history or adverse parties (DOMAIN.md "Safety rules", API.md
 * "WhatsApp": the same rules as SMS).
 */
export function texted(channel: Channel): boolean {
  return channel !== 'web';
}

export const IntakeStatusSchema = z.enum([
  'active',
  'qualified',
  'referred',
  'declined',
  'deleted',
]);
export type IntakeStatus = z.infer<typeof IntakeStatusSchema>;

/** One showing of the disclaimers and consent text: the audit trail DOMAIN.md asks for. */
export const DisclosureSchema = z.strictObject({
  version: z.string(),
  language: LanguageSchema,
  channel: ChannelSchema,
  at: z.string(),
});

export const ConsentSchema = z.strictObject({
  given: z.boolean(),
  version: z.string(),
  language: LanguageSchema,
  channel: ChannelSchema,
  at: z.string(),
});

export const OutcomeSchema = z.strictObject({
  status: z.enum(['qualified', 'referred', 'declined']),
  /** Why this status: machine-readable codes ('out-of-area', 'not-immigration', ...). */
  reasons: z.array(z.string()),
  screening: ScreeningSchema.optional(),
  represented: z.boolean().default(false),
  handoff: z.boolean().default(false),
  at: z.string(),
});
export type Outcome = z.infer<typeof OutcomeSchema>;

/** A question the client asked in their own words, and the article that answered it, if any. */
export const AskedQuestionSchema = z.strictObject({
  text: z.string(),
  at: z.string(),
  step: z.string(),
  articleId: z.string().nullable(),
});
export type AskedQuestion = z.infer<typeof AskedQuestionSchema>;

export const BotMessageSchema = z.strictObject({
  role: z.literal('bot'),
  text: z.string(),
  choices: z.array(z.strictObject({ value: z.string(), label: z.string() })).optional(),
});
export type BotMessage = z.infer<typeof BotMessageSchema>;
export type Choice = NonNullable<BotMessage['choices']>[number];

/**
 * What the engine asks the service to do once the turn is saved: it cannot send a text or make a
 * secret itself (no I/O, no randomness).
 */
export const EffectSchema = z.discriminatedUnion('kind', [
  /** Make a one-time code, keep its hash on `link`, and text it to `phone`. */
  z.strictObject({ kind: z.literal('send-code'), phone: z.string() }),
  /** The phone is verified: point its SMS line at this conversation and text it `messages`. */
  z.strictObject({
    kind: z.literal('text-now'),
    phone: z.string(),
    messages: z.array(BotMessageSchema),
  }),
  /** Make a one-time web link and put it where the reply says {link}. */
  z.strictObject({ kind: z.literal('web-link') }),
  /**
   * "continue on WhatsApp": make a code, show it where the reply says {code}, and wait for it
   * from `phone`'s WhatsApp (functions/core/channels/linking.ts): the client sends it, so the
   * firm starts no WhatsApp message (no template needed) and nothing goes to a typed number.
   */
  z.strictObject({ kind: z.literal('whatsapp-code'), phone: z.string() }),
]);
export type Effect = z.infer<typeof EffectSchema>;

/** A code texted to a phone to prove the web client holds it ("continue by text"). */
export const PhoneLinkSchema = z.strictObject({
  phone: z.string(),
  /** SHA-256 of the code, hex; the code itself is only in the text message. */
  codeHash: z.string(),
  expiresAt: z.string(),
  tries: z.number().int().nonnegative(),
});

export const IntakeStateSchema = z.strictObject({
  language: LanguageSchema,
  channel: ChannelSchema,
  step: z.string(),
  status: IntakeStatusSchema,
  /** Answers by step id, normalised by the parsers; fact steps hold DOMAIN.md's fact values. */
  answers: z.record(z.string(), z.unknown()),
  /**
   * What the client typed for each answer, beside its parsed value (DOMAIN.md: "si, lo
   * deportaron en 2015" is `yes`, and the year stays readable to the attorney).
   */
  said: z.record(z.string(), z.string()).default({}),
  /** Optional steps the client chose to skip. */
  skipped: z.array(z.string()),
  /** Steps answered or skipped, in order: what `back` walks. */
  history: z.array(z.string()),
  /** Failed attempts at the current step. */
  attempts: z.number().int().nonnegative(),
  /** The client asked to talk to a person: only the contact steps remain. */
  handoff: z.boolean(),
  /** Where `deleteConfirm` returns when the client says no. */
  resumeStep: z.string().optional(),
  disclosures: z.array(DisclosureSchema),
  consent: ConsentSchema.optional(),
  outcome: OutcomeSchema.optional(),
  /** Questions asked along the way, in the client's words: they go into the lead summary. */
  questions: z.array(AskedQuestionSchema).default([]),
  effects: z.array(EffectSchema).default([]),
  link: PhoneLinkSchema.optional(),
  /** The phone asked for (`linkPhone`) is for WhatsApp, not for a texted code. */
  linkTo: z.literal('whatsapp').optional(),
  /**
   * Codes texted for "continue by text" in this conversation, and wrong codes typed, whatever
   * code they were for: a new code does not give new tries (DOMAIN.md "Safety rules").
   */
  codes: z
    .strictObject({ sent: z.number().int().nonnegative(), tries: z.number().int().nonnegative() })
    .optional(),
  /**
   * Nothing answered is shown back any more: the web token that holds this chat no longer reads
   * its earlier messages (a pause of over an hour, or a chat opened from a link texted for "web";
   * functions/core/channels/web/reading.ts), so the closing summary and the closing message say
   * none of the answers. A new intake (restart) starts without it.
   */
  hideAnswers: z.boolean().optional(),
  /**
   * The lead made from this intake before it ended (an emergency's, DOMAIN.md "Emergencies
   * first"), set by the service when it stores it. From then on the firm holds the answers: they
   * are erased by asking the firm, as after the end.
   */
  leadId: z.string().optional(),
  /**
   * Facts read from the client's own words (understand/story.ts) for questions not reached yet,
   * with the words they came from: each is taken as its question's answer when that question
   * comes up and applies, so nothing said is asked again. From the first message, only once the
   * client confirmed it (step `heard`).
   */
  heard: z.record(z.string(), z.strictObject({ value: z.unknown(), said: z.string() })).default({}),
  /** The client's yes or no to hearing reminders (engine/reminders.ts), with the offer's version. */
  reminders: ConsentSchema.optional(),
  /** The first message's story, said back and waiting for the client's yes (step `heard`). */
  story: z
    .strictObject({
      step: z.string(),
      facts: z.record(z.string(), z.unknown()),
      who: z.string().optional(),
      said: z.string(),
    })
    .optional(),
});
export type IntakeState = z.infer<typeof IntakeStateSchema>;

/** True once the intake has ended (API.md's `state.done`). */
export function isDone(state: IntakeState): boolean {
  return state.status !== 'active';
}
