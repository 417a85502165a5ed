/**
 * The leads board: filters (reflected in the address, so a reload keeps them), the leads that
 * need attention first, then the others, and "Load more" with the API's cursor.
 * `GET /api/staff/leads?status=&urgency=&flag=&language=&channel=&q=&cursor=`.
 */
import { leadGroup } from './board-view.js';
import { announce, h, messageBox } from './dom.js';
import { call, explain } from './http.js';
import { groupLeads, leadRow } from './leads.js';
import { boardHash, cleanFilters, hasFilters, leadsPath } from './route.js';
import { app, showScreen } from './shell.js';
import { CHANNELS, EXPORT, FILTER_LABELS, FLAGS, LANGUAGES, STATUS, T, URGENCY } from './words.js';

const OPTIONS = {
  status: STATUS,
  urgency: Object.fromEntries(Object.entries(URGENCY).map(([k, v]) => [k, v.label])),
  flag: FLAGS,
  language: LANGUAGES,
  channel: CHANNELS,
};

export function showBoard(filters) {
  const state = { filters: cleanFilters(filters), leads: [], cursor: null, req: 0 };
  app.boardHash = boardHash(state.filters);

  const results = h('div', { class: 'results' });
  const more = h('button', { type: 'button', class: 'btn more', text: T.loadMore, hidden: true });
  const clear = h('button', { type: 'button', class: 'btn btn-quiet', text: T.clearFilters });
  const selects = {};
  const search = h('input', {
    id: 'f-q',
    name: 'q',
    type: 'search',
    autocomplete: 'off',
    value: state.filters.q || '',
  });

  const apply = () => {
    const next = { q: search.value };
    for (const [key, sel] of Object.entries(selects)) next[key] = sel.value;
    state.filters = cleanFilters(next);
    app.boardHash = boardHash(state.filters);
    // Same screen, new list: the address keeps the filters without a step in the history.
    history.replaceState(null, '', app.boardHash);
    clear.hidden = !hasFilters(state.filters);
    load(false);
  };

  const form = h('form', { class: 'filters', role: 'search', 'aria-label': T.filters });
  form.append(
    h(
      'div',
      { class: 'field field-q' },
      h('label', { for: 'f-q', text: T.search }),
      h(
        'div',
        { class: 'inline' },
        search,
        h('button', { type: 'submit', class: 'btn', text: T.searchButton }),
      ),
    ),
  );
  const row = h('div', { class: 'selects' });
  for (const [key, label] of Object.entries(FILTER_LABELS)) {
    const sel = h('select', { id: `f-${key}`, name: key }, h('option', { value: '', text: T.any }));
    for (const [value, text] of Object.entries(OPTIONS[key]))
      sel.append(h('option', { value, text }));
    sel.value = state.filters[key] || '';
    sel.addEventListener('change', apply);
    selects[key] = sel;
    row.append(h('div', { class: 'field' }, h('label', { for: `f-${key}`, text: label }), sel));
  }
  clear.hidden = !hasFilters(state.filters);
  clear.addEventListener('click', () => {
    search.value = '';
    for (const sel of Object.values(selects)) sel.value = '';
    apply();
    search.focus();
  });
  form.append(row, clear);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });

  more.addEventListener('click', () => load(true));

  /** Loads the first page (`append` false) or the next one, and redraws the groups. */
  async function load(append) {
    const req = ++state.req;
    const seq = app.seq;
    if (append) {
      more.disabled = true;
      more.textContent = T.loadingMore;
    } else {
      state.leads = [];
      state.cursor = null;
      more.hidden = true;
      results.setAttribute('aria-busy', 'true');
      results.replaceChildren(h('p', { class: 'loading', text: T.loadingLeads }));
    }
    const r = await call('GET', leadsPath(state.filters, append ? state.cursor : null));
    if (req !== state.req || seq !== app.seq) return; // a newer list or another screen
    results.removeAttribute('aria-busy');
    more.disabled = false;
    more.textContent = T.loadMore;
    if (r?.status !== 200 || !Array.isArray(r.body?.leads)) {
      const why = r?.status === 200 ? explain({ status: 500, body: null }) : explain(r);
      if (why.kind === 'signin') return app.signedOut(why.message);
      const box = messageBox(why.message, 'danger', why.retry ? () => load(append) : null);
      if (append) more.before(box);
      else results.replaceChildren(box);
      announce(why.message);
      return;
    }
    const before = groupLeads(state.leads);
    state.leads = state.leads.concat(r.body.leads);
    state.cursor = typeof r.body.cursor === 'string' && r.body.cursor ? r.body.cursor : null;
    draw();
    more.hidden = !state.cursor;
    const { attention, others } = groupLeads(state.leads);
    const shown = attention.length + others.length;
    const added = shown - before.attention.length - before.others.length;
    announce(append ? T.moreLoaded(added) : T.leadsShown(shown));
  }

  function draw() {
    const { attention, others } = groupLeads(state.leads);
    const rows = (leads) => leads.map((lead) => leadRow(lead));
    const parts = [];
    if (attention.length)
      parts.push(leadGroup('attention', T.needsAttention, T.needsAttentionHint, rows(attention)));
    if (others.length)
      parts.push(
        leadGroup('others', attention.length ? T.otherLeads : T.allLeads, '', rows(others)),
      );
    if (!parts.length) {
      const filtered = hasFilters(state.filters);
      const empty = h(
        'div',
        { class: 'box box-info empty' },
        h('p', { text: filtered ? T.noMatches : T.noLeads }),
      );
      if (filtered)
        empty.append(
          h('button', {
            type: 'button',
            class: 'btn',
            text: T.clearFilters,
            onclick: () => clear.click(),
          }),
        );
      parts.push(empty);
    }
    results.replaceChildren(...parts);
  }

  const screen = h(
    'section',
    { class: 'screen board', 'aria-labelledby': 'board-title' },
    h('h1', { id: 'board-title', text: T.leads }),
    // A download (GET, signed in by its cookie): the last 30 days of leads as CSV.
    h('a', { class: 'export', href: '/api/staff/leads.csv', download: '', text: EXPORT.link }),
    form,
    results,
    more,
  );
  showScreen(screen, T.leads);
  load(false);
}
