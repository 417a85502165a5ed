/**
 * The lead summary email (DOMAIN.md "The lead summary"): what an attorney reads first, on a phone.
 * Pure: builds a nodemailer-ready message from a stored lead; the mail adapter sends it.
 *
 * Both parts are rendered from one model (email-model.ts) so they never disagree, in the words of
 * the strings catalog (email-words.ts). Every client string is untrusted: it is put on one line
 * without control or bidi-override characters, and in HTML escaped by hono's `html` template.
 */
import { html } from 'hono/html';
import type { Catalog } from '../content';
import type { Language } from '../flow';
import { renderHtml } from './email-html';
import {
  changedRows,
  conflictLines,
  escalationLine,
  footer,
  headline,
  leadSubject,
  notices,
  oneLine,
  sections,
} from './email-model';
import { type EmailWords, emailWords } from './email-words';
import { leadJson } from './json';
import type { Lead } from './lead';

export { leadSubject, oneLine, shortName } from './email-model';
export { type EmailWords, emailWords } from './email-words';

export interface LeadLinks {
  transcript: string;
  accept: string;
  decline: string;
}

export interface LeadEmailOptions {
  firmName: string;
  from: string;
  /** Zone the "received" time is shown in (the firm's); default UTC. */
  timeZone?: string;
  /** The strings catalog (`content.strings`): the email's words and the summary's labels. */
  strings: Catalog;
  /** The language the firm's attorneys read; default English. */
  language?: Language;
  /** An emergency not accepted yet: when it moves on, and to whom (from the roster). */
  escalation?: { at: string; next?: string };
}

export interface LeadEmail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: { 'X-Amparo-Lead-Id': string };
  attachments: [{ filename: 'lead.json'; content: string; contentType: 'application/json' }];
}

function renderText(
  lead: Lead,
  links: LeadLinks,
  words: EmailWords,
  options: LeadEmailOptions,
): string {
  const { say } = words;
  const out: string[] = [];
  // Possible conflicts before anything else (issue 19): an attorney must not call first.
  const conflicts = conflictLines(lead, words);
  if (conflicts.length) {
    out.push(`!! ${say('conflictsTitle').toUpperCase()}`, ...conflicts.map((c) => `- ${c}`));
    out.push(say('conflictsNote'), '');
  }
  const changed = changedRows(lead, words);
  if (changed.length) {
    out.push(say('changedTitle').toUpperCase(), ...changed.map(([l, v]) => `${l}: ${v}`), '');
  }
  out.push(`${words.urgency(lead.urgency)} — ${headline(lead, words)}`);
  out.push(...lead.urgencyReasons.map((r) => `- ${oneLine(r)}`), '');
  for (const n of notices(lead, words)) out.push(`!! ${n.text}`, '');
  const bullets = (label: string, items: string[]) =>
    items.length ? [`  ${label}:`, ...items.map((i) => `  - ${oneLine(i)}`)] : [];
  const escalates = escalationLine(lead, words, options);
  for (const s of sections(lead, words)) {
    out.push(s.title.toUpperCase());
    if (s.kind === 'glance') {
      out.push(...s.rows.map(([label, value]) => `${label}: ${value}`));
      out.push(...bullets(say('risksTitle'), s.risks));
      out.push(...bullets(say('askFirst'), s.ask));
      out.push('', `${say('accept')}: ${links.accept}`);
      if (escalates) out.push(escalates);
    }
    if (s.kind === 'rows') out.push(...s.rows.map(([label, value]) => `${label}: ${value}`));
    if (s.kind === 'questions') out.push(...s.items.map(([text, note]) => `- “${text}” (${note})`));
    if (s.kind === 'flags') {
      if (!s.flags.length) out.push(say('noFlags'));
      for (const f of s.flags) {
        out.push('', `* ${words.flag(f.id)} (${f.id})`, ...bullets(say('why'), f.reasons));
        out.push(...bullets(say('complications'), f.complications));
        out.push(...bullets(say('missing'), f.missing));
      }
    }
    out.push('');
  }
  out.push(say('sections.respond').toUpperCase(), `${say('transcript')}: ${links.transcript}`);
  out.push(`${say('accept')}: ${links.accept}`, `${say('decline')}: ${links.decline}`);
  if (escalates) out.push(escalates);
  out.push('');
  out.push(...footer(lead, words, options));
  return `${out.join('\n')}\n`;
}

