/**
 * Live takeover (API.md "Staff"): a person of the firm steps into a client's conversation, on the
 * web, by SMS or by WhatsApp. The assistant pauses (channels.ts applyMessage: the client's messages wait,
 * unanswered by it), the client is told a person joined, staff messages reach the client by
 * their channel (a text; the web widget reads them within seconds), and a release hands back to
 * the assistant at the pending question. Each step is recorded in the transcript with its role.
 *
 * On SMS, nothing goes to an opted-out number, and to a number not safe to contact only while
 * the client is texting (their last message under 15 minutes ago): the console is told why not.
 * The same on WhatsApp; and there, after 24 hours of the client's silence only an approved template may go
 * (functions/core/channels/whatsapp/outbound.ts), else a text if the number is safe, else nothing.
 */
import { todayIn } from '../calendar';
import { renderSms } from '../channels/sms/render';
import {
  messageWhatsAppClient,
  type TemplateSids,
  writingNow,
} from '../channels/whatsapp/outbound';
import type { Content } from '../content';
import type { Conversation, TranscriptEntry } from '../conversation';
import { ask } from '../engine/ask';
import { t } from '../engine/render';
import { type BotMessage, isDone } from '../engine/state';
import { NotFoundError } from '../errors';
import type { ConversationStore, Logger, SmsSender, SmsStore } from '../ports';
import { retryOnConflict } from '../retry';
import type { StaffMember } from './sign-in';

export interface TakeoverDeps {
  store: ConversationStore;
  sms: SmsStore;
  sender: SmsSender;
  content: Content;
  now: () => Date;
  log: Logger;
  /** WhatsApp template SIDs (WHATSAPP_TEMPLATES), for a message after 24 hours of silence. */
  whatsAppTemplates?: TemplateSids;
}

/** Why a takeover step could not be done. */
export class TakeoverError extends Error {
  override name = 'TakeoverError';
  constructor(
    readonly reason: 'ended' | 'not-taken' | 'taken-by-other',
    message: string,
  ) {
    super(message);
  }
}

/** How a staff message reached the client, or why it did not. */
export type Delivery =
  | { by: 'web' }
  | { by: 'sms'; sent: true }
  | { by: 'sms'; sent: false; why: 'opted-out' | 'not-safe' | 'no-phone' }
  | { by: 'whatsapp'; sent: true; template: boolean }
  | { by: 'whatsapp'; sent: false; why: 'opted-out' | 'not-safe' | 'no-phone' | 'no-template' };

/**
 * A conversation's live view for the console: every entry with its role and index, from `after`
 * on (the console polls with the last index it has), who has it, and whether it is waiting.
 */
export function liveView(conversation: Conversation, after = 0) {
  return {
    conversationId: conversation.id,
    channel: conversation.intake.channel,
    language: conversation.intake.language,
    step: conversation.intake.step,
    done: isDone(conversation.intake),
    takeover: conversation.takeover ?? null,
    seq: conversation.transcript.length,
    messages: conversation.transcript.slice(Math.max(0, after)).map((e, i) => ({
      index: Math.max(0, after) + i,
      role: e.role,
      text: e.text,
      at: e.at,
      ...(e.name ? { name: e.name } : {}),
    })),
  };
}

async function read(deps: TakeoverDeps, id: string): Promise<Conversation> {
  const conversation = await deps.store.get(id);
  if (!conversation) throw new NotFoundError('The conversation');
  return conversation;
}

/** Appends entries and saves under the version read (the caller retries on a lost race). */
async function append(
  deps: TakeoverDeps,
  conversation: Conversation,
  entries: TranscriptEntry[],
  change: Partial<Conversation> = {},
): Promise<Conversation> {
  const at = deps.now().toISOString();
  const next: Conversation = {
    ...conversation,
    ...change,
    version: conversation.version + 1,
    updatedAt: at,
    transcript: [...conversation.transcript, ...entries],
  };
  await deps.store.save(next);
  return next;
}

/**
 * Sends staff messages to a texting conversation's phone within the rules, or says why not: only
 * to the line still pointing at this conversation, never after a STOP, and to a number not safe
 * to contact only while the client is writing. By SMS as is; by WhatsApp through the 24-hour
 * window's rules (whatsAppClient).
 */
async function textClient(
  deps: TakeoverDeps,
  conversation: Conversation,
  messages: BotMessage[],
): Promise<Delivery> {
  const by = conversation.intake.channel;
  if (by === 'web') return { by: 'web' };
  const address = conversation.texts?.phone;
  const line = address ? await deps.sms.getLine(address) : undefined;
  if (!address || !line || line.optedOut || line.conversationId !== conversation.id) {
    return { by, sent: false, why: line?.optedOut ? 'opted-out' : 'no-phone' };
  }
  const lastFromClient = conversation.transcript.findLast((e) => e.role === 'user')?.at;
  if (by === 'whatsapp')
    return whatsAppClient(deps, conversation, messages, address, lastFromClient);
  const safe = conversation.intake.answers.safeToContact;
  if (safe === 'no' && !writingNow(lastFromClient, deps.now())) {
    return { by: 'sms', sent: false, why: 'not-safe' };
  }
  for (const body of renderSms(messages, conversation.intake.language)) {
    await deps.sender.send({ to: address, body });
  }
  return { by: 'sms', sent: true };
}

