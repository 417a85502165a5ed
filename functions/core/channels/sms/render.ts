/**
 * Bot messages as text messages: choices as a numbered list ("Reply 1 for Yes, 2 for No"), no
 * Markdown, links without "https://", accents that would force UCS-2 folded to GSM-7, and every
 * SMS within 3 segments as carriers count them (Twilio's segment calculator).
 *
 * Why fold accents: one "á" turns a whole SMS into UCS-2, 67 characters a segment instead of 153,
 * which more than doubles the segments of a Spanish reply. "á í ó ú" become "a i o u"; "ñ", "é",
 * "ü", "¿" and "¡" are GSM-7 and stay, so "año" never reads as "ano".
 */
import type { BotMessage } from '../../engine/state';
import type { Language } from '../../flow';
import { segments } from './segments';

export { segments };

export const MAX_SEGMENTS = 3;

const FOLD: Record<string, string> = {
  á: 'a',
  í: 'i',
  ó: 'o',
  ú: 'u',
  Á: 'A',
  Í: 'I',
  Ó: 'O',
  Ú: 'U',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '–': '-',
  '—': '-',
  '…': '...',
  '•': '-',
};

/** Folds characters outside GSM-7 that have a close GSM-7 twin. */
export function toGsm(text: string): string {
  return text.replace(/[áíóúÁÍÓÚ‘’“”–—…•]/g, (c) => FOLD[c] ?? c);
}

const CHOICE_WORDS = {
  en: { reply: 'Reply', for: 'for', or: 'or' },
  es: { reply: 'Responda', for: 'para', or: 'o' },
} as const;

// "skip" and "person" are words a texter types, never numbers: a number is an answer.
const WORD_CHOICES = new Set(['skip', 'person']);

/** A message with its choices as numbers to reply with, the way texts offer them. */
export function withChoices(message: BotMessage, language: Language): string {
  const choices = message.choices ?? [];
  const numbered = choices.filter((c) => !WORD_CHOICES.has(c.value));
  const words = choices.filter((c) => WORD_CHOICES.has(c.value));
  const w = CHOICE_WORDS[language];
  const lines: string[] = [message.text];
  // A multi-choice question lists its numbered options in its text already.
  const listed = numbered.length > 0 && /\n1\. /.test(message.text);
  if (numbered.length && !listed) {
    const parts = numbered.map((c, i) => `${i + 1} ${w.for} ${c.label}`);
    lines.push(
      numbered.length <= 3 && parts.join(', ').length < 90
        ? `${w.reply} ${parts.join(', ')}.`
        : numbered.map((c, i) => `${i + 1}. ${c.label}`).join('\n'),
    );
  }
  if (words.length) {
    const say = words.map(
      (c) =>
        `"${c.value === 'skip' ? (language === 'es' ? 'saltar' : 'skip') : language === 'es' ? 'persona' : 'person'}"`,
    );
    lines.push(`(${w.reply} ${say.join(` ${w.or} `)})`);
  }
  return lines.join('\n');
}

/** Splits a text into pieces of at most MAX_SEGMENTS segments, at paragraph, line or word ends. */
function split(text: string): string[] {
  if (segments(text).count <= MAX_SEGMENTS) return [text];
  for (const separator of ['\n\n', '\n', '. ', ' ']) {
    const parts = text.split(separator);
    if (parts.length < 2) continue;
    const out: string[] = [];
    let current = '';
    for (const part of parts) {
      const next = current ? `${current}${separator}${part}` : part;
      if (segments(next).count <= MAX_SEGMENTS) current = next;
      else {
        if (current) out.push(current);
        current = part;
      }
    }
    if (current) out.push(current);
    if (out.every((piece) => segments(piece).count <= MAX_SEGMENTS))
      return out.map((p) => p.trim());
    return out.flatMap((piece) => split(piece));
  }
  // One unbreakable word longer than 3 segments: cut it.
  return [text.slice(0, 450), ...split(text.slice(450))];
}

/**
 * The SMS bodies for one turn's replies, in order, each within MAX_SEGMENTS segments.
 *
 * @example renderSms([{ role: 'bot', text: '¿Está detenido?', choices: [...] }], 'es')
 */
export function renderSms(replies: BotMessage[], language: Language): string[] {
  return replies.flatMap((message) => {
    const text = toGsm(withChoices(message, language))
      .replace(/https?:\/\/(www\.)?/g, '')
      .replace(/\*\*|__|`/g, '');
    return split(text);
  });
}
