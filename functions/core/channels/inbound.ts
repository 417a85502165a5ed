/**
 * One inbound text message, by SMS or WhatsApp, start to finish: keywords (STOP, HELP, START and
 * their Spanish forms) first, then the intake. The two channels differ only in their address
 * (functions/core/channels/address.ts), how replies are rendered, and what WhatsApp adds: voice
 * notes, photos and locations get a kind "please type", and a code sent for "continue on
 * WhatsApp" moves a conversation here (functions/core/channels/linking.ts). A MessageSid already answered gets its stored reply and changes
 * nothing; a lost race re-reads and tries again, so overlapping retries advance the conversation
 * once.
 */

import { ABANDONED_AFTER_SECONDS, type Conversation } from '../conversation';
import { begin, takesEnded } from '../engine/engine';
import { t } from '../engine/render';
import { RateLimitedError, VersionConflictError } from '../errors';
import type { Language } from '../flow';
import type { Lead } from '../leads/lead';
import { normalize } from '../parse/normalize';
import type { SmsTurnWrite } from '../ports';
import { type Bucket, MESSAGE_RULE, take } from '../rate-limit';
import { retryOnConflict } from '../retry';
import { isWhatsApp, phoneOf } from './address';
import { applyMessage, asksForPerson, channelsOf, leadOfTurn } from './channels';
import { keywordLanguage, smsKeyword } from './keywords';
import {
  fillWebLink,
  type LinkDeps,
  prepareLinks,
  sentBodies,
  takeWhatsAppCode,
  whatsAppCodeSaid,
} from './linking';
import { RECENT_SIDS, type SmsLine } from './sms/line';
import { renderSms } from './sms/render';
import { renderWhatsApp } from './whatsapp/render';

export interface SmsDeps extends LinkDeps {
  /** A fresh token hash for a conversation started by text (its web token is never handed out). */
  newTokenHash: () => string;
}

export interface InboundSms {
  sid: string;
  /** The texter's address: `+E164` by SMS, `whatsapp:+E164` by WhatsApp. */
  from: string;
  body: string;
  /** A voice note, photo, file or location came (WhatsApp): with no text, it cannot be read. */
  media?: boolean;
}

/** The channel an address writes on, and how its replies are made. */
function channelOf(address: string) {
  return isWhatsApp(address)
    ? ({ channel: 'whatsapp', render: renderWhatsApp } as const)
    : ({ channel: 'sms', render: renderSms } as const);
}

// Words that make a first message Spanish: the first reply should already be in the right language.
const SPANISH =
  /\b(hola|buenas|buenos|ayuda|necesito|por favor|mi|esposo|esposa|hijo|hija|detenido|detenida|migra|abogado|tengo|quiero|que|como|espanol)\b/;

function firstLanguage(body: string): Language {
  return keywordLanguage(body) === 'es' || SPANISH.test(normalize(body)) ? 'es' : 'en';
}

/** What one inbound text comes to: nothing to write (a retry), the line's transaction, or a save. */
type Outcome = (
  | { bodies: string[]; kind: 'replay' }
  | { bodies: string[]; kind: 'commit'; write: SmsTurnWrite }
  | { bodies: string[]; kind: 'save'; conversation: Conversation; lead?: Lead }
) & {
  /** What to do once it is stored: a code to text for "continue by text" from WhatsApp. */
  after?: () => Promise<void>;
};

/**
 * Handles one inbound SMS or WhatsApp message and returns the bodies to send back (possibly none).
 *
 * An ordinary text to the texter's current conversation writes only that conversation (its
 * `texts` holds the replies to its recent MessageSids and shows it is the phone's conversation);
 * the line is written, with the conversation in one transaction, when it changes: a new
 * conversation, STOP and START, a switch of channels, erasing.
 *
 * @example await handleInboundSms(deps, { sid: 'SM…', from: '+12133734253', body: 'hola' })
 */
