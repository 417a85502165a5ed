/**
 * Messages the firm starts to a client who came by WhatsApp: an attorney's acceptance, hearing
 * reminders, a staff member's message in a takeover. WhatsApp lets a business write freely only
 * within 24 hours of the client's last message; after that only an approved template goes
 * (Twilio: "WhatsApp 24-hour customer service window"). So, in order:
 * 1. the WhatsApp line said STOP: nothing at all (not by SMS either: they asked the firm to stop);
 *    the client said the number is not safe to contact: nothing unless they are writing now (their
 *    last message under TEXTING_NOW_MINUTES ago), as by SMS;
 * 2. within the window: the message itself, by WhatsApp;
 * 3. a template configured for it (WHATSAPP_TEMPLATES, by content SID; their words in
 *    prompts/strings.*.yaml `whatsapp.templates`): the template, by WhatsApp;
 * 4. the client said the number is safe to text: the message by SMS, unless that number opted out;
 * 5. else nothing is sent, and the caller says so (the console shows why).
 */
import type { Content } from '../../content';
import type { Language } from '../../flow';
import type { SmsSender, SmsStore } from '../../ports';
import { phoneOf, whatsAppAddress } from '../address';
import { renderSms } from '../sms/render';
import { renderWhatsApp } from './render';

/** A number not safe to contact gets a message only while its client is writing (as by SMS). */
export const TEXTING_NOW_MINUTES = 15;

/** Whether the client's last message (ISO time, if any) came under TEXTING_NOW_MINUTES ago. */
export function writingNow(lastFromClient: string | undefined, now: Date): boolean {
  const last = lastFromClient ? Date.parse(lastFromClient) : Number.NaN;
  return now.getTime() - last < TEXTING_NOW_MINUTES * 60_000;
}

/** WhatsApp's customer service window: free-form messages until 24 hours after the client's last. */
export const WINDOW_MS = 24 * 60 * 60 * 1000;

export const TEMPLATE_NAMES = ['accepted', 'reminder', 'staffMessage'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** Content SIDs by `<name>.<language>` ("reminder.es"), from WHATSAPP_TEMPLATES. */
export type TemplateSids = Partial<Record<string, string>>;

const TEMPLATE_ENTRY = `(${TEMPLATE_NAMES.join('|')})\\.(en|es)=HX[0-9a-fA-F]{32}`;
/**
 * WHATSAPP_TEMPLATES as written (the API's variable, the stack's `whatsAppTemplates`):
 * `accepted.en=HX…,reminder.es=HX…`, each a template of TEMPLATE_NAMES, a language and its SID.
 */
export const TEMPLATE_LIST = new RegExp(`^\\s*${TEMPLATE_ENTRY}\\s*(,\\s*${TEMPLATE_ENTRY}\\s*)*$`);

/** @example templateSids('accepted.en=HX…, reminder.es=HX…') // { 'accepted.en': 'HX…', ... } */
export function templateSids(list: string | undefined): Record<string, string> {
  return Object.fromEntries(
    (list ?? '')
      .split(',')
      .map((pair) => pair.trim().split('='))
      .filter((pair): pair is [string, string] => pair.length === 2),
  );
}

export interface WhatsAppOutDeps {
  sender: SmsSender;
  sms: Pick<SmsStore, 'getLine'>;
  content: Pick<Content, 'strings' | 'firm'>;
  templates?: TemplateSids;
  now: () => Date;
}

export type Reached =
  | { by: 'whatsapp'; template: boolean }
  | { by: 'sms' }
  | { by: 'none'; why: 'opted-out' | 'not-safe' | 'no-template' };

export interface FirmMessage {
  /** The client's phone (E.164) or WhatsApp address. */
  phone: string;
  language: Language;
  /** What to say, as within the window or by SMS. */
  text: string;
  /** The template for outside the window, and its variables ({{1}}, {{2}}, ... in order). */
  template: TemplateName;
  variables: string[];
  /** When the client last wrote by WhatsApp, if known; unknown counts as outside the window. */
  lastFromClient?: string;
  /** The client said this number is safe to text: SMS may stand in for WhatsApp. */
  safeToText: boolean;
  /** The client said this number is not safe to contact: only while they are writing now. */
  notSafe?: boolean;
}

/** A template's words with its variables filled, as the client reads it. */
export function templateText(
  content: Pick<Content, 'strings'>,
  language: Language,
  name: TemplateName,
  variables: string[],
): string {
  const words = content.strings[language][`whatsapp.templates.${name}`];
  if (typeof words !== 'string') throw new Error(`missing template ${language}:${name}`);
  return words.replace(/\{\{(\d+)\}\}/g, (_, n: string) => variables[Number(n) - 1] ?? '');
}

/**
 * Sends a message the firm starts to a WhatsApp client by the first way the rules above allow.
 *
 * @example await messageWhatsAppClient(deps, { phone, language: 'es', text, template: 'accepted', variables: [firm], safeToText: true })
 */
export async function messageWhatsAppClient(
  deps: WhatsAppOutDeps,
  message: FirmMessage,
): Promise<Reached> {
  const address = whatsAppAddress(message.phone);
  const line = await deps.sms.getLine(address);
  if (line?.optedOut) return { by: 'none', why: 'opted-out' };
  if (message.notSafe && !writingNow(message.lastFromClient, deps.now())) {
    return { by: 'none', why: 'not-safe' };
  }
  const last = message.lastFromClient ? Date.parse(message.lastFromClient) : Number.NaN;
  if (deps.now().getTime() - last < WINDOW_MS) {
    for (const body of renderWhatsApp([{ role: 'bot', text: message.text }], message.language))
      await deps.sender.send({ to: address, body });
    return { by: 'whatsapp', template: false };
  }
  const sid = deps.templates?.[`${message.template}.${message.language}`];
  if (sid) {
    const variables = Object.fromEntries(message.variables.map((v, i) => [String(i + 1), v]));
    const body = templateText(deps.content, message.language, message.template, message.variables);
    await deps.sender.send({ to: address, body, template: { sid, variables } });
    return { by: 'whatsapp', template: true };
  }
  const phone = phoneOf(message.phone);
  const smsLine = await deps.sms.getLine(phone);
  if (message.safeToText && !smsLine?.optedOut && deps.sender.available !== false) {
    for (const body of renderSms([{ role: 'bot', text: message.text }], message.language))
      await deps.sender.send({ to: phone, body });
    return { by: 'sms' };
  }
  return { by: 'none', why: 'no-template' };
}
