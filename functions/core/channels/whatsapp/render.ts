/**
 * Bot messages as WhatsApp messages (API.md "WhatsApp"): choices numbered as on SMS, accents kept
 * (WhatsApp is Unicode, no GSM-7 folding), links kept whole, Markdown bold as WhatsApp's *bold*,
 * and no segment splitting: only a message over WhatsApp's 1,600 characters is cut, at a
 * paragraph, line or word end.
 */
import type { BotMessage } from '../../engine/state';
import type { Language } from '../../flow';
import { withChoices } from '../sms/render';

/** WhatsApp's limit for one message body through Twilio. */
export const WHATSAPP_MAX_CHARS = 1600;

function split(text: string): string[] {
  if (text.length <= WHATSAPP_MAX_CHARS) return [text];
  for (const separator of ['\n\n', '\n', '. ', ' ']) {
    const at = text.lastIndexOf(separator, WHATSAPP_MAX_CHARS - separator.length);
    if (at > 0) {
      const head = text.slice(0, at + (separator === '. ' ? 1 : 0)).trim();
      return [head, ...split(text.slice(at + separator.length).trim())];
    }
  }
  return [text.slice(0, WHATSAPP_MAX_CHARS), ...split(text.slice(WHATSAPP_MAX_CHARS))];
}

/**
 * The WhatsApp bodies for one turn's replies, in order.
 *
 * @example renderWhatsApp([{ role: 'bot', text: '¿Está detenido?', choices: [...] }], 'es')
 */
export function renderWhatsApp(replies: BotMessage[], language: Language): string[] {
  return replies.flatMap((message) =>
    split(
      withChoices(message, language)
        .replace(/\*\*(.+?)\*\*/g, '*$1*')
        .replace(/__|`/g, ''),
    ),
  );
}
