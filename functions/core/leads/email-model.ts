/**
 * What the lead email says, once, for both of its parts (email.ts renders the text, email-html.ts
 * the HTML): the subject, the headline, the notices, the sections and the footer. Every client
 * string is put on one line without control or bidi-override characters here, so typed text cannot
 * forge a header, a link line or a reordered display; HTML escaping is the HTML part's job.
 */
import { formatDate } from '../engine/render';
import type { FactId, Facts } from '../facts';
import { foldWords } from '../parse/normalize';
import { phoneNumber } from '../parse/phone-metadata';
import { FLAG_PRIORITY, type Flag, type FlagId } from '../screening/screening';
import type { EmailWords } from './email-words';
import type { Lead, LeadChange } from './lead';
import { LINK_DAYS } from './links';

/** The facts of each body section (DOMAIN.md ids), under their `email.sections` title. */
const SECTIONS: Array<{ title: string; facts: FactId[] }> = [
  {
    title: 'detention',
    facts: [
      'detained',
      'facility',
      'detainedSince',
      'arrestSetting',
      'aNumber',
      'bondSet',
      'signedPapers',
      'healthNeeds',
    ],
  },
  {
    title: 'court',
    facts: [
      'hasCourtCase',
      'nextHearingDate',
      'court',
      'removalOrder',
      'orderDate',
      'missedHearing',
      'priorRemovalKind',
      'reenteredAfterRemoval',
      'nextCheckInDate',
    ],
  },
  {
    title: 'history',
    facts: [
      'citizenship',
      'entryDate',
      'firstEntryDate',
      'entryManner',
      'isLpr',
      'lprSince',
      'usFamily',
      'oldestUscChildAge',
      'parentCitizen',
      'birthDate',
      'fearOfReturn',
      'crimeVictim',
      'helpedPolice',
      'trafficking',
      'familyHarm',
      'abusedByFamily',
      'abusedByParent',
      'criminalHistory',
      'priorApplications',
    ],
  },
  // Sent only to the firm; never by SMS (DOMAIN.md "SMS rules").
  { title: 'conflicts', facts: ['adverseParties'] },
];
const FREE_TEXT = new Set<FactId>(['facility', 'court', 'adverseParties', 'name', 'location']);
const DATE_FACTS = new Set<FactId>([
  'detainedSince',
  'nextCheckInDate',
  'nextHearingDate',
  'orderDate',
  'entryDate',
  'firstEntryDate',
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

/** The consultation's language by name ("Spanish"); another language as the client named it. */
function languageName(language: string, words: EmailWords): string {
  return words.languageName(language) ?? oneLine(language);
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

export function headline(lead: Lead, words: EmailWords): string {
  const say = words.say;
  if (lead.facts.detained === 'yes') return say('headline.detained');
  if (lead.facts.arrestSetting === 'county-jail' && lead.facts.detained !== 'no')
    return say('headline.countyJail');
  // A hearing soon drove the level (screening lists the deciding rules first): say so rather
  // than name a longer-term option.
  if (lead.urgencyReasons[0]?.startsWith('nextHearingDate ') && lead.facts.nextHearingDate) {
    const date = formatDate(lead.facts.nextHearingDate, words.language).replace(/, \d{4}$/, '');
    return say('headline.hearing', { date });
  }
  const top = topFlag(lead.flags);
  if (top === 'motion-to-reopen')
    return say(
      lead.facts.missedHearing === 'yes' ? 'headline.missedHearing' : 'headline.removalOrder',
    );
  if (top === 'reinstatement-risk') return say('headline.reentered');
  return top ? words.flag(top) : say('headline.intake');
}

function topFlag(flags: Flag[]): FlagId | undefined {
  const rank = (id: FlagId) => (FLAG_PRIORITY as readonly FlagId[]).indexOf(id);
  return flags.map((f) => f.id).sort((a, b) => rank(a) - rank(b))[0];
}

/**
 * "[EMERGENCY] Detained — Maria L., Otay Mesa, Spanish": urgency first, the first name and last
 * initial only (subjects show in lock-screen notifications), the facility or city, the language.
 *
 * @example leadSubject(lead, emailWords(content.strings, 'en')) // '[HIGH] Missed hearing — José H., San Diego, English'
 */
export function leadSubject(lead: Lead, words: EmailWords): string {
  const place =
    lead.facts.detained === 'yes' && lead.facts.facility
      ? lead.facts.facility
      : lead.facts.location?.split(',')[0];
  const who = [
    shortName(lead.contact.name ?? lead.facts.name),
    place && cut(oneLine(place), 24),
    cut(languageName(lead.language, words), 16),
  ].filter(Boolean);
  const updated = lead.updates?.length ? `[${words.say('updatedTag')}] ` : '';
  return cut(
    oneLine(
      `${updated}[${words.urgency(lead.urgency)}] ${headline(lead, words)} — ${who.join(', ')}`,
    ),
    80,
  );
}

function formatPhone(value: string): string {
  const phone = phoneNumber(value);
  if (!phone) return value;
  return phone.country === 'US' ? phone.formatNational() : phone.formatInternational();
}

function factValue(id: FactId, value: NonNullable<Facts[FactId]>, words: EmailWords): string {
  if (Array.isArray(value)) return value.map((v) => words.answer(id, v) ?? v).join('; ');
  if (typeof value === 'number') return String(value);
  if (DATE_FACTS.has(id)) return formatDate(value, words.language);
  if (id === 'citizenship') {
    const country = new Intl.DisplayNames([words.language], { type: 'region' }).of(value);
    return `${country ?? value} (${value})`;
  }
  if (id === 'phone') return formatPhone(value);
  if (id === 'preferredLanguage') return languageName(value, words);
  // Free text stays as typed: a facility called "Other" is not the choice 'other'.
  return FREE_TEXT.has(id) ? value : (words.answer(id, value) ?? value);
}

function receivedAt(iso: string, language: string, timeZone = 'UTC'): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(`${language}-US`, {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

export type Row = [label: string, value: string, href?: string];
export type Notice = { tone: 'danger' | 'warn'; text: string };
export type Section =
  | { kind: 'rows'; title: string; rows: Row[] }
  | { kind: 'flags'; title: string; flags: Flag[] }
  /** An emergency's first screen: who, where, since when, how to call; the risks; what to ask. */
  | { kind: 'glance'; title: string; rows: Row[]; risks: string[]; ask: string[] }
  | { kind: 'questions'; title: string; items: Row[] };

/**
 * The possible conflicts, one line each (the list's name, its role and matter, the lead's name it
 * may be, the score and why): the first thing the email says. Empty when there are none.
 */
export function conflictLines(lead: Lead, words: EmailWords): string[] {
  const { say } = words;
  return (lead.conflicts ?? []).map((c) =>
    oneLine(
      say('conflictLine', {
        name: c.name,
        role: say(`conflictRoles.${c.role}`),
        matter: c.matter ? say('conflictMatter', { matter: c.matter }) : '',
        as: say(`conflictAs.${c.as}`),
        against: c.against,
        score: String(Math.round(c.score * 100)),
        why: c.why.join('; '),
      }),
    ),
  );
}

/**
 * What must be read before anything else: not safe to contact (or not asked yet), an intake still
 * going on or referred after it went out, already represented, handoff, a possible duplicate.
 */
export function notices(lead: Lead, words: EmailWords): Notice[] {
  const out: Notice[] = [];
  const { say } = words;
  const c = lead.contact;
  const safe = c.safeToContact ?? lead.facts.safeToContact;
  if (safe === 'no') {
    const way = c.safeContactAlternative
      ? ` ${say('saferWay', { way: oneLine(c.safeContactAlternative) })}`
      : '';
    out.push({ tone: 'danger', text: `${say('notSafe')}${way}` });
  } else if (safe === undefined && (c.phone ?? lead.facts.phone)) {
    out.push({ tone: 'danger', text: say('safeNotAsked') });
  }
  if (lead.intake === 'in-progress') out.push({ tone: 'warn', text: say('inProgress') });
  if (lead.intake === 'referred') out.push({ tone: 'warn', text: say('referredAfter') });
  if (lead.urgency === 'emergency' && !lead.facts.location && !lead.facts.facility) {
    out.push({ tone: 'warn', text: say('areaUnknown') });
  }
  if (lead.represented) out.push({ tone: 'warn', text: say('represented') });
  if (lead.handoff) out.push({ tone: 'warn', text: say('handoff') });
  // A typed number with an open lead: maybe the client again, maybe someone who knows her number.
  if (lead.possibleDuplicateOf) {
    out.push({
      tone: 'warn',
      text: say('possibleDuplicate', { leadId: lead.possibleDuplicateOf }),
    });
  }
  return out;
}

export function sections(lead: Lead, words: EmailWords): Section[] {
  const { facts, contact } = lead;
  const { say, label } = words;
  const show = (id: FactId): Row[] => {
    const value = facts[id];
    if (value === undefined) return [];
    const shown = oneLine(factValue(id, value, words));
    const own = ownWords(id, shown, lead.said?.[id]);
    return [[label(id), own ? `${shown} — “${own}”` : shown]];
  };
  const given = (label: string, value: string | undefined): Row[] =>
    value ? [[label, oneLine(value)]] : [];
  const phone = contact.phone ?? facts.phone;
  const safe = contact.safeToContact ?? facts.safeToContact;
  const contactRows: Row[] = [
    ...given(label('name'), contact.name ?? facts.name),
    // A relative or friend often writes for a detained person: the phone and email are theirs.
    ...(facts.aboutSelf === 'no' || contact.writerName
      ? given(
          say('writtenBy'),
          say('onBehalf', { name: contact.writerName ?? say('nameNotGiven') }) +
            (facts.writerRelationship
              ? ` — ${say(`relationship.${facts.writerRelationship}`)}`
              : ''),
        )
      : []),
    ...given(label('phone'), phone && formatPhone(phone)),
    ...given(label('email'), contact.email ?? facts.email),
    ...show('location'),
    [label('preferredLanguage'), languageName(lead.language, words)],
    ...given(label('safeToContact'), safe && words.answer('safeToContact', safe)),
    ...given(label('safeContactAlternative'), contact.safeContactAlternative),
    [say('cameInBy'), say(`channels.${lead.channel}`)],
  ];
  const all: Section[] = [
    { kind: 'flags', title: say('sections.flags'), flags: lead.flags },
    { kind: 'rows', title: say('sections.contact'), rows: contactRows },
    ...SECTIONS.map((s): Section => {
      // Screened-negative answers in one line: what matters is what was said yes to.
      const no = s.facts.filter((id) => NEGATIVE_IN_ONE_LINE.has(id) && facts[id] === 'no');
      const rows = s.facts.filter((id) => !no.includes(id)).flatMap(show);
      if (no.length) rows.push([say('saidNo'), no.map((id) => label(id)).join('; ')]);
      return { kind: 'rows', title: say(`sections.${s.title}`), rows };
    }),
    {
      kind: 'questions',
      title: say('sections.questions'),
      items: lead.questions.map(
        (q): Row => [
          oneLine(q.text),
          q.articleId ? say('answeredWith', { article: q.articleId }) : say('notAnswered'),
        ],
      ),
    },
  ];
  const first = glance(lead, words);
  // Flags always show (saying none were raised is information); empty fact sections do not.
  return [
    ...(first ? [first] : []),
    ...all.filter(
      (s) =>
        s.kind === 'flags' ||
        (s.kind === 'rows' && s.rows.length > 0) ||
        (s.kind === 'questions' && s.items.length > 0),
    ),
  ];
}

/**
 * The client's own words for a fact when they say more than its value ("si, lo deportaron en
 * 2015" beside "Yes"): not for free text (the value is the words), a button number, or a word.
 */
function ownWords(id: FactId, shown: string, said: string | undefined): string | undefined {
  if (!said || FREE_TEXT.has(id) || id === 'phone' || id === 'email') return undefined;
  const words = foldWords(said);
  // "03/04/1988" says nothing a date does not: only words beside a value.
  if (!/\p{L}/u.test(words) || !words.includes(' ') || words === foldWords(shown)) return undefined;
  return cut(oneLine(said), 160);
}

/** Yes/no facts whose "no" is shown with the others in one line, not a row each. */
const NEGATIVE_IN_ONE_LINE = new Set<FactId>([
  'missedHearing',
  'reenteredAfterRemoval',
  'isLpr',
  'fearOfReturn',
  'crimeVictim',
  'helpedPolice',
  'trafficking',
  'familyHarm',
  'abusedByFamily',
  'abusedByParent',
  'signedPapers',
  'healthNeeds',
]);

/** What an attorney asks on the first call of an emergency, when the intake did not get it. */
const ASK_FIRST: FactId[] = [
  'facility',
  'detainedSince',
  'aNumber',
  'arrestSetting',
  'bondSet',
  'signedPapers',
  'healthNeeds',
  'location',
  'hasCourtCase',
  'removalOrder',
  'entryDate',
  'entryManner',
  'criminalHistory',
];
const DETENTION_FACTS = new Set<FactId>([
  'facility',
  'detainedSince',
  'arrestSetting',
  'bondSet',
  'signedPapers',
  'healthNeeds',
]);

/**
 * An emergency's first screen (issue 14): who is held, where, since when, the A-number or "NOT
 * GIVEN"; who wrote, their relationship, a number to tap, the language, whether it is safe to
 * call; what could mean removal within hours or no bond; what to ask on the first call.
 */
export function glance(lead: Lead, words: EmailWords): Section | undefined {
  if (lead.urgency !== 'emergency') return undefined;
  const { facts, contact } = lead;
  const { say, label } = words;
  const notGiven = say('notGiven');
  const value = (id: FactId) => {
    const v = facts[id];
    return v === undefined ? notGiven : oneLine(factValue(id, v, words));
  };
  const held = facts.detained === 'yes' || facts.arrestSetting === 'county-jail';
  const rows: Row[] = [[say('glanceWho'), oneLine(contact.name ?? facts.name ?? notGiven)]];
  if (held)
    rows.push(
      [label('facility'), value('facility')],
      [label('detainedSince'), value('detainedSince')],
    );
  else if (facts.nextHearingDate) rows.push([label('nextHearingDate'), value('nextHearingDate')]);
  rows.push([label('aNumber'), value('aNumber')]);
  if (facts.aboutSelf === 'no') {
    const relation = facts.writerRelationship
      ? ` (${say(`relationship.${facts.writerRelationship}`)})`
      : '';
    rows.push([
      say('writtenBy'),
      `${oneLine(contact.writerName ?? say('nameNotGiven'))}${relation}`,
    ]);
  }
  const phone = contact.phone ?? facts.phone;
  if (phone) rows.push([label('phone'), formatPhone(phone), `tel:${phone}`]);
  rows.push([label('preferredLanguage'), languageName(lead.language, words)]);
  const safe = contact.safeToContact ?? facts.safeToContact;
  rows.push([
    label('safeToContact'),
    safe ? (words.answer('safeToContact', safe) ?? safe) : say('notAskedYet'),
  ]);
  const ask = ASK_FIRST.filter(
    (id) =>
      facts[id] === undefined &&
      (!DETENTION_FACTS.has(id) || held) &&
      !(id === 'aNumber' && facts.aNumber),
  ).map((id) => label(id));
  return {
    kind: 'glance',
    title: say('sections.glance'),
    rows,
    risks: removalRisks(lead, words),
    ask,
  };
}

/** What in the answers could mean removal within hours, or no bond (issue 14). */
function removalRisks(lead: Lead, words: EmailWords): string[] {
  const { facts } = lead;
  const say = (key: string) => words.say(`risks.${key}`);
  const detained = facts.detained === 'yes';
  const out: string[] = [];
  if (facts.reenteredAfterRemoval === 'yes') out.push(say('reinstatement'));
  if (lead.flags.some((f) => f.id === 'expedited-removal-risk') || facts.arrestSetting === 'border')
    out.push(say('expedited'));
  if (facts.removalOrder === 'yes') out.push(say('order'));
  if (facts.signedPapers === 'yes') out.push(say('signed'));
  if (detained && (facts.arrestSetting === 'border' || facts.entryManner === 'parole'))
    out.push(say('arriving'));
  if (detained && facts.entryManner === 'without-inspection') out.push(say('noBondEwi'));
  if (detained && facts.criminalHistory === 'yes') out.push(say('mandatory'));
  return out;
}

/**
 * The "What changed" box of an update (DOMAIN.md "Lead updates"): the last update's changes,
 * each as its label and "before → after" in an attorney's words. Empty for a first send.
 */
export function changedRows(lead: Lead, words: EmailWords): Row[] {
  const last = lead.updates?.[lead.updates.length - 1];
  if (!last) return [];
  const { say } = words;
  const none = say('changedNone');
  // What moved first (urgency, options, contact, answers that changed), then what is new; on a
  // phone the box stays short, and the sections below hold every answer.
  const rank = (c: LeadChange) =>
    OWN_FIELDS.includes(c.field) ? 0 : c.field.startsWith('contact.') ? 1 : c.before ? 2 : 3;
  const ordered = [...last.changes].sort((a, b) => rank(a) - rank(b));
  const rows = ordered.slice(0, CHANGED_SHOWN).map((c): Row => {
    const show = (v: string | undefined) =>
      v === undefined ? none : changedValue(c.field, v, words);
    return [changedLabel(c.field, words), `${show(c.before)} → ${show(c.after)}`];
  });
  const more = ordered.length - rows.length;
  if (more > 0) rows.push([say('changedMore', { n: String(more) }), say('changedBelow')]);
  return rows;
}

/** How many changes the "What changed" box lists before "and N more". */
const CHANGED_SHOWN = 8;

const OWN_FIELDS = ['conflicts', 'urgency', 'flags', 'intake', 'language'];

function changedLabel(field: string, words: EmailWords): string {
  if (field.startsWith('contact.')) return words.label(field.slice('contact.'.length));
  if (OWN_FIELDS.includes(field)) return words.say(`changedFields.${field}`);
  return words.label(field);
}

function changedValue(field: string, value: string, words: EmailWords): string {
  if (field === 'urgency') return words.urgency(value as Lead['urgency']);
  if (field === 'flags')
    return value
      .split(', ')
      .map((id) => words.flag(id as FlagId))
      .join(', ');
  if (field === 'intake') return words.say(`intakeStages.${value}`);
  if (field === 'language') return languageName(value, words);
  if (field === 'conflicts') return oneLine(value);
  const key = field.startsWith('contact.') ? field.slice('contact.'.length) : field;
  if (key === 'safeContactAlternative' || key === 'writerName') return oneLine(value);
  const id = key as FactId;
  if (id === 'usFamily') {
    return value
      .split(', ')
      .map((v) => words.answer(id, v) ?? v)
      .join('; ');
  }
  return oneLine(factValue(id, value as never, words));
}

/** The last lines of both parts: the lead, why it came to this reader, confidentiality. */
export function footer(
  lead: Lead,
  words: EmailWords,
  options: { firmName: string; timeZone?: string },
): string[] {
  const { say } = words;
  const why = oneLine(lead.routing.because ?? lead.routing.reasons.join('; '));
  const at = receivedAt(lead.createdAt, words.language, options.timeZone);
  return [
    say('received', { leadId: lead.leadId, at }),
    why ? say('sentBecause', { reasons: why }) : '',
    say('flagsNote'),
    say('linksExpire', { days: String(LINK_DAYS) }),
    say('confidential', { firm: options.firmName }),
  ].filter(Boolean);
}

/**
 * For an emergency nobody has accepted: when it moves on if nobody accepts it, and to whom
 * (`escalation`, worked out by the caller from the roster).
 */
export function escalationLine(
  lead: Lead,
  words: EmailWords,
  options: { timeZone?: string; escalation?: { at: string; next?: string } },
): string | undefined {
  const e = options.escalation;
  if (lead.urgency !== 'emergency' || lead.status !== 'new' || !e) return undefined;
  const time = new Intl.DateTimeFormat(`${words.language}-US`, {
    timeZone: options.timeZone ?? 'UTC',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(e.at));
  return e.next
    ? words.say('escalatesTo', { time, next: e.next })
    : words.say('escalates', { time });
}