export async function handleInboundSms(deps: SmsDeps, inbound: InboundSms): Promise<string[]> {
  return retryOnConflict(async (attempt) => {
    // First on what this process last knew of the line; a stale one is caught (a conversation
    // that is no longer the phone's, or a line whose version moved) and the turn runs again on
    // a fresh read.
    const fresh = attempt > 1;
    const line = await (fresh ? deps.sms.getLine : deps.sms.lastKnownLine)(inbound.from);
    const seen = line?.recent.find((r) => r.sid === inbound.sid);
    if (seen) return sentBodies(deps, seen.bodies, inbound.sid);
    const outcome = await turn(deps, line, inbound, fresh);
    if (outcome.kind === 'commit') {
      await deps.sms.commit(outcome.write);
      if (outcome.write.lead) deps.onLead?.(outcome.write.lead);
    } else if (outcome.kind === 'save') {
      await deps.store.save(outcome.conversation, outcome.lead);
      if (outcome.lead) deps.onLead?.(outcome.lead);
    }
    const written =
      outcome.kind === 'commit'
        ? outcome.write.conversation
        : outcome.kind === 'save'
          ? outcome.conversation
          : undefined;
    if (written && asksForPerson(written)) deps.onWaiting?.(written);
    await outcome.after?.();
    return outcome.bodies;
  });
}

/** Takes one message from a bucket, or refuses the text with 429. */
function spend(deps: SmsDeps, bucket: Bucket | undefined, now: Date): Bucket {
  const allowance = take(bucket, deps.messageRule ?? MESSAGE_RULE, now);
  if (!allowance.ok) throw new RateLimitedError(allowance.retryAfterSeconds);
  return allowance.bucket;
}

