/**
 * The HTML part of the lead email: one column for a phone, inline styles only, no images, links
 * or scripts from elsewhere. Written with hono's `html` template, which escapes every
 * interpolated value unless it is wrapped in `raw` on purpose (only our own styles are).
 */
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Urgency } from '../screening/screening';
import {
  changedRows,
  conflictLines,
  escalationLine,
  footer,
  headline,
  leadSubject,
  notices,
  type Row,
  type Section,
  sections,
} from './email-model';
import type { EmailWords } from './email-words';
import type { Lead } from './lead';

/** hono's `html`, which is synchronous when nothing interpolated is a Promise (nothing here is). */
function markup(parts: TemplateStringsArray, ...values: unknown[]): HtmlEscapedString {
  const out = html(parts, ...values);
  if (out instanceof Promise) throw new Error('the lead email interpolated a Promise');
  return out;
}

const URGENCY_COLORS: Record<Urgency, string> = {
  emergency: '#b3261e',
  high: '#a14a00',
  normal: '#1f5fa8',
};
const FONT = raw(`-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif`);
const H2 =
  'margin:24px 0 8px;font-size:13px;letter-spacing:.06em;text-transform:uppercase;color:#555';
const TONES = { danger: '#b3261e', warn: '#a14a00' };

function list(items: string[], color = 'inherit'): HtmlEscapedString {
  return markup`<ul style="margin:4px 0 8px;padding-left:20px;color:${color}">${items.map((item) => markup`<li style="margin:2px 0">${item}</li>`)}</ul>`;
}

function rowHtml([label, value, href]: Row): HtmlEscapedString {
  const shown = href
    ? markup`<a href="${href}" style="color:#1f5fa8;font-weight:700">${value}</a>`
    : value;
  return markup`<div style="padding:8px 0;border-bottom:1px solid #eee"><div style="font-size:13px;color:#666">${label}</div><div dir="auto" style="font-size:16px">${shown}</div></div>`;
}

function sectionHtml(
  s: Section,
  words: EmailWords,
  accept: HtmlEscapedString | string,
): HtmlEscapedString {
  const { say } = words;
  const title = markup`<h2 style="${H2}">${s.title}</h2>`;
  if (s.kind === 'rows') return markup`${title}${s.rows.map(rowHtml)}`;
  if (s.kind === 'glance') {
    const risks = s.risks.length
      ? markup`<div style="margin-top:12px;font-size:14px;font-weight:700;color:${TONES.danger}">${say('risksTitle')}</div>${list(s.risks, TONES.danger)}`
      : '';
    const ask = s.ask.length
      ? markup`<div style="margin-top:8px;font-size:14px;font-weight:700;color:#555">${say('askFirst')}</div>${list(s.ask, '#555')}`
      : '';
    return markup`${title}${s.rows.map(rowHtml)}${risks}${ask}${accept}`;
  }
  if (s.kind === 'questions') {
    return markup`${title}${s.items.map(([text, note]) => markup`<blockquote dir="auto" style="margin:8px 0;padding:8px 12px;border-left:4px solid #ccc;background:#f6f6f6;font-size:16px">${text}<div style="font-size:13px;color:#666">${note}</div></blockquote>`)}`;
  }
  const flags = s.flags.length
    ? s.flags.map(
        (f) =>
          markup`<div style="margin:12px 0;padding:10px 12px;border:1px solid #ddd;border-left:4px solid #1f5fa8;border-radius:6px"><div style="font-size:17px;font-weight:700">${words.flag(f.id)} <span style="font-size:13px;font-weight:400;color:#666">(${f.id})</span></div>${list(f.reasons)}${f.complications.length ? markup`<div style="font-size:14px;font-weight:700;color:${TONES.warn}">${say('complications')}</div>${list(f.complications, TONES.warn)}` : ''}${f.missing.length ? markup`<div style="font-size:14px;font-weight:700;color:#555">${say('missing')}</div>${list(f.missing, '#555')}` : ''}</div>`,
      )
    : markup`<p>${say('noFlags')}</p>`;
  return markup`${title}${flags}`;
}

