/**
 * Turns the flow and the strings catalog into what a client reads: prompts in the right
 * language and person, choices as buttons, and the closing summary.
 */
import { type Content, fill } from '../content';
import type { Language, Step } from '../flow';
import { phoneNumber } from '../parse/phone-metadata';
import type { Choice, IntakeState } from './state';

/** Values of the types whose options are fixed rather than listed in the flow. */
const FIXED_VALUES: Record<string, string[]> = {
  language: ['en', 'es'],
  yesno: ['yes', 'no'],
  'yesno-unsure': ['yes', 'no', 'unsure'],
  'yesno-prefer-not': ['yes', 'no', 'prefer-not'],
};

/**
 * A string in the client's language, with {placeholders} filled in. A key the catalog lacks
 * is a content bug that the load-time check catches, so it throws instead of showing a blank.
 */
export function t(
  content: Pick<Content, 'strings' | 'firm'>,
  state: Pick<IntakeState, 'language' | 'answers'>,
  key: string,
  vars: Record<string, string> = {},
): string {
  const text = content.strings[state.language][key];
  if (text === undefined) throw new Error(`missing string ${state.language}:${key}`);
  const form =
    typeof text === 'string' ? text : state.answers.aboutSelf === 'no' ? text.other : text.self;
  const all: Record<string, string> = {
    firm: content.firm.name,
    phone: content.firm.phone,
    ...vars,
  };
  return fill(form, all);
}

/** Label of a choice value in one language (used to accept labels typed in either language). */
export function optionLabel(content: Content, lang: Language, step: Step, value: string): string {
  const own = content.strings[lang][`steps.${step.id}.options.${value}`];
  if (typeof own === 'string') return own;
  const generic = content.strings[lang][`answers.${value}`];
  return typeof generic === 'string' ? generic : value;
}

/** The values a step offers as buttons (choices, yes/no), in order. */
export function optionValues(step: Step): string[] {
  if (step.options) return step.options;
  return FIXED_VALUES[step.type] ?? [];
}

/** Buttons shown with a step's question; optional steps always offer "skip". */
export function choicesFor(content: Content, state: IntakeState, step: Step): Choice[] | undefined {
  // Multi-choice options are buttons too: a tap picks one; typing "1, 5" picks several.
  const choices = optionValues(step).map((value) => ({
    value,
    label: optionLabel(content, state.language, step, value),
  }));
  if (step.optional) choices.push({ value: 'skip', label: t(content, state, 'answers.skip') });
  return choices.length ? choices : undefined;
}

/** The question text; multi-choice questions list their numbered options in the text. */
export function promptText(content: Content, state: IntakeState, step: Step): string {
  const prompt = t(content, state, `steps.${step.id}.prompt`);
  if (step.type !== 'multichoice') return prompt;
  const lines = (step.options ?? []).map(
    (value, i) => `${i + 1}. ${optionLabel(content, state.language, step, value)}`,
  );
  return `${prompt}\n${lines.join('\n')}`;
}

/** Formats a stored answer for the summary, in the client's language. */
export function formatAnswer(
  content: Content,
  state: IntakeState,
  step: Step,
  value: unknown,
): string {
  const lang = state.language;
  if (Array.isArray(value))
    return value.map((v) => optionLabel(content, lang, step, String(v))).join(', ');
  const text = String(value);
  if (optionValues(step).includes(text)) return optionLabel(content, lang, step, text);
  if (step.type === 'date') return formatDate(text, lang);
  if (step.type === 'phone') {
    // National format for US numbers ("(213) 373-4253"), international for the rest.
    const phone = phoneNumber(text);
    if (!phone) return text;
    return phone.country === 'US' ? phone.formatNational() : phone.formatInternational();
  }
  if (step.type === 'country') {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(text) ?? text;
  }
  return text;
}

/** 'YYYY-MM-DD' → "March 14, 2027" / "14 de marzo de 2027"; partial dates keep their precision. */
export function formatDate(iso: string, lang: Language): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (m !== undefined) options.month = 'long';
  if (d !== undefined) options.day = 'numeric';
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-US' : 'en-US', options).format(date);
}
