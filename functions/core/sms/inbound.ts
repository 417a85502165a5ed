/**
 * One inbound text message, start to finish: keywords (STOP, HELP, START and their Spanish
 * forms) first, then the intake. A MessageSid already answered gets its stored reply and changes
 * nothing; a lost race re-reads and tries again, so overlapping retries advance the conversation
 * once.
 */
import { applyMessage, leadOfTurn } from '../chat';
import { ABANDONED_AFTER_SECONDS, type Conversation, VersionConflictError } from '../conversation';
import { begin } from '../engine';
import { t } from '../engine/render';
import type { BotMessage } from '../engine/state';
import { BusyError, RateLimitedError } from '../errors';
import type { Language } from '../flow';
import type { Lead } from '../lead';
import { normalize } from '../parse/normalize';
import { MESSAGE_RULE, take } from '../rate-limit';
import { keywordLanguage, smsKeyword } from './keywords';
import { RECENT_SIDS, type SmsLine, type SmsTurnWrite } from './line';
import { fillWebLink, type LinkDeps } from './links';
import { renderSms } from './render';

export interface SmsDeps extends LinkDeps {
  /** A fresh token hash for a conversation started by text (its web token is never handed out). */
  newTokenHash: () => string;
}

export interface InboundSms {
  sid: string;
  from: string;
  body: string;
}

const MAX_ATTEMPTS = 25;

// Words that make a first message Spanish: the first reply should already be in the right language.
const SPANISH =
  /\b(hola|buenas|buenos|ayuda|necesito|por favor|mi|esposo|esposa|hijo|hija|detenido|detenida|migra|abogado|tengo|quiero|que|como|espanol)\b/;

function firstLanguage(body: string): Language {
  return keywordLanguage(body) === 'es' || SPANISH.test(normalize(body)) ? 'es' : 'en';
}

/**
 * Handles one inbound SMS and returns the SMS bodies to send back (possibly none).
 *
 * @example await handleInboundSms(deps, { sid: 'SM…', from: '+12133734253', body: 'hola' })
 */
export async function handleInboundSms(deps: SmsDeps, inbound: InboundSms): Promise<string[]> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    // First on what this process last knew of the line: the commit's version check catches a
    // stale one, and the retry reads it afresh.
    const line = await (attempt === 1 ? deps.sms.lastKnownLine : deps.sms.getLine)(inbound.from);
    const seen = line?.recent.find((r) => r.sid === inbound.sid);
    if (seen) return seen.bodies;
    const write = await turn(deps, line, inbound);
    try {
      await deps.sms.commit(write.write);
      if (write.write.lead) deps.onLead?.(write.write.lead);
      return write.bodies;
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      await new Promise((resolve) =>
        setTimeout(resolve, Math.random() * Math.min(200, 10 * attempt)),
      );
    }
  }
  throw new BusyError();
}

async function turn(
  deps: SmsDeps,
  line: SmsLine | undefined,
  inbound: InboundSms,
): Promise<{ write: SmsTurnWrite; bodies: string[] }> {
  const now = deps.now();
  const at = now.toISOString();
  const keyword = smsKeyword(inbound.body);
  const language: Language =
    (keyword && keywordLanguage(inbound.body)) || line?.language || firstLanguage(inbound.body);
  const base: SmsLine = line
    ? { ...line, version: line.version + 1, updatedAt: at }
    : { phone: inbound.from, optedOut: false, language, version: 1, updatedAt: at, recent: [] };
  const remember = (next: SmsLine, bodies: string[]) => ({
    ...next,
    recent: [...next.recent, { sid: inbound.sid, bodies }].slice(-RECENT_SIDS),
  });
  const say = (key: string) =>
    renderSms([{ role: 'bot', text: t(deps.content, { language, answers: {} }, key) }], language);

  if (keyword === 'opt-out') {
    // One confirmation, then silence until START.
    const bodies = base.optedOut ? [] : say('sms.optedOut');
    return { write: { line: remember({ ...base, optedOut: true, language }, bodies) }, bodies };
  }
  if (keyword === 'opt-in') {
    const bodies = say('sms.optedIn');
    return { write: { line: remember({ ...base, optedOut: false, language }, bodies) }, bodies };
  }
  // STOP, START and HELP always work; anything else spends the number's allowance.
  const allowance =
    keyword === 'help' ? undefined : take(line?.rate, deps.messageRule ?? MESSAGE_RULE, now);
  if (allowance && !allowance.ok) throw new RateLimitedError(allowance.retryAfterSeconds);
  if (allowance?.ok) base.rate = allowance.bucket;
  if (base.optedOut) {
    // Nothing is ever sent to an opted-out number, not even an error.
    return { write: { line: remember(base, []) }, bodies: [] };
  }
  if (keyword === 'help') {
    const bodies = say('sms.help');
    return { write: { line: remember(base, bodies) }, bodies };
  }

  const current = line?.conversationId ? await deps.store.get(line.conversationId) : undefined;
  let conversation: Conversation;
  let replies: BotMessage[];
  let lead: Lead | undefined;
  if (current?.intake.status !== 'active') {
    // A first message, or a new one after an intake ended: a new conversation; the old record stays.
    const started = begin({ content: deps.content, now }, language, 'sms');
    // The number they text from is the number to reach them; the summary lets them change it.
    started.state.answers.phone = inbound.from;
    conversation = {
      id: deps.newId(),
      tokenHash: deps.newTokenHash(),
      createdAt: at,
      updatedAt: at,
      version: 1,
      expiresAt: Math.floor(now.getTime() / 1000) + ABANDONED_AFTER_SECONDS,
      intake: started.state,
      transcript: [
        { role: 'user', text: inbound.body, at },
        ...started.replies.map((r) => ({ ...r, at })),
      ],
    };
    replies = started.replies;
  } else {
    const applied = applyMessage(deps.content, current, inbound.body, now);
    if (applied.conversation === current) {
      // At its cap: the kind note, and only the line (this MessageSid's reply) stored.
      const bodies = renderSms(applied.replies, current.intake.language);
      return { write: { line: remember(base, bodies) }, bodies };
    }
    conversation = applied.conversation;
    lead = await leadOfTurn(deps, current, conversation);
    replies = fillWebLink(deps, conversation, applied.replies);
  }
  const intakeLanguage = conversation.intake.language;
  const bodies = renderSms(replies, intakeLanguage);
  const next = remember(
    { ...base, language: intakeLanguage, conversationId: conversation.id },
    bodies,
  );
  if (conversation.intake.status === 'deleted') {
    return {
      write: {
        line: { ...next, conversationId: undefined },
        deleteConversationId: conversation.id,
      },
      bodies,
    };
  }
  return { write: { line: next, conversation, lead }, bodies };
}