function button(href: string, label: string, color: string, filled: boolean): HtmlEscapedString {
  const style = filled
    ? `background:${color};color:#fff;border:2px solid ${color}`
    : `background:#fff;color:${color};border:2px solid ${color}`;
  return markup`<a href="${href}" style="display:block;margin:12px 0;padding:14px 16px;border-radius:8px;text-align:center;text-decoration:none;font-size:18px;font-weight:700;${raw(style)}">${label}</a>`;
}

/** The whole HTML document of the lead email. */
export function renderHtml(
  lead: Lead,
  links: { transcript: string; accept: string; decline: string },
  words: EmailWords,
  options: { firmName: string; timeZone?: string; escalation?: { at: string; next?: string } },
): string {
  const { say } = words;
  const color = URGENCY_COLORS[lead.urgency];
  const urgency = words.urgency(lead.urgency);
  const title = headline(lead, words);
  const top = markup`<div style="background:${color};color:#fff;padding:16px"><div style="font-size:13px;font-weight:700;letter-spacing:.08em">${say(lead.updates?.length ? 'bannerUpdated' : 'banner', { urgency })}</div><div style="font-size:22px;font-weight:700;line-height:1.3">${title}</div>${list(lead.urgencyReasons)}</div>`;
  const conflicts = conflictLines(lead, words);
  // Possible conflicts first of all (issue 19), in the danger colour; never a decline.
  const conflictBox = conflicts.length
    ? markup`<div style="margin:16px 16px 0;padding:12px;border-radius:6px;border:2px solid ${TONES.danger};color:${TONES.danger}"><div style="font-size:15px;font-weight:700">${say('conflictsTitle')}</div>${list(conflicts, TONES.danger)}<div style="font-size:14px">${say('conflictsNote')}</div></div>`
    : '';
  const changed = changedRows(lead, words);
  const box = changed.length
    ? markup`<div style="margin:16px 16px 0;padding:12px;border-radius:6px;border:2px solid #1f5fa8;background:#eef4fb"><div style="font-size:13px;font-weight:700;letter-spacing:.06em;text-transform:uppercase;color:#1f5fa8">${say('changedTitle')}</div>${changed.map(([label, value]) => markup`<div style="padding:6px 0"><div style="font-size:13px;color:#555">${label}</div><div dir="auto" style="font-size:16px">${value}</div></div>`)}</div>`
    : '';
  const alerts = notices(lead, words).map(
    (n) =>
      markup`<div style="margin:16px 0 0;padding:12px;border-radius:6px;border:2px solid ${TONES[n.tone]};color:${TONES[n.tone]};font-weight:700">${n.text}</div>`,
  );
  const escalates = escalationLine(lead, words, options);
  const when = escalates
    ? markup`<p style="margin:0;font-size:14px;color:#555">${escalates}</p>`
    : '';
  const acceptHere = markup`${button(links.accept, say('accept'), '#1e7d32', true)}${when}`;
  const body = markup`<div style="padding:0 16px 24px">${alerts}${sections(lead, words).map((s) => sectionHtml(s, words, acceptHere))}
<h2 style="${H2}">${say('sections.respond')}</h2>${button(links.transcript, say('transcript'), '#1f5fa8', false)}${button(links.accept, say('accept'), '#1e7d32', true)}${button(links.decline, say('decline'), '#555', false)}${when}
<p style="font-size:13px;color:#666">${footer(lead, words, options).join(' ')}</p></div>`;
  return markup`<!doctype html>
<html lang="${words.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${leadSubject(lead, words)}</title></head>
<body style="margin:0;padding:0;background:#fff">
<div style="display:none;max-height:0;overflow:hidden">${say('preheader', { urgency, headline: title })}</div>
<div style="max-width:640px;margin:0 auto;font-family:${FONT};font-size:16px;line-height:1.5;color:#1a1a1a;overflow-wrap:anywhere;word-break:break-word">${conflictBox}${box}${top}${body}</div>
</body></html>`.toString();
}
