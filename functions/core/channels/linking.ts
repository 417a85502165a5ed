/**
 * Carrying out the engine's channel effects (functions/core/engine/linking.ts): the code texted
 * for "continue by text", pointing the phone's line at the conversation once verified, and the
 * one-time link for "web". Secrets are made here, stored only as hashes, and never logged.
 */
import { createHash } from 'node:crypto';
import type { Conversation } from '../conversation';
import { ask } from '../engine/ask';
import { codeHash } from '../engine/linking';
import { t } from '../engine/render';
import { VersionConflictError } from '../errors';
import type { SmsSender, SmsStore } from '../ports';
import { todayIn } from '../today';
import type { ChatDeps, TurnResult } from './channels';
import type { SmsLine } from './sms/line';
import { renderSms } from './sms/render';

export interface LinkDeps extends ChatDeps {
  sms: SmsStore;
  sender: SmsSender;
  /** Six random digits. */
  newCode: () => string;
  /** At least 128 random bits, URL-safe. */
  newSecret: () => string;
  /** PUBLIC_BASE_URL, for the web link. */
  publicBaseUrl: string;
}

const CODE_MINUTES = 10;
const WEB_LINK_MINUTES = 30;

const later = (now: Date, minutes: number) =>
  new Date(now.getTime() + minutes * 60_000).toISOString();
export const secretHash = (secret: string) => createHash('sha256').update(secret).digest('hex');

/**
 * Before a web turn is saved: a requested code is made and its hash kept on the conversation, or,
 * when the phone opted out of texts, the link is dropped and the client told. Returns what to do
 * once the turn is saved.
 */
export async function prepareTextLink(
  deps: LinkDeps,
  result: TurnResult,
): Promise<() => Promise<void>> {
  const { conversation } = result;
  const intake = conversation.intake;
  const now = deps.now();
  const actions: Array<() => Promise<void>> = [];
  for (const effect of intake.effects) {
    if (effect.kind === 'send-code') {
      const line = await deps.sms.getLine(effect.phone);
      if (line?.optedOut) {
        // Nothing is ever sent to a number that opted out, not even a code.
        intake.step = intake.resumeStep ?? intake.step;
        intake.resumeStep = undefined;
        const today = todayIn(now, deps.content.firm.timeZone);
        result.replies.splice(
          0,
          result.replies.length,
          {
            role: 'bot',
            text: t(deps.content, intake, 'link.optedOut'),
          },
          ...ask({ content: deps.content, now }, intake, today),
        );
        replaceTail(conversation, result);
        continue;
      }
      const code = deps.newCode();
      intake.link = {
        phone: effect.phone,
        codeHash: codeHash(code),
        expiresAt: later(now, CODE_MINUTES),
        tries: 0,
      };
      const body = t(deps.content, intake, 'link.codeText', { code });
      actions.push(async () => {
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
  return async () => {
    for (const action of actions) await action();
  };
}

/** The transcript's last bot entries follow the replies after they were changed here. */
function replaceTail(conversation: Conversation, result: TurnResult) {
  const lastUser = conversation.transcript.map((e) => e.role).lastIndexOf('user');
  const at = conversation.updatedAt;
  conversation.transcript = [
    ...conversation.transcript.slice(0, lastUser + 1),
    ...result.replies.map((r) => ({ ...r, at })),
  ];
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
  for (let attempt = 1; attempt <= 10; attempt++) {
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
    try {
      await deps.sms.commit({ line, conversation: unlinked });
      return line;
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
    }
  }
  throw new VersionConflictError('sms line', 0);
}

/**
 * A "web" request by SMS: a one-time secret for the conversation, its hash kept, and the link put
 * into the replies where they say {link}; the transcript keeps "[link]", never the secret.
 */
export function fillWebLink(
  deps: LinkDeps,
  conversation: Conversation,
  replies: TurnResult['replies'],
) {
  if (!conversation.intake.effects.some((e) => e.kind === 'web-link')) return replies;
  const secret = deps.newSecret();
  const now = deps.now();
  conversation.webLink = {
    secretHash: secretHash(secret),
    expiresAt: later(now, WEB_LINK_MINUTES),
  };
  conversation.intake.effects = [];
  const link = `${deps.publicBaseUrl.replace(/^https?:\/\//, '')}/?continue=${conversation.id}.${secret}`;
  conversation.transcript = conversation.transcript.map((e) =>
    e.role === 'bot' && e.text.includes('{link}')
      ? { ...e, text: e.text.replace('{link}', '[link]') }
      : e,
  );
  return replies.map((r) =>
    r.text.includes('{link}') ? { ...r, text: r.text.replace('{link}', link) } : r,
  );
}
