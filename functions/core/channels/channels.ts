/**
 * The chat service: starts conversations and applies client messages through the store port.
 * It owns the read-apply-save loop that makes two messages arriving together both count, in
 * order, once each.
 */
import type { Content } from '../content';
import {
  ABANDONED_AFTER_SECONDS,
  atCap,
  type Conversation,
  type TranscriptEntry,
} from '../conversation';
import { parseCommand } from '../engine/commands';
import { advance, begin } from '../engine/engine';
import { t } from '../engine/render';
import type { BotMessage, Channel } from '../engine/state';
import { NotFoundError, RateLimitedError } from '../errors';
import type { Language } from '../flow';
import type { Lead } from '../leads/lead';
import type { LeadDeps } from '../leads/leads';
import { leadOfTurn as turnLead } from '../leads/turn';
import type { ConversationStore, SmsStore } from '../ports';
import { MESSAGE_RULE, type RateRule, take } from '../rate-limit';
import { keptUntil } from '../retention';
import { retryOnConflict } from '../retry';
import { phoneOf } from './address';
import { checkToken, tokenMessage } from './web/reading';

export interface ChatDeps {
  store: ConversationStore;
  content: Content;
  now: () => Date;
  newId: () => string;
  /** Where qualified conversations become leads; without it they are only marked qualified. */
  leads?: LeadDeps;
  /** Told about each lead once it is stored, so its summary goes out at once. */
  onLead?: (lead: Lead) => void;
  /**
   * Told once a turn is stored in which the client asked for a person ("persona"): the on-call
   * attorney is emailed that someone waits in the console (functions/core/staff/waiting.ts).
   */
  onWaiting?: (conversation: Conversation) => void;
  /** Messages allowed per conversation and per texter; default MESSAGE_RULE. */
  messageRule?: RateRule;
  /** The SMS lines: erasing a conversation takes its phone's line off it. */
  sms?: SmsStore;
  /** A keyed hash of a client's address, stored as the conversation's origin. */
  originOf?: (address: string) => string;
  /** False when nothing can be texted: "continue by text" is not offered. Default true. */
  texting?: boolean;
  /**
   * The firm's WhatsApp number (E.164, TWILIO_WHATSAPP_FROM without its prefix); without it
   * "continue on WhatsApp" is not offered.
   */
  whatsAppNumber?: string;
}

/** What the engine may offer for moving a conversation: texting, WhatsApp. */
export function channelsOf(deps: Pick<ChatDeps, 'texting' | 'whatsAppNumber'>): TurnChannels {
  return { texting: deps.texting, whatsapp: deps.whatsAppNumber !== undefined };
}

export interface TurnChannels {
  texting?: boolean;
  whatsapp?: boolean;
}

/** Whether the turn just stored was the client asking for a person (and the intake goes on). */
export function asksForPerson(conversation: Conversation): boolean {
  const said = conversation.transcript.findLast((e) => e.role === 'user');
  return (
    conversation.intake.handoff &&
    !conversation.takeover &&
    said !== undefined &&
    parseCommand(said.text)?.kind === 'person'
  );
}

/** The lead to store with this turn, if any (functions/core/leads/turn.ts). */
export async function leadOfTurn(deps: ChatDeps, before: Conversation, after: Conversation) {
  return deps.leads ? turnLead(deps.content, deps.leads, before, after) : undefined;
}

export interface TurnResult {
  conversation: Conversation;
  replies: BotMessage[];
}

const entries = (replies: BotMessage[], at: string): TranscriptEntry[] =>
  replies.map((r) => ({ ...r, at }));

/**
 * Unfinished and unqualified conversations expire after 30 days; a qualified one (the lead's
 * transcript) is kept for the firm's retention period after its last message.
 */
function expiry(content: Content, conversation: Conversation, now: Date): number {
  if (conversation.intake.status === 'qualified') return keptUntil(now, content.firm.retentionDays);
  return Math.floor(now.getTime() / 1000) + ABANDONED_AFTER_SECONDS;
}

/**
 * Creates a conversation and returns its first messages.
 *
 * @example await startConversation(deps, { language: 'en', channel: 'web', tokenHash })
 */
export async function startConversation(
  deps: ChatDeps,
  input: { language: Language; channel: Channel; tokenHash: string; address?: string },
): Promise<TurnResult> {
  const now = deps.now();
  const turn = begin({ content: deps.content, now }, input.language, input.channel);
  const at = now.toISOString();
  const conversation: Conversation = {
    id: deps.newId(),
    tokenHash: input.tokenHash,
    createdAt: at,
    updatedAt: at,
    version: 1,
    intake: turn.state,
    transcript: entries(turn.replies, at),
    origin: input.address && deps.originOf ? deps.originOf(input.address) : undefined,
  };
  conversation.expiresAt = expiry(deps.content, conversation, now);
  await deps.store.create(conversation);
  return { conversation, replies: turn.replies };
}

/** Whether a message asks to erase the conversation, or answers the erase confirmation. */
function erases(conversation: Conversation, text: string): boolean {
  return parseCommand(text)?.kind === 'delete' || conversation.intake.step === 'deleteConfirm';
}

