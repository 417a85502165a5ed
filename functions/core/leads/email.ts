/**
 * The lead summary email (DOMAIN.md "The lead summary"): what an attorney reads first, on a phone.
 * Pure: builds a nodemailer-ready message from a stored lead; the mail adapter sends it.
 *
 * Both parts are rendered from one list of sections so they never disagree. Every client string is
 * untrusted: in HTML it is escaped by the `html` template (escaping is the default, raw markup must
 * be wrapped on purpose), and everywhere it is put on one line without control or bidi-override
 * characters, so typed text cannot forge a header, a link line or a reordered display.
 */
import { formatDate } from '../engine/render';
import type { FactId, Facts } from '../facts';
import { own } from '../own';
import { phoneNumber } from '../parse/phone-metadata';
import { FLAG_PRIORITY, type Flag, type FlagId, type Urgency } from '../screening/screening';
import { leadJson } from './json';
import type { Lead } from './lead';

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

/** Plain names of the flags, for attorneys skimming a phone screen. */
export const FLAG_NAMES: Record<FlagId, string> = {
  bond: 'Bond hearing',
  'reinstatement-risk': 'Reinstatement risk',
  'motion-to-reopen': 'Motion to reopen',
  asylum: 'Asylum (deadline)',
  'asylum-late': 'Asylum (past one year)',
  'u-visa': 'U visa',
  't-visa': 'T visa',
  vawa: 'VAWA',
  sijs: 'SIJS (youth)',
  'cancellation-lpr': 'Cancellation (LPR)',
  'cancellation-non-lpr': 'Cancellation (non-LPR)',
  tps: 'TPS',
  daca: 'DACA',
  'family-petition': 'Family petition',
  'prosecutorial-discretion': 'Prosecutorial discretion',
};

const URGENCY_STYLE: Record<Urgency, { label: string; color: string }> = {
  emergency: { label: 'EMERGENCY', color: '#b3261e' },
  high: { label: 'HIGH', color: '#a14a00' },
  normal: { label: 'NORMAL', color: '#1f5fa8' },
};

const ANSWERS: Record<string, string> = {
  yes: 'Yes',
  no: 'No',
  unsure: 'Not sure',
  'prefer-not': 'Prefers not to say',
  inspected: 'With a visa, or checked at a port of entry',
  'without-inspection': 'Crossed without being checked',
  parole: 'With parole (for example CBP One)',
  other: 'Another way, or not sure',
  'spouse-usc': 'Spouse, U.S. citizen',
  'spouse-lpr': 'Spouse with green card',
  'parent-usc': 'Parent, U.S. citizen',
  'parent-lpr': 'Parent with green card',
  'child-usc': 'Child, U.S. citizen',
  'child-lpr': 'Child with green card',
  none: 'None of these',
};

/** The facts of each body section, by DOMAIN.md id, with the labels of the intake's summary. */
const SECTIONS: Array<{ title: string; facts: Array<[FactId, string]> }> = [
  {
    title: 'Detention',
    facts: [
      ['detained', 'Detained now'],
      ['facility', 'Detention center'],
      ['detainedSince', 'Detained since'],
      ['aNumber', 'A-number'],
    ],
  },
  {
    title: 'Court',
    facts: [
      ['hasCourtCase', 'Immigration court case'],
      ['nextHearingDate', 'Next hearing'],
      ['court', 'Court'],
      ['removalOrder', 'Ever ordered deported'],
      ['missedHearing', 'Missed a hearing'],
      ['reenteredAfterRemoval', 'Came back after deportation'],
    ],
  },
  {
    title: 'Entry, family and history',
    facts: [
      ['citizenship', 'Citizenship'],
      ['entryDate', 'Last arrival'],
      ['entryManner', 'How they entered'],
      ['isLpr', 'Green card'],
      ['lprSince', 'Green card since'],
      ['usFamily', 'Family in the U.S.'],
      ['birthDate', 'Date of birth'],
      ['fearOfReturn', 'Fear of return'],
      ['crimeVictim', 'Crime victim in the U.S.'],
      ['helpedPolice', 'Reported it or helped police'],
      ['trafficking', 'Forced work or sex acts'],
      ['abusedByFamily', 'Abused by family member'],
      ['abusedByParent', 'Abused or abandoned by a parent'],
      ['criminalHistory', 'Arrests or convictions'],
    ],
  },
  // Sent only to the firm; never by SMS (DOMAIN.md "SMS rules").
  { title: 'Conflict check', facts: [['adverseParties', 'People to check for conflicts']] },
];
const FREE_TEXT = new Set<FactId>(['facility', 'court', 'adverseParties', 'name', 'location']);
const DATE_FACTS = new Set<FactId>([
  'detainedSince',
  'nextHearingDate',
  'entryDate',
  'lprSince',
  'birthDate',
]);

