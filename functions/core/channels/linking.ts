/**
 * Carrying out the engine's channel effects (functions/core/engine/linking.ts): the code texted
 * for "continue by text", pointing the phone's line at the conversation once verified, and the
 * one-time link for "web". Secrets are made here, stored only as hashes, and never logged.
 */

import { todayIn } from '../calendar';
import type { Conversation } from '../conversation';
import { ask, bot } from '../engine/ask';
import { MAX_CODE_TRIES } from '../engine/linking';
import { t } from '../engine/render';
import { ForbiddenError } from '../errors';
import type { LimitStore, Logger, SmsSender, SmsStore } from '../ports';
import { retryOnConflict } from '../retry';
import { hashSecret, secretMatches } from '../secrets';
import { whatsAppAddress } from './address';
import type { ChatDeps, TurnResult } from './channels';
import { type SmsLine, WAITING_CODES } from './sms/line';
import { renderSms } from './sms/render';
import { hideEarlier } from './web/reading';

export interface LinkDeps extends ChatDeps {
  sms: SmsStore;
  sender: SmsSender;
  /** Texts to one number an hour, and the firm's hourly budget, across every process. */
  limits: LimitStore;
  log: Logger;
  /** Six random digits. */
  newCode: () => string;
  /**
   * The secret of the one-time web link asked for by the text `sid`: at least 128 bits,
   * URL-safe, made with a key the table does not hold, the same for a retry of that text.
   */
  webLinkSecret: (conversationId: string, sid: string) => string;
  /** PUBLIC_BASE_URL, for the web link. */
  publicBaseUrl: string;
}

const CODE_MINUTES = 10;
/** Codes one number may be texted in an hour, whichever conversations ask (DOMAIN.md). */
export const CODES_PER_NUMBER_HOUR = 3;
const HOUR_SECONDS = 3_600;

/**
 * Whether a code may be texted to `phone` now: at most CODES_PER_NUMBER_HOUR to one number and
 * the firm's `textsPerHour` in all, in any hour. When not, nothing is sent and the chat reads
 * the same: it must not tell whoever typed a number whether someone else asked for it.
 */
async function mayTextCode(deps: LinkDeps, phone: string, now: Date): Promise<boolean> {
  const { limits } = deps;
  if (!(await limits.take(`codes:number:${phone}`, CODES_PER_NUMBER_HOUR, HOUR_SECONDS, now))) {
    deps.log.info('code_not_sent', { reason: 'number-hourly-limit' });
    return false;
  }
  const budget = deps.content.firm.textsPerHour;
  if (!(await limits.take('codes:firm', budget, HOUR_SECONDS, now))) {
    deps.log.error('code_not_sent', { reason: 'firm-hourly-budget', budget });
    return false;
  }
  return true;
}
const WEB_LINK_MINUTES = 30;

const later = (now: Date, minutes: number) =>
  new Date(now.getTime() + minutes * 60_000).toISOString();

/** How long a code for "continue on WhatsApp" may be sent from WhatsApp. */
const WHATSAPP_CODE_MINUTES = 30;

/** The turn's replies with its codes filled in, what of them may be stored, and what to do next. */
export interface PreparedLinks {
  replies: TurnResult['replies'];
  /** Bodies as they may be stored for a retried webhook: without a code. */
  keep: (bodies: string[]) => string[];
  /** Once the turn is saved: text the code, or wait for it on the WhatsApp line. */
  after: () => Promise<void>;
}

/**
 * Before a web turn is saved: a requested code is made and its hash kept on the conversation.
 * The web chat's `prepare` (functions/core/channels/channels.ts sendMessage): the replies are
 * filled in on `result`, and what it returns runs once the turn is saved.
 */
export async function prepareTextLink(
  deps: LinkDeps,
  result: TurnResult,
): Promise<() => Promise<void>> {
  const prepared = await prepareLinks(deps, result);
  result.replies = prepared.replies;
  return prepared.after;
}

/**
 * Before a turn is saved, on any channel: a code requested for "continue by text" is made, its
 * hash kept on the conversation, and texted once the turn is saved, unless the phone opted out of
 * texts or a texting limit is reached (mayTextCode). Then nothing is sent, but the chat reads
 * exactly as for any number (DOMAIN.md "Safety rules"): a different answer would tell anyone who
 * types a number that its owner wrote to the firm. A code for "continue on WhatsApp" is shown in
 * the replies instead (the client sends it from their WhatsApp: functions/core/channels/
 * inbound.ts), and waits on that number's WhatsApp line; the transcript says "[code]".
 */
