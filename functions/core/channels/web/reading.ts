/**
 * What a web chat token may still do and read (DOMAIN.md "Safety rules", "Reading back").
 * Whoever picks up the client's browser holds its token, so the token:
 * - goes on with the intake until TOKEN_DAYS after it was last active (issued, or sent a
 *   message); after that it is refused like a wrong one;
 * - reads earlier messages back only within READ_BACK_MINUTES of being active; after a longer
 *   pause it reads only the pending question, asked again. A message sent after the pause is
 *   applied where the intake was (no work is lost) and starts a new reading window at itself, so
 *   sending one is no way back to what came before;
 * - reads an ended intake only as its closing message, in the form that says no answer.
 * Once earlier messages are hidden from it, the intake stops showing answers back
 * (IntakeState.hideAnswers): the closing summary and the closing message say none of them.
 */
import { todayIn } from '../../calendar';
import type { Content } from '../../content';
import type { Conversation, TranscriptEntry } from '../../conversation';
import { ask } from '../../engine/ask';
import { introMessages } from '../../engine/engine';
import { isDone } from '../../engine/state';
import { closingMessages } from '../../engine/summary';
import { NotFoundError, UnauthorizedError } from '../../errors';
import type { ConversationStore } from '../../ports';
import { secretMatches } from '../../secrets';

export const TOKEN_DAYS = 30;
export const READ_BACK_MINUTES = 60;

const MINUTE_MS = 60_000;
const WINDOW_MS = READ_BACK_MINUTES * MINUTE_MS;
const TOKEN_MS = TOKEN_DAYS * 24 * 60 * MINUTE_MS;

/** Why a read leaves earlier messages out: a pause, a chat opened from a texted link, the end. */
export type Hidden = 'pause' | 'link' | 'end';

export interface ReadBack {
  messages: Array<Pick<TranscriptEntry, 'role' | 'text' | 'choices'>>;
  hidden?: Hidden;
  /** Seconds until what this read shows is more than the token may read (0: already so). */
  hidesIn: number;
}

/**
 * When the current web token was last active. Without `tokenActiveAt` (a token that has sent
 * nothing, kept before it existed) it is the first entry the token may read, which was written
 * when the token was issued: a new chat's greeting, or the question a texted link opens at.
 */
export function tokenActiveAt(conversation: Conversation): string {
  const first = conversation.transcript[conversation.readFrom ?? 0];
  return conversation.tokenActiveAt ?? first?.at ?? conversation.createdAt;
}

const sinceActive = (conversation: Conversation, now: Date) =>
  now.getTime() - Date.parse(tokenActiveAt(conversation));

/**
 * The bearer token must be the conversation's and not expired; either failure is a 401.
 *
 * @example checkToken(token, conversation, new Date()) // throws UnauthorizedError 30 days on
 */
export function checkToken(token: string, conversation: Conversation, now: Date): void {
  if (!secretMatches(token, conversation.tokenHash)) throw new UnauthorizedError();
  if (sinceActive(conversation, now) > TOKEN_MS) {
    throw new UnauthorizedError('This chat has expired. Please start a new one.');
  }
}

/**
 * From now on the token reads nothing written before: the next entry is the first it may read,
 * and the intake stops showing answers back. A client choosing which answer to change is taken
 * back to the summary, which now shows none.
 *
 * @example hideEarlier(conversation, 'link').readFrom === conversation.transcript.length
 */
export function hideEarlier(conversation: Conversation, because: 'pause' | 'link'): Conversation {
  const intake = { ...conversation.intake, hideAnswers: true };
  if (intake.step === 'confirmEdit') intake.step = 'confirm';
  return {
    ...conversation,
    intake,
    readFrom: conversation.transcript.length,
    readFromBecause: because,
  };
}

/**
 * A message sent with the token, before it is applied: the token is active now, and after a
 * pause it reads only from this message on.
 *
 * @example tokenMessage(conversation, now).tokenActiveAt === now.toISOString()
 */
export function tokenMessage(conversation: Conversation, now: Date): Conversation {
  const paused = sinceActive(conversation, now) > WINDOW_MS;
  const opened = paused ? hideEarlier(conversation, 'pause') : conversation;
  return { ...opened, tokenActiveAt: now.toISOString() };
}

/**
 * What the token reads of the conversation now.
 *
 * @example readBack(content, conversation, now).hidden // 'pause' an hour after the last message
 */
export function readBack(content: Content, conversation: Conversation, now: Date): ReadBack {
  const left = WINDOW_MS - sinceActive(conversation, now);
  const hidesIn = Math.max(0, Math.ceil(left / 1000));
  const today = todayIn(now, content.firm.timeZone);
  const discreet = { ...conversation.intake, hideAnswers: true };
  if (isDone(conversation.intake)) {
    return { messages: closingMessages(content, discreet, today), hidden: 'end', hidesIn };
  }
  if (left < 0) {
    const ctx = { content, now };
    const pending =
      discreet.step === 'consent' ? introMessages(ctx, discreet) : ask(ctx, discreet, today);
    return { messages: pending, hidden: 'pause', hidesIn };
  }
  const from = conversation.readFrom ?? 0;
  const hidden = from > 0 ? (conversation.readFromBecause ?? 'link') : undefined;
  return { messages: conversation.transcript.slice(from), hidden, hidesIn };
}

/** GET /api/conversations/{id}: the conversation as its token may read it. */
export async function readConversation(
  deps: { store: ConversationStore; content: Content; now: () => Date },
  id: string,
  token: string,
): Promise<{ conversation: Conversation; read: ReadBack }> {
  const conversation = await deps.store.get(id);
  if (!conversation) throw new NotFoundError('conversation');
  const now = deps.now();
  checkToken(token, conversation, now);
  return { conversation, read: readBack(deps.content, conversation, now) };
}