/**
 * Client text made safe to show on one line: control and bidi-override characters removed, every
 * run of whitespace (CR/LF included) one space.
 */
export function oneLine(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const unsafe = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
  return value.replace(unsafe, '').replace(/\s+/g, ' ').trim();
}

function cut(value: string, max: number): string {
  const chars = Array.from(value);
  return chars.length <= max
    ? value
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** 'en' → English, 'es' → Spanish; another language as the client named it. */
export function languageName(language: string): string {
  return { en: 'English', es: 'Spanish' }[language] ?? oneLine(language);
}

/** "Maria Lopez Garcia" → "Maria G.": first word and the last word's initial, for notifications. */
export function shortName(name: string | undefined): string | undefined {
  const words = oneLine(name ?? '')
    .split(' ')
    .filter(Boolean);
  const first = words[0];
  if (!first) return undefined;
  const last = words.length > 1 ? Array.from(words[words.length - 1] ?? '')[0] : undefined;
  return last ? `${cut(first, 20)} ${last.toUpperCase()}.` : cut(first, 20);
}

function headline(lead: Lead): string {
  if (lead.facts.detained === 'yes') return 'Detained';
  // A hearing soon drove the level (screening lists the deciding rules first): say so rather
  // than name a longer-term option.
  if (lead.urgencyReasons[0]?.startsWith('nextHearingDate ') && lead.facts.nextHearingDate) {
    return `Hearing ${formatDate(lead.facts.nextHearingDate, 'en').replace(/, \d{4}$/, '')}`;
  }
  const top = topFlag(lead.flags);
  if (top === 'motion-to-reopen')
    return lead.facts.missedHearing === 'yes' ? 'Missed hearing' : 'Removal order';
  if (top === 'reinstatement-risk') return 'Re-entered after removal';
  return top ? FLAG_NAMES[top] : 'Intake';
}

function topFlag(flags: Flag[]): FlagId | undefined {
  const rank = (id: FlagId) => (FLAG_PRIORITY as readonly FlagId[]).indexOf(id);
  return flags.map((f) => f.id).sort((a, b) => rank(a) - rank(b))[0];
}

/**
 * "[EMERGENCY] Detained — Maria L., Otay Mesa, Spanish": urgency first, the first name and last
 * initial only (subjects show in lock-screen notifications), the facility or city, the language.
 */
export function leadSubject(lead: Lead): string {
  const place =
    lead.facts.detained === 'yes' && lead.facts.facility
      ? lead.facts.facility
      : lead.facts.location?.split(',')[0];
  const who = [
    shortName(lead.contact.name ?? lead.facts.name),
    place && cut(oneLine(place), 24),
    cut(languageName(lead.language), 16),
  ].filter(Boolean);
  return cut(
    oneLine(`[${URGENCY_STYLE[lead.urgency].label}] ${headline(lead)} — ${who.join(', ')}`),
    80,
  );
}

function formatPhone(value: string): string {
  const phone = phoneNumber(value);
  if (!phone) return value;
  return phone.country === 'US' ? phone.formatNational() : phone.formatInternational();
}

function factValue(id: FactId, value: NonNullable<Facts[FactId]>): string {
  if (Array.isArray(value)) return value.map((v) => own(ANSWERS, v) ?? v).join('; ');
  if (DATE_FACTS.has(id)) return formatDate(value, 'en');
  if (id === 'citizenship')
    return `${new Intl.DisplayNames(['en'], { type: 'region' }).of(value) ?? value} (${value})`;
  if (id === 'phone') return formatPhone(value);
  if (id === 'preferredLanguage') return languageName(value);
  // Free text stays as typed: a facility called "Other" is not the choice 'other'.
  return FREE_TEXT.has(id) ? value : (own(ANSWERS, value) ?? value);
}

function receivedAt(iso: string, timeZone = 'UTC'): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

/* ---------- one model, two renderings ---------- */

type Row = [label: string, value: string];
type Notice = { tone: 'danger' | 'warn'; text: string };
type Section =
  | { kind: 'rows'; title: string; rows: Row[] }
  | { kind: 'flags'; title: string; note: string; flags: Flag[] }
  | { kind: 'questions'; title: string; items: Row[] };

function notices(lead: Lead): Notice[] {
  const out: Notice[] = [];
  const c = lead.contact;
  if ((c.safeToContact ?? lead.facts.safeToContact) === 'no') {
    const way = c.safeContactAlternative
      ? ` Safer way: “${oneLine(c.safeContactAlternative)}”.`
      : '';
    out.push({
      tone: 'danger',
      text: `NOT safe to call, text or leave a message at this number.${way}`,
    });
  }
  if (lead.represented) {
    out.push({
      tone: 'warn',
      text: 'The client says they already have a lawyer for this case: second opinion only.',
    });
  }
  if (lead.handoff) {
    out.push({
      tone: 'warn',
      text: 'The client asked to talk to a person; some questions may not have been asked.',
    });
  }
  return out;
}

function sections(lead: Lead): Section[] {
  const { facts, contact } = lead;
  const show = (id: FactId, label: string): Row[] => {
    const value = facts[id];
    return value === undefined ? [] : [[label, oneLine(factValue(id, value))]];
  };
  const given = (label: string, value: string | undefined): Row[] =>
    value ? [[label, oneLine(value)]] : [];
  const phone = contact.phone ?? facts.phone;
  const contactRows: Row[] = [
    ...given('Name', contact.name ?? facts.name),
    // A relative or friend often writes for a detained person: the phone and email are theirs.
    ...(facts.aboutSelf === 'no' || contact.writerName
      ? given('Written by', `${contact.writerName ?? 'name not given'} (on the client’s behalf)`)
      : []),
    ...given('Phone', phone && formatPhone(phone)),
    ...given('Email', contact.email ?? facts.email),
    ...show('location', 'Location'),
    ['Language for the consultation', languageName(lead.language)],
    ...given('Safe to contact', ANSWERS[contact.safeToContact ?? facts.safeToContact ?? '']),
    ...given('Safer way to contact', contact.safeContactAlternative),
    ['Came in by', lead.channel === 'sms' ? 'SMS' : 'web chat'],
  ];
  const all: Section[] = [
    {
      kind: 'flags',
      title: 'Possible options for attorney review',
      note: 'From an automated screening of what the client typed: possible options to review, not determinations or promises.',
      flags: lead.flags,
    },
    { kind: 'rows', title: 'Contact', rows: contactRows },
    ...SECTIONS.map(
      (s): Section => ({
        kind: 'rows',
        title: s.title,
        rows: s.facts.flatMap(([id, label]) => show(id, label)),
      }),
    ),
    {
      kind: 'questions',
      title: 'Questions the client asked, in their own words',
      items: lead.questions.map(
        (q): Row => [
          oneLine(q.text),
          q.articleId
            ? `answered with the article “${q.articleId}”`
            : 'not answered by the assistant',
        ],
      ),
    },
  ];
  // Flags always show (saying none were raised is information); empty fact sections do not.
  return all.filter((s) => s.kind === 'flags' || (s.kind === 'rows' ? s.rows : s.items).length > 0);
}

/* ---------- HTML ---------- */

class Html {
  constructor(readonly raw: string) {}
}
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
function piece(value: unknown): string {
  if (value instanceof Html) return value.raw;
  if (Array.isArray(value)) return value.map(piece).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}
/** Every interpolated value is escaped unless it is already `Html`. */
function html(parts: TemplateStringsArray, ...values: unknown[]): Html {
  return new Html(parts.reduce((out, part, i) => out + piece(values[i - 1]) + part, '').trim());
}

const FONT = `-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif`;
const H2 =
  'margin:24px 0 8px;font-size:13px;letter-spacing:.06em;text-transform:uppercase;color:#555';
const TONES = { danger: '#b3261e', warn: '#a14a00' };

function list(items: string[], color = 'inherit'): Html {
  return html`<ul style="margin:4px 0 8px;padding-left:20px;color:${color}">${items.map((item) => html`<li style="margin:2px 0">${item}</li>`)}</ul>`;
}

function sectionHtml(s: Section): Html {
  const title = html`<h2 style="${H2}">${s.title}</h2>`;
  if (s.kind === 'rows') {
    return html`${title}${s.rows.map(([label, value]) => html`<div style="padding:8px 0;border-bottom:1px solid #eee"><div style="font-size:13px;color:#666">${label}</div><div dir="auto" style="font-size:16px">${value}</div></div>`)}`;
  }
  if (s.kind === 'questions') {
    return html`${title}${s.items.map(([text, note]) => html`<blockquote dir="auto" style="margin:8px 0;padding:8px 12px;border-left:4px solid #ccc;background:#f6f6f6;font-size:16px">${text}<div style="font-size:13px;color:#666">${note}</div></blockquote>`)}`;
  }
  const flags = s.flags.length
    ? s.flags.map(
        (f) =>
          html`<div style="margin:12px 0;padding:10px 12px;border:1px solid #ddd;border-left:4px solid #1f5fa8;border-radius:6px"><div style="font-size:17px;font-weight:700">${FLAG_NAMES[f.id]} <span style="font-size:13px;font-weight:400;color:#666">(${f.id})</span></div>${list(f.reasons)}${f.complications.length ? html`<div style="font-size:14px;font-weight:700;color:${TONES.warn}">May bar or weaken</div>${list(f.complications, TONES.warn)}` : ''}${f.missing.length ? html`<div style="font-size:14px;font-weight:700;color:#555">Missing information</div>${list(f.missing, '#555')}` : ''}</div>`,
      )
    : html`<p>No option was flagged on the facts given.</p>`;
  return html`${title}<p style="margin:0;font-size:14px;color:#555">${s.note}</p>${flags}`;
}

function button(href: string, label: string, color: string, filled: boolean): Html {
  const style = filled
    ? `background:${color};color:#fff;border:2px solid ${color}`
    : `background:#fff;color:${color};border:2px solid ${color}`;
  return html`<a href="${href}" style="display:block;margin:12px 0;padding:14px 16px;border-radius:8px;text-align:center;text-decoration:none;font-size:18px;font-weight:700;${new Html(style)}">${label}</a>`;
}

function renderHtml(lead: Lead, links: LeadLinks, options: LeadEmailOptions): string {
  const u = URGENCY_STYLE[lead.urgency];
  const top = html`<div style="background:${u.color};color:#fff;padding:16px"><div style="font-size:13px;font-weight:700;letter-spacing:.08em">${u.label} · NEW LEAD</div><div style="font-size:22px;font-weight:700;line-height:1.3">${headline(lead)}</div>${list(lead.urgencyReasons)}</div>`;
  const alerts = notices(lead).map(
    (n) =>
      html`<div style="margin:16px 0 0;padding:12px;border-radius:6px;border:2px solid ${TONES[n.tone]};color:${TONES[n.tone]};font-weight:700">${n.text}</div>`,
  );
  const body = html`<div style="padding:0 16px 24px">${alerts}${sections(lead).map(sectionHtml)}
<h2 style="${H2}">Respond</h2>${button(links.transcript, 'View the full transcript', '#1f5fa8', false)}${button(links.accept, 'Accept this lead', '#1e7d32', true)}${button(links.decline, 'Decline', '#555', false)}
<p style="font-size:13px;color:#666">${footer(lead, options).join(' ')}</p></div>`;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${leadSubject(lead)}</title></head>
<body style="margin:0;padding:0;background:#fff">
<div style="display:none;max-height:0;overflow:hidden">${u.label} lead: ${headline(lead)}. Accept or decline at the end of this email.</div>
<div style="max-width:640px;margin:0 auto;font-family:${new Html(FONT)};font-size:16px;line-height:1.5;color:#1a1a1a;overflow-wrap:anywhere;word-break:break-word">${top}${body}</div>
</body></html>`.raw;
}

/* ---------- plain text ---------- */

function footer(lead: Lead, options: LeadEmailOptions): string[] {
  const why = lead.routing.reasons.map(oneLine).join('; ');
  return [
    `Lead ${lead.leadId}, received ${receivedAt(lead.createdAt, options.timeZone)}.`,
    why ? `Sent to you because: ${why}.` : '',
    'The links are signed and expire.',
    `Confidential: for ${options.firmName}'s attorneys and staff only.`,
  ].filter(Boolean);
}