export async function prepareLinks(deps: LinkDeps, result: TurnResult): Promise<PreparedLinks> {
  const { conversation } = result;
  const intake = conversation.intake;
  const now = deps.now();
  const actions: Array<() => Promise<void>> = [];
  let replies = result.replies;
  let keep = (bodies: string[]) => bodies;
  for (const effect of intake.effects) {
    if (effect.kind === 'whatsapp-code' && deps.whatsAppNumber) {
      const code = deps.newCode();
      const number = deps.whatsAppNumber;
      const open = `${number} (https://wa.me/${number.replace(/\D/g, '')}?text=${code})`;
      const fill = (text: string, shown: string, whatsapp: string) =>
        text.replaceAll('{code}', shown).replaceAll('{whatsapp}', whatsapp);
      replies = replies.map((r) => ({ ...r, text: fill(r.text, code, open) }));
      conversation.transcript = conversation.transcript.map((e) =>
        e.role === 'bot' ? { ...e, text: fill(e.text, '[code]', number) } : e,
      );
      keep = (bodies) => bodies.map((b) => b.replaceAll(code, '[code]'));
      actions.push(() => awaitWhatsAppCode(deps, effect.phone, conversation, code, now));
    }
    if (effect.kind === 'send-code') {
      const line = await deps.sms.getLine(effect.phone);
      const code = deps.newCode();
      intake.link = {
        phone: effect.phone,
        codeHash: hashSecret(code),
        expiresAt: later(now, CODE_MINUTES),
        tries: 0,
      };
      // Nothing is ever sent to a number that opted out, not even a code.
      if (line?.optedOut) continue;
      const body = t(deps.content, intake, 'link.codeText', { code });
      actions.push(async () => {
        if (!(await mayTextCode(deps, effect.phone, now))) return;
        for (const text of renderSms([{ role: 'bot', text: body }], intake.language)) {
          await deps.sender.send({ to: effect.phone, body: text });
        }
      });
    }
    if (effect.kind === 'text-now') {
      actions.push(async () => {
        const line = await pointLine(deps, effect.phone, conversation);
        if (line.optedOut) return;
        for (const text of renderSms(effect.messages, intake.language)) {
          await deps.sender.send({ to: effect.phone, body: text });
        }
      });
    }
  }
  intake.effects = [];
  return {
    replies,
    keep,
    after: async () => {
      for (const action of actions) await action();
    },
  };
}

/**
 * Puts the code's hash on `phone`'s WhatsApp line, for the conversation, beside any other
 * conversation's (never replacing one: someone who types the client's number in a chat of their
 * own must not spoil the client's code), replacing only this conversation's earlier one. At most
 * WAITING_CODES wait at once (each conversation may ask MAX_CODES times); beyond that this one is
 * not kept, and the chat reads the same. Nothing is sent to the number: the client sends the code.
 */
async function awaitWhatsAppCode(
  deps: LinkDeps,
  phone: string,
  conversation: Conversation,
  code: string,
  now: Date,
): Promise<void> {
  const conversationId = conversation.id;
  const address = whatsAppAddress(phone);
  await retryOnConflict(async () => {
    const current = await deps.sms.getLine(address);
    const at = deps.now().toISOString();
    const waiting = (current?.pending?.codes ?? []).filter(
      (c) => c.expiresAt > at && c.conversationId !== conversationId,
    );
    if (waiting.length >= WAITING_CODES) {
      deps.log.info('code_not_kept', { reason: 'codes-waiting' });
      return;
    }
    const entry = {
      conversationId,
      codeHash: hashSecret(code),
      expiresAt: later(now, WHATSAPP_CODE_MINUTES),
    };
    const pending = { codes: [...waiting, entry], tries: current?.pending?.tries ?? 0 };
    const line: SmsLine = current
      ? { ...current, pending, version: current.version + 1, updatedAt: at }
      : {
          phone: address,
          optedOut: false,
          // A wrong or late code is answered in the chat's language.
          language: conversation.intake.language,
          version: 1,
          updatedAt: at,
          recent: [],
          pending,
        };
    await deps.sms.commit({ line });
  }, 10);
}

