/**
 * Drawing a lead for reading: what it says at a glance, its notices, the summary, the options
 * flagged with their reasons, the client's questions, routing, notes, the conversation and the
 * history. Every word the client, staff or the server wrote is set as text.
 */
import { urgencyBadge } from './board-view.js';
import { h, when } from './dom.js';
import {
  channelLabel,
  conflictText,
  languageLabel,
  offerLabel,
  roleLabel,
  statusLabel,
  urgencyInfo,
} from './format.js';
import { leadHash } from './route.js';
import { T } from './words.js';

const list = (x) => (Array.isArray(x) ? x : []);
const str = (x) => (x == null ? '' : String(x));

/** The client's language as a `lang` attribute, when it is one a browser knows by its code. */
export function clientLang(lead) {
  return lead.language === 'en' || lead.language === 'es' ? lead.language : null;
}

function section(id, title, ...children) {
  return h(
    'section',
    { class: 'part', 'aria-labelledby': id },
    h('h2', { id, text: title }),
    ...children,
  );
}

function pair(label, value) {
  return [h('dt', { text: label }), h('dd', {}, value)];
}

/** Urgency, status, when, channel, language, where, who: the line under the name. */
export function glance(lead) {
  const u = urgencyInfo(lead.urgency);
  const rows = [
    pair(T.urgency, urgencyBadge(u)),
    pair(T.status, statusLabel(lead.status)),
    pair(T.created, when(lead.createdAt)),
    pair(T.channel, channelLabel(lead.channel)),
    pair(T.language, languageLabel(lead.language)),
    pair(T.location, str(lead.location) || T.noLocation),
    pair(T.assigned, lead.routedTo?.name || T.unassigned),
    pair(T.offer, offerText(lead)),
  ];
  if (lead.updatedAt && lead.updatedAt !== lead.createdAt)
    rows.push(pair(T.updated, when(lead.updatedAt)));
  return h('dl', { class: 'glance' }, ...rows.flat());
}

function offerText(lead) {
  const a = lead.acceptedBy;
  if (lead.offer === 'accepted' && a?.name) return T.acceptedBy(a.name, when(a.at).textContent);
  return offerLabel(lead.offer);
}

/** Notices (danger first), conflicts and a possible duplicate: what to read before anything. */
export function noticesPart(lead) {
  const items = [];
  const notices = list(lead.notices);
  const ordered = notices
    .filter((n) => n?.tone === 'danger')
    .concat(notices.filter((n) => n?.tone !== 'danger'));
  for (const n of ordered) {
    const tone = n.tone === 'danger' ? 'danger' : 'warn';
    items.push(
      h(
        'li',
        { class: `box box-${tone} notice` },
        h('span', {
          class: 'notice-icon',
          'aria-hidden': 'true',
          text: tone === 'danger' ? '⚠' : 'ℹ',
        }),
        h('p', { text: str(n.text) }),
      ),
    );
  }
  const conflicts = list(lead.conflicts).map(conflictText).filter(Boolean);
  if (conflicts.length)
    items.push(
      h(
        'li',
        { class: 'box box-warn notice' },
        h('span', { class: 'notice-icon', 'aria-hidden': 'true', text: '⚠' }),
        h(
          'div',
          {},
          h('p', {}, h('strong', { text: `${T.conflictsTitle}: ` }), T.conflictsHint),
          h('ul', {}, ...conflicts.map((c) => h('li', { text: c }))),
        ),
      ),
    );
  if (lead.possibleDuplicateOf)
    items.push(
      h(
        'li',
        { class: 'box box-warn notice' },
        h('span', { class: 'notice-icon', 'aria-hidden': 'true', text: '⚠' }),
        h(
          'p',
          {},
          `${T.duplicateOf} `,
          h('a', { href: leadHash(lead.possibleDuplicateOf), text: T.openDuplicate }),
        ),
      ),
    );
  if (!items.length) return null;
  return h(
    'section',
    { class: 'notices', 'aria-labelledby': 'notices-title' },
    h('h2', { id: 'notices-title', class: 'sr-only', text: T.notices }),
    h('ul', { class: 'plain' }, ...items),
  );
}

