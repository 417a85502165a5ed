/**
 * The lead page: `GET /api/staff/leads/{id}` → `{ lead, transcript, history, attorneys, me }`.
 * Notices first, then the summary and what to act on; the actions redraw it from the lead the
 * server answers with.
 */
import { announce, h, messageBox } from './dom.js';
import { call, explain } from './http.js';
import { actionsPart, erasePart, savedMessage } from './lead-actions.js';
import {
  flagsPart,
  glance,
  historyPart,
  notesPart,
  noticesPart,
  questionsPart,
  routingPart,
  summaryParts,
  transcriptPart,
  urgencyPart,
} from './lead-view.js';
import { remindersPart } from './reminders.js';
import { leadPath } from './route.js';
import { app, consoleTitle, renderHeader, showScreen } from './shell.js';
import { webhooksPart } from './webhooks.js';
import { T } from './words.js';

export function showLead(id) {
  const seq = app.seq;
  const title = h('h1', { id: 'lead-title', text: T.lead });
  const body = h('div', { class: 'lead-body' });
  const back = h(
    'a',
    { class: 'back', href: app.boardHash },
    h('span', { 'aria-hidden': 'true', text: '←' }),
    T.backToLeads,
  );
  const screen = h(
    'section',
    { class: 'screen lead', 'aria-labelledby': 'lead-title' },
    back,
    title,
    body,
  );
  const page = { lead: null, transcript: [], history: [], attorneys: [] };

  async function load() {
    body.setAttribute('aria-busy', 'true');
    body.replaceChildren(h('p', { class: 'loading', text: T.loadingLead }));
    const r = await call('GET', leadPath(id));
    if (seq !== app.seq) return; // another screen since
    body.removeAttribute('aria-busy');
    if (r && r.status === 200 && r.body?.lead) {
      take(r.body);
      return draw();
    }
    const why = explain(r?.status === 200 ? { status: 500, body: null } : r);
    if (why.kind === 'signin') return app.signedOut(why.message);
    if (why.kind === 'missing') {
      title.textContent = T.noSuchLead;
      document.title = `${T.noSuchLead} · ${consoleTitle()}`;
      body.replaceChildren(messageBox(T.noSuchLeadHint, 'info'));
      announce(T.noSuchLead);
      return;
    }
    body.replaceChildren(messageBox(why.message, 'danger', why.retry ? load : null));
    announce(why.message);
  }

  /** Keeps what an answer carries; an action's answer may carry only the lead. */
  function take(b) {
    page.lead = b.lead;
    if (Array.isArray(b.transcript)) page.transcript = b.transcript;
    if (Array.isArray(b.history)) page.history = b.history;
    if (Array.isArray(b.attorneys)) page.attorneys = b.attorneys;
    if (b.me && typeof b.me === 'object') {
      app.me = { ...app.me, ...b.me };
      renderHeader();
    }
  }

  /** Draws the lead; after an action, `key` is the form to focus and say `message` in. */
  function draw(key, message) {
    const lead = page.lead;
    const name = lead.name || T.noName;
    title.textContent = name;
    document.title = `${name} · ${consoleTitle()}`;
    const ctx = {
      id,
      lead,
      attorneys: page.attorneys,
      saved: (b, k, said) => {
        if (seq !== app.seq) return;
        if (k === 'note') app.drafts.delete(id);
        take(b);
        const text = said || savedMessage(k, page.lead);
        draw(k, text);
        announce(text);
      },
    };
    body.replaceChildren(
      ...[
        glance(lead),
        noticesPart(lead),
        ...summaryParts(lead),
        urgencyPart(lead),
        flagsPart(lead),
        questionsPart(lead),
        routingPart(lead),
        actionsPart(ctx, key ? { [key]: message } : {}),
        remindersPart(ctx, key === 'hearing' ? message : undefined),
        webhooksPart(ctx),
        notesPart(lead),
        transcriptPart(page.transcript, lead),
        historyPart(page.history),
        app.me?.role === 'admin' ? erasePart(ctx) : null,
      ].filter(Boolean),
    );
    const focus = key === 'note' ? 'note-text' : key === 'hearing' ? 'hearing-date' : `act-${key}`;
    if (key) document.getElementById(focus)?.focus();
  }

  showScreen(screen, T.lead);
  load();
}