/**
 * Whether a message is a code for "continue on WhatsApp": six digits, alone or with a word or two
 * ("123456", "123 456", "Código 123456"). Other messages, numbers of other lengths included, go to
 * the intake as usual.
 */
export function whatsAppCodeSaid(text: string): boolean {
  return /^[^\d]{0,16}\d{3}[\s-]?\d{3}[^\d]{0,3}$/.test(text.trim());
}

/**
 * A code sent from WhatsApp to the line waiting for codes: one of them, in time, for a
 * conversation still in its intake, moves that conversation to this WhatsApp (the line and the
 * conversation are then saved in one transaction by the caller; the other codes keep waiting); a
 * wrong one counts against MAX_CODE_TRIES, after which the line stops waiting for any.
 */
export async function takeWhatsAppCode(
  deps: LinkDeps,
  line: SmsLine,
  text: string,
  now: Date,
): Promise<
  | { kind: 'wrong'; line: SmsLine; replies: TurnResult['replies'] }
  | { kind: 'linked'; line: SmsLine; conversation: Conversation; replies: TurnResult['replies'] }
> {
  const say = (key: string) => bot(t(deps.content, { language: line.language, answers: {} }, key));
  const at = now.toISOString();
  const tries = line.pending?.tries ?? 0;
  const live = (line.pending?.codes ?? []).filter((c) => c.expiresAt > at);
  const keeping = (codes: typeof live, triesNow: number): SmsLine => ({
    ...line,
    pending: codes.length ? { codes, tries: triesNow } : undefined,
  });
  if (!live.length) {
    return { kind: 'wrong', line: keeping([], 0), replies: [say('link.whatsAppExpired')] };
  }
  const code = text.replace(/\D/g, '');
  // Each is compared, in constant time, whether or not an earlier one matched.
  const matches = live.map((c) => secretMatches(code, c.codeHash));
  const taken = live.find((_, i) => matches[i]);
  if (!taken) {
    const next = tries + 1 >= MAX_CODE_TRIES ? keeping([], 0) : keeping(live, tries + 1);
    return { kind: 'wrong', line: next, replies: [say('link.whatsAppWrongCode')] };
  }
  const waiting = keeping(
    live.filter((c) => c !== taken),
    tries,
  );
  const current = await deps.store.get(taken.conversationId);
  if (current?.intake.status !== 'active') {
    return { kind: 'wrong', line: waiting, replies: [say('link.whatsAppExpired')] };
  }
  const intake = { ...current.intake, channel: 'whatsapp' as const };
  const replies = [
    bot(t(deps.content, intake, 'link.whatsAppLinked')),
    ...ask({ content: deps.content, now }, intake, todayIn(now, deps.content.firm.timeZone)),
  ];
  const conversation: Conversation = {
    ...current,
    intake,
    version: current.version + 1,
    updatedAt: at,
    transcript: [
      ...current.transcript,
      { role: 'user', text: '[code]', at },
      ...replies.map((r) => ({ ...r, at })),
    ],
  };
  return { kind: 'linked', line: waiting, conversation, replies };
}

/**
 * Points the phone's SMS line at this conversation (creating the line if it is new); the first
 * text after it links the conversation's side (functions/core/channels/sms/inbound.ts).
 */
async function pointLine(
  deps: LinkDeps,
  phone: string,
  conversation: Conversation,
): Promise<SmsLine> {
  return retryOnConflict(async () => {
    const current = await deps.sms.getLine(phone);
    const at = deps.now().toISOString();
    // The conversation the phone leaves stops taking its texts, in the same transaction.
    const previous =
      current?.conversationId && current.conversationId !== conversation.id
        ? await deps.store.get(current.conversationId)
        : undefined;
    const unlinked = previous?.texts
      ? { ...previous, texts: undefined, version: previous.version + 1, updatedAt: at }
      : undefined;
    const line: SmsLine = current
      ? {
          ...current,
          conversationId: conversation.id,
          language: conversation.intake.language,
          version: current.version + 1,
          updatedAt: at,
        }
      : {
          phone,
          conversationId: conversation.id,
          optedOut: false,
          language: conversation.intake.language,
          version: 1,
          updatedAt: at,
          recent: [],
        };
    await deps.sms.commit({ line, conversation: unlinked });
    return line;
  }, 10);
}

/** Where a reply kept for a retried webhook had the web link's secret: the conversation's id. */
const SECRET_SLOT = /\{web-link:([0-9a-f-]{36})\}/g;

