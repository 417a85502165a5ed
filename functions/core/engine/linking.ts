/**
 * Moving one conversation between the web chat and text messages, keeping one transcript:
 * - "continue by text" on the web: a code is texted to the client's phone; typing it in the chat
 *   proves they hold the phone, and the intake goes on by SMS.
 * - "web" by SMS: a one-time link opens the same conversation in the web chat.
 * The engine decides; the service carries out the `effects` (texting, making secrets).
 */
import { parsePhone } from '../parse';
import { phoneNumber } from '../parse/phone-metadata';
import type { Reading } from '../parse/reading';
import { secretMatches } from '../secrets';
import { ask, bot, type EngineContext, reask, type Turn } from './ask';
import { formatAnswer, t } from './render';
import type { IntakeState } from './state';

/** Steps of the linking itself; `resumeStep` is where the intake goes on afterwards. */
export const LINK_STEPS = ['linkPhone', 'linkCode'] as const;
/** Wrong codes a conversation may type, whatever code they were for. */
export const MAX_CODE_TRIES = 5;
/** Codes a conversation may have texted. */
export const MAX_CODES = 3;

function phoneText(ctx: EngineContext, state: IntakeState, phone: string): string {
  const step = ctx.content.flow.steps.find((s) => s.id === 'phone');
  return step ? formatAnswer(ctx.content, state, step, phone) : phone;
}

function requestCode(ctx: EngineContext, state: IntakeState, phone: string, today: string): Turn {
  const country = phoneNumber(phone)?.country;
  if (!country || !ctx.content.firm.textCountries.includes(country)) {
    return resume(ctx, state, today, 'link.countryNotTexted');
  }
  const codes = state.codes ?? { sent: 0, tries: 0 };
  if (codes.sent >= MAX_CODES || codes.tries >= MAX_CODE_TRIES) {
    return resume(ctx, state, today, 'link.noMoreCodes');
  }
  state.codes = { ...codes, sent: codes.sent + 1 };
  state.effects.push({ kind: 'send-code', phone });
  state.step = 'linkCode';
  state.attempts = 0;
  return {
    state,
    replies: [bot(t(ctx.content, state, 'link.codeSent', { phone: phoneText(ctx, state, phone) }))],
  };
}

/** "continue by text": straight to the code when the phone is known, else ask for it. */
export function startTextLink(ctx: EngineContext, state: IntakeState, today: string): Turn {
  const say = (key: string) => t(ctx.content, state, key);
  if (state.channel === 'sms') {
    return { state, replies: [bot(say('link.alreadyText')), ...ask(ctx, state, today)] };
  }
  if (!(LINK_STEPS as readonly string[]).includes(state.step)) state.resumeStep = state.step;
  const phone = state.answers.phone;
  if (typeof phone === 'string') return requestCode(ctx, state, phone, today);
  state.step = 'linkPhone';
  return { state, replies: [bot(say('link.askPhone'))] };
}

export function answerLinkPhone(
  ctx: EngineContext,
  state: IntakeState,
  text: Reading,
  today: string,
): Turn {
  const whatsapp = state.linkTo === 'whatsapp';
  const phone = parsePhone(text.raw);
  if (!phone.ok)
    return reask(
      ctx,
      state,
      today,
      [bot(t(ctx.content, state, whatsapp ? 'link.askWhatsApp' : 'link.askPhone'))],
      'steps.phone.example',
    );
  return whatsapp
    ? whatsAppCode(ctx, state, phone.value, today)
    : requestCode(ctx, state, phone.value, today);
}

/**
 * "continue on WhatsApp" (from the web chat or by SMS): a code to send from the WhatsApp of the
 * client's phone to the firm's WhatsApp number. The client starts that chat, which proves they
 * hold the number; the intake stays here until the code arrives there.
 */