function renderText(lead: Lead, links: LeadLinks, options: LeadEmailOptions): string {
  const out: string[] = [`${URGENCY_STYLE[lead.urgency].label} — ${headline(lead)}`];
  out.push(...lead.urgencyReasons.map((r) => `- ${oneLine(r)}`), '');
  for (const n of notices(lead)) out.push(`!! ${n.text}`, '');
  const bullets = (label: string, items: string[]) =>
    items.length ? [`  ${label}:`, ...items.map((i) => `  - ${oneLine(i)}`)] : [];
  for (const s of sections(lead)) {
    out.push(s.title.toUpperCase());
    if (s.kind === 'rows') out.push(...s.rows.map(([label, value]) => `${label}: ${value}`));
    if (s.kind === 'questions') out.push(...s.items.map(([text, note]) => `- “${text}” (${note})`));
    if (s.kind === 'flags') {
      out.push(s.note);
      if (!s.flags.length) out.push('No option was flagged on the facts given.');
      for (const f of s.flags) {
        out.push('', `* ${FLAG_NAMES[f.id]} (${f.id})`, ...bullets('Why', f.reasons));
        out.push(...bullets('May bar or weaken', f.complications));
        out.push(...bullets('Missing information', f.missing));
      }
    }
    out.push('');
  }
  out.push('RESPOND', `View the full transcript: ${links.transcript}`);
  out.push(`Accept this lead: ${links.accept}`, `Decline: ${links.decline}`, '');
  out.push(...footer(lead, options));
  return `${out.join('\n')}\n`;
}

/**
 * The lead summary as a nodemailer message: to the routed addresses, with the `X-Amparo-Lead-Id`
 * header and the `lead.json` attachment (API.md "Leads").
 *
 * @throws Error when a link is not an http(s) URL.
 * @example
 * buildLeadEmail(lead, { transcript, accept, decline }, { firmName: 'Example Law', from: 'intake@example.com' });
 * // → { subject: '[EMERGENCY] Detained — Maria L., Otay Mesa, Spanish', to: ['ana@example.com'], ... }
 */
export function buildLeadEmail(lead: Lead, links: LeadLinks, options: LeadEmailOptions): LeadEmail {
  // The links are ours (signed by the caller); anything else in an href is a bug, not a lead.
  for (const [name, url] of Object.entries(links)) {
    if (!/^https?:\/\/\S+$/.test(url)) throw new Error(`the ${name} link must be an http(s) URL`);
  }
  return {
    from: options.from,
    to: [...lead.routing.to],
    subject: leadSubject(lead),
    text: renderText(lead, links, options),
    html: renderHtml(lead, links, options),
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