/** The server's summary: sections of [label, value] rows, as an attorney reads them. */
export function summaryParts(lead) {
  return list(lead.summary).map((s, i) =>
    section(
      `summary-${i}`,
      str(s?.title) || T.summary,
      h(
        'dl',
        { class: 'rows' },
        ...list(s?.rows).flatMap((r) =>
          pair(str(r?.[0]), h('span', { class: 'said', text: str(r?.[1]) })),
        ),
      ),
    ),
  );
}

export function urgencyPart(lead) {
  const reasons = list(lead.urgencyReasons);
  if (!reasons.length) return null;
  return section(
    'urgency-title',
    T.urgencyReasons,
    h('ul', {}, ...reasons.map((r) => h('li', { text: str(r) }))),
  );
}

export function flagsPart(lead) {
  const flags = list(lead.flags);
  return section(
    'flags-title',
    T.options,
    flags.length
      ? h(
          'ul',
          { class: 'plain flags' },
          ...flags.map((f) =>
            h(
              'li',
              { class: 'flag' },
              h('h3', { text: str(f?.title || f?.id) }),
              list(f?.reasons).length
                ? h('ul', {}, ...list(f.reasons).map((r) => h('li', { text: str(r) })))
                : null,
            ),
          ),
        )
      : h('p', { class: 'muted', text: T.noOptions }),
  );
}

export function questionsPart(lead) {
  const qs = list(lead.questions);
  return section(
    'questions-title',
    T.questions,
    qs.length
      ? h(
          'ol',
          { class: 'plain quotes', lang: clientLang(lead) },
          ...qs.map((q) =>
            h(
              'li',
              {},
              h('blockquote', { text: str(q?.text) }),
              q?.at ? h('p', { class: 'muted' }, when(q.at)) : null,
            ),
          ),
        )
      : h('p', { class: 'muted', text: T.noQuestions }),
  );
}

export function routingPart(lead) {
  return section(
    'routing-title',
    T.routing,
    h('p', {}, h('strong', { text: `${T.routedTo}: ` }), lead.routedTo?.name || T.unassigned),
    lead.routingReasons ? h('p', { class: 'said', text: str(lead.routingReasons) }) : null,
  );
}

export function notesPart(lead) {
  const notes = list(lead.notes);
  return section(
    'notes-title',
    T.notes,
    notes.length
      ? h(
          'ol',
          { class: 'plain entries' },
          ...notes.map((n) =>
            h(
              'li',
              { class: 'entry' },
              h('p', { class: 'muted' }, when(n?.at), n?.by ? ` · ${str(n.by)}` : ''),
              h('p', { class: 'said', text: str(n?.text) }),
            ),
          ),
        )
      : h('p', { class: 'muted', text: T.noNotes }),
  );
}

/** The conversation as bubbles: assistant and staff on one side, the client on the other. */
export function transcriptPart(transcript, lead) {
  const msgs = list(transcript);
  return section(
    'transcript-title',
    T.transcript,
    msgs.length
      ? h(
          'ol',
          { class: 'plain chat', lang: clientLang(lead) },
          ...msgs.map((m) => {
            const role = m?.role === 'user' || m?.role === 'staff' ? m.role : 'bot';
            return h(
              'li',
              { class: `msg msg-${role}` },
              h(
                'p',
                { class: 'msg-who', lang: 'en' },
                roleLabel(m?.role),
                m?.at ? ' · ' : '',
                m?.at ? when(m.at) : null,
              ),
              h('p', { class: 'bubble', text: str(m?.text) }),
            );
          }),
        )
      : h('p', { class: 'muted', text: T.noTranscript }),
  );
}

export function historyPart(history) {
  const items = list(history);
  return section(
    'history-title',
    T.history,
    items.length
      ? h(
          'ol',
          { class: 'plain entries' },
          ...items.map((e) =>
            h(
              'li',
              { class: 'entry' },
              h('p', { class: 'muted' }, when(e?.at)),
              h(
                'p',
                {},
                e?.by ? h('strong', { text: str(e.by) }) : null,
                e?.by ? ' ' : '',
                str(e?.action),
                e?.detail ? `: ${str(e.detail)}` : '',
              ),
            ),
          ),
        )
      : h('p', { class: 'muted', text: T.noHistory }),
  );
}
