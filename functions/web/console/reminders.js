/**
 * The lead page's hearing reminders: `GET /api/staff/reminders?leadId=` (what is scheduled, sent,
 * failed or stopped, and why), `DELETE` the same to stop them, and the hearing's new date
 * (`POST /api/staff/leads/{id}` `{ nextHearingDate }`), which moves them. Loaded after the lead,
 * in its own section, so a slow answer never holds the page.
 */
import { announce, h, when } from './dom.js';
import { formatDateTime, languageLabel } from './format.js';
import { call, explain } from './http.js';
import { leadPath } from './route.js';
import { app } from './shell.js';
import { REMINDERS as R } from './words.js';

const remindersPath = (id) => `/api/staff/reminders?leadId=${encodeURIComponent(id)}`;

/** 'Thursday, January 14, 2027' for a calendar day (no time zone can move it). */
function day(date) {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return String(date ?? '');
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/**
 * The section, filled when its answer comes. `ctx`: `{ id, saved(body, key) }` (the lead page's
 * redraw after the hearing date changed).
 */
export function remindersPart(ctx, said) {
  const body = h('div', { class: 'reminders-body', 'aria-busy': 'true' });
  body.append(h('p', { class: 'loading', text: R.loading }));
  const section = h(
    'section',
    { class: 'part reminders', 'aria-labelledby': 'reminders-title' },
    h('h2', { id: 'reminders-title', text: R.title }),
    body,
  );
  const fill = (view, message) => {
    body.removeAttribute('aria-busy');
    body.replaceChildren(...content(ctx, view, fill), moveForm(ctx, said));
    if (message) {
      body.prepend(h('p', { class: 'box box-ok', text: message }));
      announce(message);
    }
  };
  call('GET', remindersPath(ctx.id)).then((r) => {
    if (r && r.status === 200 && r.body) return fill(r.body);
    const why = explain(r);
    if (why.kind === 'signin') return app.signedOut(why.message);
    body.removeAttribute('aria-busy');
    body.replaceChildren(h('p', { class: 'box box-danger', text: why.message }));
  });
  return section;
}

function content(ctx, view, fill) {
  if (!view.consent?.given) return [h('p', { text: R.none })];
  const out = [];
  if (view.hearing)
    out.push(h('p', { text: R.hearing(day(view.hearing.date), view.hearing.court) }));
  const ways = [view.to?.phone, view.to?.email].filter(Boolean).join(', ');
  if (ways) out.push(h('p', { text: R.to(ways) }));
  out.push(
    h('p', {
      text: R.agreed(formatDateTime(view.consent.at), languageLabel(view.consent.language)),
    }),
  );
  if (view.cancelled)
    out.push(
      h('p', {
        class: 'box box-info',
        text: R.stoppedBy(view.cancelled.by, formatDateTime(view.cancelled.at)),
      }),
    );
  out.push(table(view.reminders ?? []));
  if ((view.reminders ?? []).some((r) => r.status === 'scheduled')) out.push(stopButton(ctx, fill));
  return out;
}

function table(reminders) {
  const head = h('tr', {}, ...R.columns.map((c) => h('th', { scope: 'col', text: c })));
  const rows = reminders.map((r) => {
    const why = [
      r.reason ? R.reason[r.reason] || r.reason : '',
      r.status === 'scheduled' && r.nextAt ? R.retry(formatDateTime(r.nextAt)) : '',
    ]
      .filter(Boolean)
      .join('; ');
    return h(
      'tr',
      { class: `reminder reminder-${r.status}` },
      h('td', { text: `${R.kind[r.kind] || r.kind} (${day(r.hearingDate)})` }),
      h('td', { text: R.via[r.via] || r.via }),
      h('td', {}, when(r.sentAt || r.at)),
      h('td', { text: `${R.status[r.status] || r.status}${why ? `: ${why}` : ''}` }),
    );
  });
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'reminders-table' },
      h('caption', { class: 'sr-only', text: R.title }),
      h('thead', {}, head),
      h('tbody', {}, ...rows),
    ),
  );
}

function stopButton(ctx, fill) {
  const button = h('button', { type: 'button', class: 'btn', text: R.stop });
  const msg = h('div', { class: 'form-msg' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.textContent = R.stopping;
    const r = await call('DELETE', remindersPath(ctx.id));
    button.disabled = false;
    button.textContent = R.stop;
    if (r && r.status === 200 && r.body) return fill(r.body, R.stopped);
    const why = explain(r);
    if (why.kind === 'signin') return app.signedOut(why.message);
    msg.replaceChildren(h('p', { class: 'box box-danger', text: why.message }));
    announce(why.message);
  });
  return h('div', { class: 'inline' }, button, msg);
}

function moveForm(ctx, said) {
  const input = h('input', { type: 'date', id: 'hearing-date', name: 'nextHearingDate' });
  const button = h('button', {
    type: 'submit',
    class: 'btn btn-primary',
    id: 'act-hearing',
    text: R.move,
  });
  const msg = h('div', { class: 'form-msg' });
  if (said) msg.append(h('p', { class: 'box box-ok', text: said }));
  const form = h(
    'form',
    { class: 'act act-hearing', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'hearing-date', text: R.moveLabel }), input),
    button,
    msg,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!input.value) {
      msg.replaceChildren(h('p', { class: 'box box-warn', text: R.pickDate }));
      return announce(R.pickDate);
    }
    button.disabled = true;
    const r = await call('POST', leadPath(ctx.id), { nextHearingDate: input.value });
    button.disabled = false;
    if (r && r.status === 200 && r.body?.lead)
      return ctx.saved(r.body, 'hearing', R.moved(day(input.value)));
    const why = explain(r);
    if (why.kind === 'signin') return app.signedOut(why.message);
    msg.replaceChildren(h('p', { class: 'box box-danger', text: why.message }));
    announce(why.message);
  });
  return form;
}
