/**
 * The lead page's webhooks (README "Signed webhooks", "Clio Grow"): `GET
 * /api/staff/leads/{id}/events`, the lead's events not sent yet or given up on, per target: which
 * URL (or Clio Grow), how many tries, the last error and the next try. Shown only when there is
 * one, in its own section loaded after the lead, so a slow answer never holds the page.
 */
import { h, when } from './dom.js';
import { call } from './http.js';
import { WEBHOOKS as W } from './words.js';

const eventsPath = (id) => `/api/staff/leads/${encodeURIComponent(id)}/events`;

/** The section: empty (and hidden) until an event is waiting or failed. */
export function webhooksPart(ctx) {
  const section = h('section', {
    class: 'part webhooks',
    'aria-labelledby': 'webhooks-title',
    hidden: true,
  });
  call('GET', eventsPath(ctx.id)).then((r) => {
    const events = r?.status === 200 && Array.isArray(r.body?.events) ? r.body.events : [];
    if (!events.length) return;
    section.replaceChildren(
      h('h2', { id: 'webhooks-title', text: W.title }),
      h('p', { class: 'hint', text: W.hint }),
      table(events),
    );
    section.hidden = false;
  });
  return section;
}

function table(events) {
  const head = h('tr', {}, ...W.columns.map((c) => h('th', { scope: 'col', text: c })));
  const rows = events.map((e) =>
    h(
      'tr',
      {},
      h('td', { text: W.type[e.type] ?? e.type }),
      h('td', { class: 'webhook-url', text: e.target }),
      h('td', { text: String(e.attempts) }),
      h('td', { text: e.lastError ?? '–' }),
      h('td', {}, e.status === 'failed' ? W.gaveUp : e.nextAttemptAt ? when(e.nextAttemptAt) : '–'),
    ),
  );
  return h(
    'div',
    { class: 'table-box' },
    h(
      'table',
      { class: 'data-table' },
      h('caption', { class: 'sr-only', text: W.title }),
      h('thead', {}, head),
      h('tbody', {}, ...rows),
    ),
  );
}