/**
 * A "web" request by SMS: a one-time secret for the conversation, its hash kept, and the link put
 * into the replies where they say {link}; the transcript keeps "[link]", never the secret. The
 * secret is a keyed hash of the conversation and the text's MessageSid (`deps.webLinkSecret`), so
 * a retried webhook can be sent the same link although it is stored nowhere.
 *
 * @returns the replies, and a `keep` that turns their SMS bodies into what may be stored
 */
export function fillWebLink(
  deps: LinkDeps,
  conversation: Conversation,
  replies: TurnResult['replies'],
  sid: string,
): { replies: TurnResult['replies']; keep: (bodies: string[]) => string[] } {
  if (!conversation.intake.effects.some((e) => e.kind === 'web-link')) {
    return { replies, keep: (bodies) => bodies };
  }
  const secret = deps.webLinkSecret(conversation.id, sid);
  const now = deps.now();
  conversation.webLink = {
    secretHash: hashSecret(secret),
    expiresAt: later(now, WEB_LINK_MINUTES),
  };
  conversation.intake.effects = [];
  const link = `${deps.publicBaseUrl.replace(/^https?:\/\//, '')}/?continue=${conversation.id}.${secret}`;
  conversation.transcript = conversation.transcript.map((e) =>
    e.role === 'bot' && e.text.includes('{link}')
      ? { ...e, text: e.text.replace('{link}', '[link]') }
      : e,
  );
  return {
    replies: replies.map((r) =>
      r.text.includes('{link}') ? { ...r, text: r.text.replace('{link}', link) } : r,
    ),
    keep: (bodies) => bodies.map((b) => b.replaceAll(secret, `{web-link:${conversation.id}}`)),
  };
}

/** Bodies kept for a retried webhook, as they were sent: with the web link's secret again. */
export function sentBodies(deps: LinkDeps, bodies: string[], sid: string): string[] {
  return bodies.map((b) => b.replace(SECRET_SLOT, (_, id: string) => deps.webLinkSecret(id, sid)));
}

/** A hash no secret has, to compare against when there is no link. */
const NO_HASH = '0'.repeat(64);

/**
 * Opens a conversation on the web from the one-time link texted for "web": the secret must match
 * and not be expired; it is then spent, the conversation gets a new web token (only its hash is
 * kept), and the phone's line lets go of it. A wrong, used or expired link is a ForbiddenError,
 * which says nothing more.
 */
export async function continueOnWeb(
  deps: ChatDeps,
  id: string,
  secret: string,
  tokenHash: string,
): Promise<Conversation> {
  return retryOnConflict(async () => {
    const current = await deps.store.get(id);
    const link = current?.webLink;
    const now = deps.now();
    const at = now.toISOString();
    // Compared even when there is no link, so the time taken tells nothing.
    const matches = secretMatches(secret, link?.secretHash ?? NO_HASH);
    const valid = link !== undefined && matches && at < link.expiresAt;
    if (!current || !valid) throw new ForbiddenError('This link is wrong, used or expired.');
    // The chat opens at the pending question, asked again; nothing before it is readable, and
    // the intake shows no answer back (the closing summary included).
    const opened = hideEarlier(
      { ...current, intake: { ...current.intake, channel: 'web' } },
      'link',
    );
    const pending = ask(
      { content: deps.content, now },
      opened.intake,
      todayIn(now, deps.content.firm.timeZone),
    );
    const next: Conversation = {
      ...opened,
      tokenHash,
      tokenActiveAt: at,
      webLink: undefined,
      version: current.version + 1,
      updatedAt: at,
      transcript: [...current.transcript, ...pending.map((m) => ({ ...m, at }))],
      // The phone lets go of it: a later text starts anew instead of reaching a web chat (whose
      // replies would carry what SMS never may).
      texts: undefined,
    };
    const phone = current.texts?.phone;
    const line = phone && deps.sms ? await deps.sms.getLine(phone) : undefined;
    if (deps.sms && line?.conversationId === current.id) {
      // The line and the conversation in one transaction, each under its version.
      const detached = {
        ...line,
        conversationId: undefined,
        version: line.version + 1,
        updatedAt: at,
      };
      await deps.sms.commit({ line: detached, conversation: next });
    } else {
      await deps.store.save(next);
    }
    return next;
  });
}
