/**
 * Drawing the board's leads: the same rows as cards (a phone) and as a table (a desktop);
 * console.css shows one or the other by the width of the screen.
 */
import { h, sr } from './dom.js';
import { T } from './words.js';

/** The urgency as a symbol and a word, never by colour alone. */
export function urgencyBadge(u) {
  return h(
    'span',
    { class: `urg urg-${u.level}` },
    u.icon ? h('span', { class: 'urg-icon', 'aria-hidden': 'true', text: u.icon }) : null,
    h('span', { text: u.label }),
  );
}

function warningBadges(row) {
  if (!row.warnings.length) return null;
  return h(
    'span',
    { class: 'warns' },
    ...row.warnings.map((w) =>
      h(
        'span',
        { class: `warn warn-${w.kind}` },
        h('span', { class: 'warn-icon', 'aria-hidden': 'true', text: '⚠' }),
        h('span', { text: w.text }),
      ),
    ),
  );
}

function nameLink(row) {
  return h('a', {
    class: row.named ? 'lead-link' : 'lead-link unnamed',
    href: row.href,
    text: row.name,
  });
}

function card(row, headingLevel) {
  const facts = [row.status, row.language, row.channel].filter(Boolean).join(' · ');
  return h(
    'li',
    { class: `card card-${row.urgency.level}` },
    h(
      'div',
      { class: 'card-top' },
      h('span', {}, sr(`${T.urgency}: `), urgencyBadge(row.urgency)),
      h('time', { datetime: row.createdAt || null, class: 'muted', text: row.created }),
    ),
    h(`h${headingLevel}`, { class: 'card-name' }, nameLink(row)),
    h('p', { class: 'card-line' }, sr(`${T.status}: `), facts),
    row.location ? h('p', { class: 'card-line muted' }, sr(`${T.location}: `), row.location) : null,
    h(
      'p',
      { class: 'card-line' },
      h('span', { class: 'k', text: `${T.options}: ` }),
      row.flags.length ? row.flags.join(', ') : T.noOptions,
    ),
    h(
      'p',
      { class: 'card-line' },
      h('span', { class: 'k', text: `${T.assigned}: ` }),
      row.assigned,
    ),
    warningBadges(row),
  );
}

function tableRow(row) {
  return h(
    'tr',
    { class: `row-${row.urgency.level}` },
    h('td', {}, h('time', { datetime: row.createdAt || null, text: row.created })),
    h(
      'th',
      { scope: 'row' },
      nameLink(row),
      row.location ? h('span', { class: 'sub', text: row.location }) : null,
    ),
    h('td', {}, urgencyBadge(row.urgency)),
    h('td', { text: row.status }),
    h('td', { text: row.flags.length ? row.flags.join(', ') : T.noOptions }),
    h('td', {}, row.language, h('span', { class: 'sub', text: row.channel })),
    h('td', { text: row.assigned }),
    h('td', {}, warningBadges(row)),
  );
}

/**
 * One group of the board: its h2, then the cards and the table of `rows`. `hint`: a line under
 * the heading.
 */
export function leadGroup(id, title, hint, rows) {
  const headingId = `${id}-title`;
  const cols = [
    T.received,
    T.name,
    T.urgency,
    T.status,
    T.options,
    T.language,
    T.assigned,
    T.warnings,
  ];
  return h(
    'section',
    { class: 'group', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, title, h('span', { class: 'count', text: ` (${rows.length})` })),
    hint ? h('p', { class: 'muted', text: hint }) : null,
    h('ul', { class: 'cards', 'aria-labelledby': headingId }, ...rows.map((r) => card(r, 3))),
    h(
      'table',
      { class: 'leads-table', 'aria-labelledby': headingId },
      h('thead', {}, h('tr', {}, ...cols.map((c) => h('th', { scope: 'col', text: c })))),
      h('tbody', {}, ...rows.map(tableRow)),
    ),
  );
}