/**
 * The lead summary as a nodemailer message: to the routed addresses, with the `X-Amparo-Lead-Id`
 * header and the `lead.json` attachment (API.md "Leads").
 *
 * @throws Error when a link is not an http(s) URL, or the catalog lacks one of the email's words.
 * @example
 * buildLeadEmail(lead, { transcript, accept, decline }, { firmName: 'Example Law', from: 'intake@example.com', strings: content.strings });
 * // → { subject: '[EMERGENCY] Detained — Maria L., Otay Mesa, Spanish', to: ['ana@example.com'], ... }
 */
export function buildLeadEmail(lead: Lead, links: LeadLinks, options: LeadEmailOptions): LeadEmail {
  // The links are ours (signed by the caller); anything else in an href is a bug, not a lead.
  for (const [name, url] of Object.entries(links)) {
    if (!/^https?:\/\/\S+$/.test(url)) throw new Error(`the ${name} link must be an http(s) URL`);
  }
  const words = emailWords(options.strings, options.language ?? 'en');
  return {
    from: options.from,
    to: [...lead.routing.to],
    subject: leadSubject(lead, words),
    text: renderText(lead, links, words, options),
    html: renderHtml(lead, links, words, options),
    headers: { 'X-Amparo-Lead-Id': lead.leadId },
    attachments: [
      {
        filename: 'lead.json',
        content: `${JSON.stringify(leadJson(lead), null, 2)}\n`,
        contentType: 'application/json',
      },
    ],
  };
}

/**
 * The short notice to everyone else a lead went to, once an attorney accepted it: who took it,
 * so nobody calls the family twice. The same lead id header and lead.json as the summary.
 *
 * @example buildTakenEmail(lead, 'Ana Robles', options).subject // '[TAKEN by Ana Robles] Detained — María L., …'
 */
export function buildTakenEmail(lead: Lead, takenBy: string, options: LeadEmailOptions): LeadEmail {
  return buildNoticeEmail(lead, 'taken', takenBy, options);
}

/**
 * A short notice about a lead to people at the firm: `taken` (someone accepted it) or `conflict`
 * (someone declined it for a conflict of interest, so it is offered to no one else: the intake
 * team decides what the client is told). Named by `who`, with the lead id header and lead.json.
 */
export function buildNoticeEmail(
  lead: Lead,
  kind: 'taken' | 'conflict',
  who: string,
  options: LeadEmailOptions,
): LeadEmail {
  const words = emailWords(options.strings, options.language ?? 'en');
  const { say } = words;
  const subject = leadSubject({ ...lead, updates: undefined }, words).replace(
    /^\[[^\]]+\]/,
    `[${say(`${kind}Tag`, { name: oneLine(who) })}]`,
  );
  const notice = say(kind, { name: oneLine(who), leadId: lead.leadId });
  const footerLine = say('confidential', { firm: options.firmName });
  const text = `${notice}\n\n${footerLine}\n`;
  // hono's html escapes every interpolated value, as in the summary's HTML part.
  const page = html`<!doctype html><html lang="${words.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${subject}</title></head><body style="font-family:sans-serif;font-size:16px;padding:16px"><p>${notice}</p><p style="font-size:13px;color:#666">${footerLine}</p></body></html>`;
  return {
    from: options.from,
    to: [],
    subject,
    text,
    html: page.toString(),
    headers: { 'X-Amparo-Lead-Id': lead.leadId },
    attachments: [
      {
        filename: 'lead.json',
        content: `${JSON.stringify(leadJson(lead), null, 2)}\n`,
        contentType: 'application/json',
      },
    ],
  };
}
