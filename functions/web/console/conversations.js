/**
 * Conversations in progress `#/conversations?waiting=true`: `GET /api/staff/conversations`
 * (`?waiting=true`: only those waiting for a person). Those where the client asked for a person
 * first, then the rest, the most recently active first; a card each, the same on a phone and a
 * desktop, its step a link to the conversation live (conversation.js). Only a summary: no
 * transcript, no answer, no name.
 */
import { announce, h, messageBox } from './dom.js';
import { conversationRow, groupConversations } from './funnel-model.js';
import { call, explain } from './http.js';
import { conversationHash, conversationsHash, conversationsPath } from './route.js';
import { app, showScreen } from './shell.js';
import { T } from './words.js';

function card(row) {
  return h(
    'li',
    { class: row.waiting ? 'card card-waiting' : 'card' },
    h(
      'div',
      { class: 'card-top' },
      row.waiting
        ? h(
            'span',
            { class: 'urg urg-high' },
            h('span', { class: 'urg-icon', 'aria-hidden': 'true', text: '!' }),
            h('span', { text: T.waitingBadge }),
          )
        : h('span', {}),
      h('span', { class: 'muted' }, `${row.channel} · ${row.language}`),
    ),
    h(
      'h3',
      { class: 'card-name' },
      h(
        'a',
        { class: 'lead-link', href: conversationHash(row.id) },
        h('span', { class: 'k', text: `${T.atStep}: ` }),
        row.step,
      ),
    ),
    h(
      'p',
      { class: 'card-line' },
      h('span', { class: 'k', text: `${T.lastMessage}: ` }),
      h('time', { datetime: row.lastAt || null, text: row.last }),
      row.idle ? h('span', { class: 'warn idle', text: T.idle }) : null,
    ),
    h(
      'p',
      { class: 'card-line muted' },
      `${T.startedAt}: `,
      h('time', { datetime: row.startedAt || null, text: row.started }),
    ),
  );
}

function group(id, title, rows) {
  return h(
    'section',
    { class: 'group', 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, title, h('span', { class: 'count', text: ` (${rows.length})` })),
    h('ul', { class: 'cards cards-always', 'aria-labelledby': `${id}-title` }, ...rows.map(card)),
  );
}

export function showConversations(waitingOnly) {
  const state = { waiting: waitingOnly === true, req: 0 };
  app.conversationsHash = conversationsHash(state.waiting);
  const results = h('div', { class: 'results' });
  const only = h('input', { id: 'only-waiting', type: 'checkbox', checked: state.waiting });
  only.addEventListener('change', () => {
    state.waiting = only.checked;
    app.conversationsHash = conversationsHash(state.waiting);
    history.replaceState(null, '', app.conversationsHash);
    load();
  });
  const form = h(
    'form',
    { class: 'filters', 'aria-label': T.conversations },
    h('div', { class: 'check' }, only, h('label', { for: 'only-waiting', text: T.onlyWaiting })),
  );
  form.addEventListener('submit', (e) => e.preventDefault());

  async function load() {
    const req = ++state.req;
    const seq = app.seq;
    results.setAttribute('aria-busy', 'true');
    results.replaceChildren(h('p', { class: 'loading', text: T.loadingConversations }));
    const r = await call('GET', conversationsPath(state.waiting));
    if (req !== state.req || seq !== app.seq) return;
    results.removeAttribute('aria-busy');
    if (r?.status !== 200 || !Array.isArray(r.body?.conversations)) {
      const why = r?.status === 200 ? explain({ status: 500, body: null }) : explain(r);
      if (why.kind === 'signin') return app.signedOut(why.message);
      results.replaceChildren(messageBox(why.message, 'danger', why.retry ? load : null));
      announce(why.message);
      return;
    }
    const list = r.body.conversations;
    for (const c of list) {
      if (typeof c?.conversationId === 'string')
        app.conversationHints.set(c.conversationId, {
          waiting: c.waiting === true,
          stepLabel: typeof c.stepLabel === 'string' ? c.stepLabel : '',
        });
    }
    const { waiting, others } = groupConversations(list);
    const rows = (cs) => cs.map((c) => conversationRow(c));
    const parts = [];
    if (waiting.length) parts.push(group('waiting', T.waitingTitle, rows(waiting)));
    if (others.length && !state.waiting)
      parts.push(group('others', T.otherConversations, rows(others)));
    if (!parts.length) {
      parts.push(
        h(
          'div',
          { class: 'box box-info empty' },
          h('p', { text: state.waiting ? T.noWaiting : T.noConversations }),
        ),
      );
    }
    if (r.body.more === true) parts.push(messageBox(T.moreConversations, 'info'));
    results.replaceChildren(...parts);
    announce(T.conversationsShown(list.length));
  }

  const screen = h(
    'section',
    { class: 'screen conversations', 'aria-labelledby': 'conversations-title' },
    h('h1', { id: 'conversations-title', text: T.conversations }),
    h('p', { class: 'lede', text: T.conversationsIntro }),
    form,
    results,
  );
  showScreen(screen, T.conversations);
  load();
}