/**
 * Applies one message to a conversation (pure): engine turn, transcript, version, expiry. A
 * conversation at its cap (CONVERSATION_CAPS) comes back unchanged, the same object, with a kind
 * note, unless the message is erasing it.
 */
export function applyMessage(
  content: Content,
  conversation: Conversation,
  text: string,
  now: Date,
  channels: TurnChannels = {},
): TurnResult {
  // Taken over by a person of the firm: the message waits for them, unanswered by the assistant;
  // only erasing ("delete my data") still goes to the assistant, whoever is there.
  if (conversation.takeover && !erases(conversation, text)) {
    const at = now.toISOString();
    const next: Conversation = {
      ...conversation,
      version: conversation.version + 1,
      updatedAt: at,
      transcript: [...conversation.transcript, { role: 'user', text, at }],
    };
    next.expiresAt = expiry(content, next, now);
    return { conversation: next, replies: [] };
  }
  // The phone this conversation is proven to hold (texted from it, or typed the code sent to it).
  const provenPhone = conversation.texts && phoneOf(conversation.texts.phone);
  const turn = advance(
    { content, now, texting: channels.texting, whatsapp: channels.whatsapp, provenPhone },
    conversation.intake,
    text,
  );
  const erasing = turn.state.status === 'deleted' || turn.state.step === 'deleteConfirm';
  if (atCap(conversation) && !erasing) {
    const note = t(content, conversation.intake, 'commands.tooLong');
    return { conversation, replies: [{ role: 'bot', text: note }] };
  }
  const at = now.toISOString();
  const next: Conversation = {
    ...conversation,
    intake: turn.state,
    version: conversation.version + 1,
    updatedAt: at,
    transcript: [
      ...conversation.transcript,
      { role: 'user', text, at },
      ...entries(turn.replies, at),
    ],
  };
  next.expiresAt = expiry(content, next, now);
  return { conversation: next, replies: turn.replies };
}

/**
 * A web chat message: reads the conversation, checks the bearer token (functions/core/channels/
 * web/reading.ts: its hash and its age), takes one message from the allowance (RateLimitedError
 * when spent), applies the message and saves it under optimistic locking; on a lost race it
 * starts again from the newer state, so concurrent messages are all applied, one after the other.
 */
export async function sendMessage(
  deps: ChatDeps,
  id: string,
  text: string,
  token: string,
  /** Runs on the applied turn before it is saved; what it returns runs once it is saved. */
  prepare?: (result: TurnResult) => Promise<() => Promise<void>>,
): Promise<TurnResult> {
  // Someone else's message may land first: then ours is applied again, after theirs.
  return retryOnConflict(async () => {
    const current = await deps.store.get(id);
    if (!current) throw new NotFoundError('conversation');
    const now = deps.now();
    checkToken(token, current, now);
    const allowance = take(current.rate, deps.messageRule ?? MESSAGE_RULE, now);
    if (!allowance.ok) throw new RateLimitedError(allowance.retryAfterSeconds);
    // After a pause the token reads only from this message on (before the turn: its replies
    // must not show answers back either).
    const opened = tokenMessage(current, now);
    const result = applyMessage(deps.content, opened, text, now, channelsOf(deps));
    // At its cap: the kind note, and nothing stored.
    if (result.conversation === opened) return result;
    result.conversation.rate = allowance.bucket;
    const afterSave = prepare ? await prepare(result) : undefined;
    const lead = await leadOfTurn(deps, current, result.conversation);
    if (result.conversation.intake.status === 'deleted')
      await eraseConversation(deps, current.id, phonesOf(current));
    else await deps.store.save(result.conversation, lead);
    if (lead) deps.onLead?.(lead);
    if (asksForPerson(result.conversation)) deps.onWaiting?.(result.conversation);
    await afterSave?.();
    return result;
  });
}

/** The phones whose SMS line may point at a conversation: texted from, linked by code, or typed. */
export function phonesOf(conversation: Conversation): (string | undefined)[] {
  const { texts, intake } = conversation;
  const answered = typeof intake.answers.phone === 'string' ? intake.answers.phone : undefined;
  return [texts?.phone, intake.link?.phone, answered];
}

/**
 * Erases conversation `id` ("delete my data", or staff erasing a lead). When the SMS line of one
 * of `phones` points at it (it went on by text), the line is taken off it in the same
 * transaction, keeping only the number and its opt-out, so STOP stays honoured. Erasing what is
 * gone already changes nothing; a line that changed meanwhile is a VersionConflictError, to retry
 * on a fresh read.
 *
 * @example await eraseConversation(deps, conversation.id, phonesOf(conversation))
 */
export async function eraseConversation(
  deps: Pick<ChatDeps, 'store' | 'sms' | 'now'>,
  id: string,
  phones: Iterable<string | undefined>,
): Promise<void> {
  for (const phone of new Set(phones)) {
    if (!phone || !deps.sms) continue;
    const line = await deps.sms.getLine(phone);
    if (line?.conversationId !== id) continue;
    await deps.sms.commit({
      line: {
        ...line,
        conversationId: undefined,
        recent: [],
        version: line.version + 1,
        updatedAt: deps.now().toISOString(),
      },
      deleteConversationId: id,
    });
    return;
  }
  await deps.store.delete(id);
}