/**
 * A staff message to a WhatsApp client whose line holds this conversation: by WhatsApp within 24
 * hours of their last message, as the `staffMessage` template after that, by SMS to a safe number
 * without one, else not sent (functions/core/channels/whatsapp/outbound.ts).
 */
async function whatsAppClient(
  deps: TakeoverDeps,
  conversation: Conversation,
  messages: BotMessage[],
  address: string,
  lastFromClient: string | undefined,
): Promise<Delivery> {
  const { language, answers } = conversation.intake;
  const text = messages.map((m) => m.text).join('\n\n');
  const reached = await messageWhatsAppClient(
    { ...deps, templates: deps.whatsAppTemplates },
    {
      phone: address,
      language,
      text,
      template: 'staffMessage',
      variables: [deps.content.firm.name, text],
      lastFromClient,
      safeToText: answers.safeToContact === 'yes',
      notSafe: answers.safeToContact === 'no',
    },
  );
  if (reached.by === 'none') return { by: 'whatsapp', sent: false, why: reached.why };
  if (reached.by === 'sms') return { by: 'sms', sent: true };
  return { by: 'whatsapp', sent: true, template: reached.template };
}

/**
 * Takes a conversation over for `member`: the assistant pauses and the client is told a person
 * joined. Taking over one's own again is fine; another's is refused (they must release it).
 */
export async function takeOver(deps: TakeoverDeps, id: string, member: StaffMember) {
  let said = '';
  const conversation = await retryOnConflict(async () => {
    const current = await read(deps, id);
    if (isDone(current.intake)) {
      throw new TakeoverError('ended', 'This conversation has ended.');
    }
    if (current.takeover) {
      if (current.takeover.by === member.email) return current;
      throw new TakeoverError('taken-by-other', `${current.takeover.name} has it now.`);
    }
    const at = deps.now().toISOString();
    said = t(deps.content, current.intake, 'takeover.joined', { name: member.name });
    return append(deps, current, [{ role: 'bot', text: said, at }], {
      takeover: { by: member.email, name: member.name, at },
    });
  });
  const delivery = said
    ? await textClient(deps, conversation, [{ role: 'bot', text: said }])
    : { by: 'web' as const };
  deps.log.info('takeover', { conversationId: id, by: member.email });
  return { conversation, delivery };
}

/** A staff message to the client, by their channel; the conversation must be theirs now. */
export async function staffSays(deps: TakeoverDeps, id: string, member: StaffMember, text: string) {
  const conversation = await retryOnConflict(async () => {
    const current = await read(deps, id);
    if (current.takeover?.by !== member.email) {
      throw new TakeoverError('not-taken', 'Take the conversation over first.');
    }
    const at = deps.now().toISOString();
    return append(deps, current, [{ role: 'staff', text, at, name: member.name }]);
  });
  const delivery = await textClient(deps, conversation, [{ role: 'bot', text }]);
  return { conversation, delivery };
}

/**
 * Hands the conversation back to the assistant, which asks its pending question again (said to
 * the client by their channel). Releasing one nobody has is fine; another's, an admin may.
 */
export async function release(deps: TakeoverDeps, id: string, member: StaffMember) {
  let said: BotMessage[] = [];
  const conversation = await retryOnConflict(async () => {
    const current = await read(deps, id);
    if (!current.takeover) return current;
    if (current.takeover.by !== member.email && member.role !== 'admin') {
      throw new TakeoverError('taken-by-other', `${current.takeover.name} has it now.`);
    }
    const now = deps.now();
    const at = now.toISOString();
    const left = t(deps.content, current.intake, 'takeover.released', {
      name: current.takeover.name,
    });
    const pending = isDone(current.intake)
      ? []
      : ask(
          { content: deps.content, now },
          current.intake,
          todayIn(now, deps.content.firm.timeZone),
        );
    said = [{ role: 'bot', text: left }, ...pending];
    return append(
      deps,
      current,
      [{ role: 'bot', text: left, at }, ...pending.map((m) => ({ ...m, at }))],
      { takeover: undefined },
    );
  });
  const delivery = said.length
    ? await textClient(deps, conversation, said)
    : { by: 'web' as const };
  deps.log.info('takeover_released', { conversationId: id, by: member.email });
  return { conversation, delivery };
}