export function startWhatsAppLink(ctx: EngineContext, state: IntakeState, today: string): Turn {
  const say = (key: string) => t(ctx.content, state, key);
  if (state.channel === 'whatsapp') {
    return { state, replies: [bot(say('link.alreadyWhatsApp')), ...ask(ctx, state, today)] };
  }
  if (ctx.whatsapp !== true) {
    return { state, replies: [bot(say('link.whatsAppNotAvailable')), ...ask(ctx, state, today)] };
  }
  if (!(LINK_STEPS as readonly string[]).includes(state.step)) state.resumeStep = state.step;
  const phone = state.answers.phone;
  if (typeof phone === 'string') return whatsAppCode(ctx, state, phone, today);
  state.step = 'linkPhone';
  state.linkTo = 'whatsapp';
  return { state, replies: [bot(say('link.askWhatsApp'))] };
}

function whatsAppCode(ctx: EngineContext, state: IntakeState, phone: string, today: string): Turn {
  const codes = state.codes ?? { sent: 0, tries: 0 };
  if (codes.sent >= MAX_CODES) return resume(ctx, state, today, 'link.noMoreCodes');
  state.codes = { ...codes, sent: codes.sent + 1 };
  state.effects.push({ kind: 'whatsapp-code', phone });
  state.step = state.resumeStep ?? 'consent';
  state.resumeStep = undefined;
  state.linkTo = undefined;
  state.attempts = 0;
  // {code} and {whatsapp} (the firm's number) are left for the service, which makes the code.
  const says = t(ctx.content, state, 'link.whatsAppCode', {
    phone: phoneText(ctx, state, phone),
  });
  return { state, replies: [bot(says), ...ask(ctx, state, today)] };
}

/** Leaves the linking and asks the question the intake was on. */
export function resume(ctx: EngineContext, state: IntakeState, today: string, key: string): Turn {
  state.step = state.resumeStep ?? 'consent';
  state.resumeStep = undefined;
  state.link = undefined;
  state.linkTo = undefined;
  state.attempts = 0;
  return { state, replies: [bot(t(ctx.content, state, key)), ...ask(ctx, state, today)] };
}

export function answerLinkCode(
  ctx: EngineContext,
  state: IntakeState,
  text: Reading,
  today: string,
): Turn {
  const link = state.link;
  if (!link || ctx.now.toISOString() > link.expiresAt)
    return resume(ctx, state, today, 'link.expired');
  const code = text.raw.replace(/\D/g, '');
  if (code.length !== 6 || !secretMatches(code, link.codeHash)) {
    link.tries += 1;
    const codes = state.codes ?? { sent: 1, tries: 0 };
    state.codes = { ...codes, tries: codes.tries + 1 };
    if (state.codes.tries >= MAX_CODE_TRIES) return resume(ctx, state, today, 'link.failed');
    return { state, replies: [bot(t(ctx.content, state, 'link.wrongCode'))] };
  }
  // Verified: the intake goes on by text, where it was.
  const phone = link.phone;
  state.channel = 'sms';
  state.step = state.resumeStep ?? 'consent';
  state.resumeStep = undefined;
  state.link = undefined;
  state.attempts = 0;
  state.effects.push({ kind: 'text-now', phone, messages: ask(ctx, state, today) });
  return {
    state,
    replies: [bot(t(ctx.content, state, 'link.linked', { phone: phoneText(ctx, state, phone) }))],
  };
}

/** "web" by SMS: a one-time link to the same conversation in the web chat. */
export function startWebLink(ctx: EngineContext, state: IntakeState, today: string): Turn {
  if (state.channel === 'web') {
    return {
      state,
      replies: [bot(t(ctx.content, state, 'link.alreadyWeb')), ...ask(ctx, state, today)],
    };
  }
  state.effects.push({ kind: 'web-link' });
  // {link} is left for the service, which makes the secret.
  return {
    state,
    replies: [bot(t(ctx.content, state, 'link.webLink')), ...ask(ctx, state, today)],
  };
}
