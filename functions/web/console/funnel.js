/**
 * The funnel `#/funnel?from=&to=`: `GET /api/staff/funnel?from=&to=` (without them, the server's
 * last 30 days). Two dates, the stages as bars (a share of the conversations started), where
 * they stand now, a column a day; then the same numbers in tables: totals by channel and
 * language, where the abandoned stopped, and day by day.
 */
import { announce, h, messageBox } from './dom.js';
import { barChart, dayChart } from './funnel-chart.js';
import {
  abandonedSteps,
  bars,
  COLUMNS,
  dayColumns,
  formatDay,
  measureLabel,
  OUTCOMES,
  STAGES,
  totalsTable,
} from './funnel-model.js';
import { call, explain } from './http.js';
import { cleanRange, funnelHash, funnelPath } from './route.js';
import { app, showScreen } from './shell.js';
import { T } from './words.js';

/** A table in a box that scrolls sideways on a phone (focusable, so a keyboard can scroll it). */
function tableBox(id, title, head, rows) {
  return h(
    'section',
    { class: 'part', 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title`, text: title }),
    h(
      'div',
      { class: 'table-box', role: 'region', 'aria-labelledby': `${id}-title`, tabindex: '0' },
      h(
        'table',
        { class: 'data-table', 'aria-labelledby': `${id}-title` },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...head.map((c, i) => h('th', { scope: 'col', class: i ? 'n' : null, text: c })),
          ),
        ),
        h('tbody', {}, ...rows),
      ),
    ),
  );
}

const cells = (label, values) =>
  h(
    'tr',
    {},
    h('th', { scope: 'row', text: label }),
    ...values.map((v) => h('td', { class: 'n', text: String(v) })),
  );

function chartPart(id, title, hint, chart, legend) {
  return h(
    'section',
    { class: 'part chart-part', 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title`, text: title }),
    hint ? h('p', { class: 'muted', text: hint }) : null,
    legend,
    chart,
  );
}

function legend() {
  const key = (cls, text) =>
    h('li', {}, h('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }), text);
  return h(
    'ul',
    { class: 'legend plain', 'aria-label': T.perDayTitle },
    key('swatch-started', T.perDayLegendStarted),
    key('swatch-qualified', T.perDayLegendQualified),
  );
}

/** Everything under the form, from the API's answer. */
function report(f) {
  const totals = f.totals || {};
  const parts = [];
  if (f.completeFrom && f.from < f.completeFrom) {
    parts.push(messageBox(T.incomplete(formatDay(f.completeFrom)), 'info'));
  }
  parts.push(
    h(
      'div',
      { class: 'charts' },
      chartPart(
        'stages',
        T.stagesTitle,
        T.stagesDesc,
        barChart(T.stagesTitle, bars(totals, STAGES), { shares: true }),
      ),
      chartPart(
        'outcomes',
        T.outcomesTitle,
        T.outcomesDesc,
        barChart(T.outcomesTitle, bars(totals, OUTCOMES)),
      ),
    ),
    chartPart('per-day', T.perDayTitle, '', dayChart(dayColumns(f.byDay)), legend()),
  );

  const table = totalsTable(f);
  parts.push(
    tableBox(
      'totals',
      T.totalsTitle,
      [T.measure, ...table.groups.map((g) => (g.key === 'all' ? T.all : g.label))],
      table.rows.map((r) => cells(r.label, r.values)),
    ),
  );

  const steps = abandonedSteps(totals, f.stepLabels);
  parts.push(
    steps.length
      ? tableBox(
          'abandoned-at',
          T.abandonedAtTitle,
          [T.step, T.count],
          steps.map((s) => cells(s.label, [s.count])),
        )
      : h(
          'section',
          { class: 'part', 'aria-labelledby': 'abandoned-at-title' },
          h('h2', { id: 'abandoned-at-title', text: T.abandonedAtTitle }),
          h('p', { class: 'muted', text: T.noneAbandoned }),
        ),
  );

  const days = Array.isArray(f.byDay) ? f.byDay : [];
  parts.push(
    tableBox(
      'by-day',
      T.byDayTitle,
      [T.day, ...COLUMNS.map(measureLabel)],
      [...days].reverse().map((d) =>
        cells(
          formatDay(d.day),
          COLUMNS.map((k) => d[k] ?? 0),
        ),
      ),
    ),
  );
  return parts;
}

export function showFunnel(asked) {
  const state = { range: cleanRange(asked), req: 0 };
  const results = h('div', { class: 'results' });
  const lede = h('p', { class: 'lede', text: T.funnelIntro(24) });
  const input = (key, label) =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: `range-${key}`, text: label }),
      h('input', {
        id: `range-${key}`,
        name: key,
        type: 'date',
        required: true,
        value: state.range[key] || '',
      }),
    );
  const from = input('from', T.from);
  const to = input('to', T.to);
  const form = h(
    'form',
    { class: 'filters range', 'aria-label': T.range },
    h(
      'div',
      { class: 'range-fields' },
      from,
      to,
      h('button', { type: 'submit', class: 'btn', text: T.show }),
    ),
  );
  const fromInput = from.querySelector('input');
  const toInput = to.querySelector('input');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    state.range = cleanRange({ from: fromInput.value, to: toInput.value });
    // Same screen, other dates: the address keeps them without a step in the history.
    history.replaceState(null, '', funnelHash(state.range));
    load();
  });

  async function load() {
    const req = ++state.req;
    const seq = app.seq;
    results.setAttribute('aria-busy', 'true');
    results.replaceChildren(h('p', { class: 'loading', text: T.loadingFunnel }));
    const r = await call('GET', funnelPath(state.range));
    if (req !== state.req || seq !== app.seq) return; // other dates or another screen since
    results.removeAttribute('aria-busy');
    if (r?.status !== 200 || !r.body?.totals) {
      const why = r?.status === 200 ? explain({ status: 500, body: null }) : explain(r);
      if (why.kind === 'signin') return app.signedOut(why.message);
      results.replaceChildren(messageBox(why.message, 'danger', why.retry ? load : null));
      announce(why.message);
      return;
    }
    const f = r.body;
    // The dates the server counted (its last 30 days when none were asked for).
    fromInput.value = f.from;
    toInput.value = f.to;
    if (Number.isFinite(f.abandonedAfterHours))
      lede.textContent = T.funnelIntro(f.abandonedAfterHours);
    results.replaceChildren(...report(f));
    announce(T.funnelShown(formatDay(f.from), formatDay(f.to)));
  }

  const screen = h(
    'section',
    { class: 'screen funnel', 'aria-labelledby': 'funnel-title' },
    h('h1', { id: 'funnel-title', text: T.funnel }),
    lede,
    form,
    results,
  );
  showScreen(screen, T.funnel);
  load();
}
