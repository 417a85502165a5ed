/**
 * The format of a conversation transcript (`test/conversations/*.yaml`): what a client types, one
 * message at a time, what the assistant must answer, and what the intake must come to. It is
 * written for a lawyer to read and add to, so it says things the way the product does: steps by
 * their flow id, flags and urgency by the ids of DOMAIN.md, facts by DOMAIN.md's fact ids.
 *
 * A transcript looks like this:
 *
 *   title: A wife writes in Spanish the night her husband was detained
 *   language: es            # the language the chat starts in (en | es)
 *   channel: web            # web | sms
 *   now: 2026-11-25T22:30:00-08:00   # the conversation's clock: "today", "next Tuesday", deadlines
 *   opening: ["asesoría legal"]      # optional: in the disclaimers shown before the first message
 *   turns:
 *     - user: si            # what the client types
 *       step: matter        # optional: the question asked after this message (API state.step)
 *       bot: ["¿En qué"]    # optional: must appear in the assistant's replies to this message
 *     - ...
 *   expect:                 # checked once the last message is sent
 *     status: qualified     # qualified | referred | declined | deleted | active
 *     urgency: emergency    # emergency | high | normal
 *     flags: [bond]         # exactly these relief flags, in any order
 *     facts: { detained: "yes", phone: "+12133734253" }   # these answers, as stored (normalised)
 *
 * An intake that is not finished (the client stopped answering) ends with `status: active`; its
 * `facts`, `skipped` and `notAsked` are the answers so far. Urgency, flags and reasons come with
 * an ended intake's outcome, so they are checked only once the intake has ended.
 *
 * Texts to look for are plain substrings, matched ignoring case and accents ("senal" finds
 * "señal"), or a regular expression written between slashes: "/\d+ days left/".
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';
import { ChannelSchema, IntakeStatusSchema } from '../../functions/core/engine/state';
import { FACT_IDS } from '../../functions/core/facts';
import { LanguageSchema } from '../../functions/core/flow';
import { FlagIdSchema, UrgencySchema } from '../../functions/core/screening/screening';

/** A client message or a stored answer: YAML reads `1` or `2008` as numbers, the engine text. */
const TextSchema = z.union([z.string(), z.number()]).transform(String);

/** One text to look for, or several; always a list once read. */
const PatternsSchema = z
  .union([z.string().min(1), z.array(z.string().min(1))])
  .transform((value) => (Array.isArray(value) ? value : [value]));

/** The answers a transcript may check: DOMAIN.md's facts plus the flow's own steps. */
const ANSWER_IDS = [...FACT_IDS, 'matter', 'writerName', 'safeContactAlternative'] as const;

export const TurnSchema = z.strictObject({
  /** What the client types. */
  user: TextSchema,
  /** The step the intake is on after this message: the question it just asked. */
  step: z.string().min(1).optional(),
  /** Texts that must appear in the assistant's replies to this message. */
  bot: PatternsSchema.optional(),
  /** Texts that must not appear in the assistant's replies to this message. */
  botNot: PatternsSchema.optional(),
  /** Button labels the replies must offer (substrings, like `bot`). */
  buttons: PatternsSchema.optional(),
  /** The language the assistant writes in after this message. */
  language: LanguageSchema.optional(),
  /**
   * This message is a question, answered from the knowledge base before the pending question is
   * asked again. Every other message must be read as an answer or a command, never a question.
   */
  question: z.boolean().optional(),
});
export type TranscriptTurn = z.infer<typeof TurnSchema>;

export const ExpectSchema = z.strictObject({
  status: IntakeStatusSchema,
  urgency: UrgencySchema.optional(),
  /** Exactly this set of relief flags (order does not matter). */
  flags: z.array(FlagIdSchema).optional(),
  /** Texts that must appear in a flag's reasons, by flag id. */
  flagReasons: z.partialRecord(FlagIdSchema, PatternsSchema).optional(),
  /** Texts that must appear in a flag's complications (what may bar or weaken it), by flag id. */
  flagComplications: z.partialRecord(FlagIdSchema, PatternsSchema).optional(),
  /** Texts that must appear in the urgency's reasons. */
  urgencyReasons: PatternsSchema.optional(),
  /**
   * These answers, as stored: yes/no values, ISO dates, E.164 phones, country codes, and numbers
   * for the number facts (`oldestUscChildAge: 12`). A YAML number stays a number here, so a year
   * stored as text is quoted (`entryDate: "2012"`).
   */
  facts: z
    .partialRecord(z.enum(ANSWER_IDS), z.union([z.number(), z.string(), z.array(z.string())]))
    .optional(),
  /** Questions that must not have been asked or answered (they do not apply to this client). */
  notAsked: z.array(z.enum(ANSWER_IDS)).optional(),
  /** Questions the client chose to skip. */
  skipped: z.array(z.enum(ANSWER_IDS)).optional(),
  /** Codes of why the intake ended this way ('out-of-area', 'asked-for-person', ...). */
  reasons: z.array(z.string().min(1)).optional(),
  /** Texts that must never appear in any message of the assistant, the opening included. */
  botNever: PatternsSchema.optional(),
  /** The language the conversation ends in. */
  language: LanguageSchema.optional(),
  /** Nothing the client said is kept: no answers, no skipped questions, no history. */
  erased: z.boolean().optional(),
});
export type TranscriptExpect = z.infer<typeof ExpectSchema>;

export const TranscriptSchema = z.strictObject({
  title: z.string().min(1),
  language: LanguageSchema,
  channel: ChannelSchema,
  /** An ISO date-time with its UTC offset, so the day is the same wherever the tests run. */
  now: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
  /** Texts that must appear in the disclaimers and consent question shown before any message. */
  opening: PatternsSchema.optional(),
  turns: z.array(TurnSchema).min(1),
  expect: ExpectSchema,
});
export type Transcript = z.infer<typeof TranscriptSchema>;

export class TranscriptError extends Error {
  override name = 'TranscriptError';
}

/**
 * Reads and validates one transcript file; a malformed one throws with every problem listed.
 *
 * @example loadTranscript('test/conversations/01-detained-husband-es-web.yaml').turns[0]?.user // 'si'
 */
export function loadTranscript(path: string): Transcript {
  let data: unknown;
  try {
    data = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new TranscriptError(`${basename(path)} is not valid YAML: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const result = TranscriptSchema.safeParse(data);
  if (result.success) return result.data;
  throw new TranscriptError(
    `${basename(path)} is not a valid transcript:\n${z.prettifyError(result.error)}`,
  );
}

/** Case and accents do not matter in a plain text to look for: "senal" finds "Señal". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Whether `text` contains `pattern`: a plain substring (case and accents ignored), or a regular
 * expression written as "/source/flags".
 *
 * @example matches('Tiene 46 days left', '/\\d+ days left/') // true
 */
export function matches(text: string, pattern: string): boolean {
  const regex = /^\/(.+)\/([dgimsuvy]*)$/s.exec(pattern);
  if (regex) return new RegExp(regex[1] ?? '', regex[2]).test(text);
  return fold(text).includes(fold(pattern));
}