async function turn(
  deps: SmsDeps,
  line: SmsLine | undefined,
  inbound: InboundSms,
  fresh: boolean,
): Promise<Outcome> {
  const now = deps.now();
  const at = now.toISOString();
  // The line's key; the conversation's proven phone is the number in it.
  const phone = inbound.from;
  const { channel, render } = channelOf(phone);
  const keyword = smsKeyword(inbound.body);
  const current = line?.conversationId ? await deps.store.get(line.conversationId) : undefined;
  // A Spanish keyword answers in Spanish; STOP, HELP and the other English ones answer in the
  // language of the texter's conversation.
  const language: Language =
    (keyword && keywordLanguage(inbound.body) === 'es' ? 'es' : undefined) ||
    current?.intake.language ||
    line?.language ||
    (keyword ? 'en' : firstLanguage(inbound.body));
  const base: SmsLine = line
    ? { ...line, version: line.version + 1, updatedAt: at }
    : { phone, optedOut: false, language, version: 1, updatedAt: at, recent: [] };
  // What is kept for a retried webhook: the bodies, without a web link's secret.
  let keep = (bodies: string[]) => bodies;
  const remember = (next: SmsLine, bodies: string[], carried: SmsLine['recent'] = []) => ({
    ...next,
    recent: [...next.recent, ...carried, { sid: inbound.sid, bodies: keep(bodies) }].slice(
      -RECENT_SIDS,
    ),
  });
  const say = (key: string) =>
    render([{ role: 'bot', text: t(deps.content, { language, answers: {} }, key) }], language);
  const lineOnly = (next: SmsLine, bodies: string[]): Outcome => ({
    kind: 'commit',
    write: { line: remember(next, bodies) },
    bodies,
  });

  const replay = current?.texts?.recent.find((r) => r.sid === inbound.sid);
  if (replay) return { kind: 'replay', bodies: sentBodies(deps, replay.bodies, inbound.sid) };
  // The conversation still carries this phone's texts exactly when the line still points at it.
  const linked = current?.texts?.phone === phone;
  // An ended intake takes a text only to be erased or about its hearing reminders; on a fresh
  // read of the line, so it is surely the one the texter is in.
  const continuing =
    current?.intake.status === 'active' ||
    (current !== undefined && takesEnded(deps, current.intake, inbound.body));
  if (current && continuing && !fresh && (!linked || current.intake.status !== 'active')) {
    throw new VersionConflictError('sms line', base.version - 1);
  }
  // STOP (and a switch away) takes the phone off its conversation in the same transaction.
  const unlinked =
    current && linked
      ? { ...current, texts: undefined, version: current.version + 1, updatedAt: at }
      : undefined;

  if (keyword === 'opt-out') {
    // One confirmation, then silence until START.
    const bodies = base.optedOut ? [] : say('sms.optedOut');
    return {
      kind: 'commit',
      write: {
        line: remember({ ...base, optedOut: true, optedOutAt: at, language }, bodies),
        conversation: unlinked,
      },
      bodies,
    };
  }
  if (keyword === 'opt-in') {
    return lineOnly({ ...base, optedOut: false, language }, say('sms.optedIn'));
  }
  if (keyword === 'help') return lineOnly(base, say('sms.help'));
  if (base.optedOut) {
    // Nothing is ever sent to an opted-out number, not even an error.
    return lineOnly({ ...base, rate: spend(deps, base.rate, now) }, []);
  }
  if (inbound.media && !inbound.body) {
    // A voice note, a photo or a location: the intake reads words only.
    return lineOnly({ ...base, rate: spend(deps, base.rate, now) }, say('whatsapp.pleaseType'));
  }
  if (base.pending && whatsAppCodeSaid(inbound.body)) {
    // The code shown in a web chat for "continue on WhatsApp", sent from this WhatsApp.
    const taken = await takeWhatsAppCode(deps, base, inbound.body, now);
    if (taken.kind === 'wrong') return lineOnly(taken.line, render(taken.replies, language));
    const conversation = taken.conversation;
    const bodies = render(taken.replies, conversation.intake.language);
    conversation.texts = { phone, recent: [{ sid: inbound.sid, bodies }] };
    const next = {
      ...taken.line,
      language: conversation.intake.language,
      conversationId: conversation.id,
    };
    return { kind: 'commit', write: { line: remember(next, bodies), conversation }, bodies };
  }

  if (current && continuing) {
    const rate = spend(deps, current.rate, now);
    // The replies go out on this channel, so they are made for it (by text: no A-number,
    // criminal history or adverse parties), whatever channel the conversation was last on.
    const here =
      current.intake.channel === channel
        ? current
        : { ...current, intake: { ...current.intake, channel } };
    const applied = applyMessage(deps.content, here, inbound.body, now, channelsOf(deps));
    if (applied.conversation === here) {
      // At its cap: the kind note, and only the line (this MessageSid's reply) stored.
      return lineOnly(base, render(applied.replies, current.intake.language));
    }
    const conversation = { ...applied.conversation, rate };
    const lead = await leadOfTurn(deps, current, conversation);
    const filled = fillWebLink(deps, conversation, applied.replies, inbound.sid);
    // A code for "continue by text" (WhatsApp to SMS) or "continue on WhatsApp" (SMS to
    // WhatsApp), shown or texted once the turn is stored.
    const prepared = await prepareLinks(deps, { conversation, replies: filled.replies });
    keep = (bodies) => prepared.keep(filled.keep(bodies));
    const after = prepared.after;
    const bodies = render(prepared.replies, conversation.intake.language);
    if (conversation.intake.status === 'deleted') {
      return {
        kind: 'commit',
        write: {
          // Nothing of the erased conversation stays on the line: only this text's reply.
          line: remember({ ...base, conversationId: undefined, recent: [] }, bodies),
          deleteConversationId: conversation.id,
        },
        bodies,
        after,
      };
    }
    conversation.texts = {
      phone,
      recent: [...(current.texts?.recent ?? []), { sid: inbound.sid, bodies: keep(bodies) }].slice(
        -RECENT_SIDS,
      ),
    };
    if (linked) return { kind: 'save', conversation, lead, bodies, after };
    // The line points here but the conversation did not know (after START, or a switch from
    // the web): both are written, so the next text is an ordinary one.
    const next = {
      ...base,
      language: conversation.intake.language,
      conversationId: conversation.id,
    };
    return {
      kind: 'commit',
      write: { line: remember(next, bodies), conversation, lead },
      bodies,
      after,
    };
  }

  // A first message, or a new one after an intake ended: a new conversation; the old record stays.
  // The allowance carries over from the phone's last conversation.
  const rate = spend(deps, linked ? current?.rate : base.rate, now);
  const started = begin({ content: deps.content, now }, language, channel);
  // The number they text from is the number to reach them; the summary lets them change it.
  started.state.answers.phone = phoneOf(phone);
  const bodies = render(started.replies, started.state.language);
  const conversation: Conversation = {
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
    rate,
    texts: { phone, recent: [{ sid: inbound.sid, bodies }] },
  };
  // The ended conversation's recent replies move to the line: a late retry of its last text
  // must still find its reply, not start the new intake over.
  const next = {
    ...base,
    rate,
    language: conversation.intake.language,
    conversationId: conversation.id,
  };
  return {
    kind: 'commit',
    write: { line: remember(next, bodies, linked ? current?.texts?.recent : []), conversation },
    bodies,
  };
}
