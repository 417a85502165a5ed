/**
 * What staff do on a lead: change its status, reassign it, add a note (`POST
 * /api/staff/leads/{id}` with one of `status`, `assignTo`, `note`), and, for an admin, erase it
 * (`DELETE`). A failed call says why in place and keeps what was chosen or typed; a note being
 * typed lives in `app.drafts` until it is saved, so redrawing the lead never loses it.
 */
import { announce, h } from './dom.js';
import { statusLabel } from './format.js';
import { call, explain } from './http.js';
import { leadPath } from './route.js';
import { app } from './shell.js';
import { STATUS, T } from './words.js';

/**
 * `ctx`: `{ id, lead, attorneys, saved(body, key, message) }`; `saved` redraws the lead from
 * the answer and puts focus back on the form `key`. `said`: words to show in a form after a
 * redraw, by key.
 */
export function actionsPart(ctx, said = {}) {
  const parts = [statusForm(ctx, said.status), noteForm(ctx, said.note)];
  // The attorney the lead is with answers it here as from the email: accept, or decline and why.
  const mine = app.me?.attorneyId && ctx.lead.routedTo?.attorneyId === app.me.attorneyId;
  if (mine && ctx.lead.offer === 'new') parts.unshift(answerForm(ctx, said.answer));
  if (Array.isArray(ctx.attorneys) && ctx.attorneys.length)
    parts.splice(1, 0, assignForm(ctx, said.assign));
  return h(
    'section',
    { class: 'part actions', 'aria-labelledby': 'actions-title' },
    h('h2', { id: 'actions-title', text: T.actions }),
    ...parts,
  );
}

/**
 * A form with its message line; `send()` returns the body to POST (to `path()`, the lead by
 * default), or a string to show.
 */
function actionForm(ctx, key, field, buttonText, said, send, path = () => leadPath(ctx.id)) {
  const msg = h('div', { class: 'form-msg' });
  const button = h('button', {
    type: 'submit',
    class: 'btn btn-primary',
    id: `act-${key}`,
    text: buttonText,
  });
  const form = h('form', { class: `act act-${key}`, novalidate: true }, field, button, msg);
  const show = (text, tone) => {
    msg.replaceChildren(text ? h('p', { class: `box box-${tone}`, text }) : '');
    if (text) announce(text);
  };
  if (said) msg.append(h('p', { class: 'box box-ok', text: said }));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = send();
    if (typeof body === 'string') return show(body, 'warn');
    button.disabled = true;
    button.textContent = T.saving;
    show('', '');
    const r = await call('POST', path(), body);
    button.disabled = false;
    button.textContent = buttonText;
    if (r && r.status === 200 && r.body?.lead) return ctx.saved(r.body, key);
    const why = explain(r?.status === 200 ? { status: 500, body: null } : r);
    // A note being written stays on screen even when the session has ended: copy it first.
    if (why.kind === 'signin' && key === 'note' && app.drafts.get(ctx.id)) {
      show(`${T.sessionEnded} ${T.copyNote}`, 'danger');
      msg.append(
        h('button', {
          type: 'button',
          class: 'btn',
          text: T.signInAgain,
          onclick: () => app.signedOut(),
        }),
      );
      return;
    }
    if (why.kind === 'signin') return app.signedOut(why.message);
    show(why.message, 'danger');
  });
  return form;
}

function statusForm(ctx, said) {
  const sel = h('select', { id: 'status-select', name: 'status' });
  for (const [value, text] of Object.entries(STATUS)) sel.append(h('option', { value, text }));
  sel.value = ctx.lead.status;
  const field = h(
    'div',
    { class: 'field' },
    h('label', { for: 'status-select', text: T.changeStatus }),
    sel,
  );
  return actionForm(ctx, 'status', field, T.saveStatus, said, () =>
    sel.value === ctx.lead.status ? T.statusSame : { status: sel.value },
  );
}

function assignForm(ctx, said) {
  const sel = h('select', { id: 'assign-select', name: 'assignTo' });
  const current = ctx.lead.routedTo?.attorneyId || '';
  if (!current) sel.append(h('option', { value: '', text: T.unassigned }));
  for (const a of ctx.attorneys) {
    if (a && typeof a.attorneyId === 'string')
      sel.append(h('option', { value: a.attorneyId, text: a.name || a.attorneyId }));
  }
  sel.value = current;
  const field = h(
    'div',
    { class: 'field' },
    h('label', { for: 'assign-select', text: T.reassign }),
    sel,
  );
  return actionForm(ctx, 'assign', field, T.saveAssign, said, () => {
    if (!sel.value) return T.chooseAttorney;
    if (sel.value === current) return T.assignSame;
    return { assignTo: sel.value };
  });
}

function answerForm(ctx, said) {
  const sel = h('select', { id: 'answer-select', name: 'answer' });
  for (const [value, text] of Object.entries(T.answers)) sel.append(h('option', { value, text }));
  const field = h(
    'div',
    { class: 'field' },
    h('label', { for: 'answer-select', text: T.answerLabel }),
    sel,
  );
  return actionForm(
    ctx,
    'answer',
    field,
    T.sendAnswer,
    said,
    () => (sel.value === 'accept' ? {} : { reason: sel.value }),
    () => `${leadPath(ctx.id)}/${sel.value === 'accept' ? 'accept' : 'decline'}`,
  );
}

function noteForm(ctx, said) {
  const area = h('textarea', { id: 'note-text', name: 'note', rows: '4', maxlength: '4000' });
  area.value = app.drafts.get(ctx.id) || '';
  area.addEventListener('input', () => {
    if (area.value) app.drafts.set(ctx.id, area.value);
    else app.drafts.delete(ctx.id);
  });
  const field = h(
    'div',
    { class: 'field' },
    h('label', { for: 'note-text', text: T.addNote }),
    area,
  );
  return actionForm(ctx, 'note', field, T.saveNote, said, () =>
    area.value.trim() ? { note: area.value.trim() } : T.noteEmpty,
  );
}

/** What a successful save says, from the lead it returned. */
export function savedMessage(key, lead) {
  if (key === 'status') return T.statusSaved(statusLabel(lead.status));
  if (key === 'assign') return T.reassigned(lead.routedTo?.name || T.unassigned);
  if (key === 'answer') {
    if (lead.offer === 'accepted') return T.accepted;
    return lead.offer === 'declined' ? T.declinedConflict : T.declined;
  }
  return T.noteAdded;
}

/** Admin only: erase, after a second, explicit step. Then back to the board. */
export function erasePart(ctx) {
  const msg = h('div', { class: 'form-msg' });
  const start = h('button', { type: 'button', class: 'btn btn-danger-quiet', text: T.erase });
  const warn = h('p', {
    id: 'erase-warn',
    class: 'box box-danger',
    tabindex: '-1',
    text: T.eraseWarn,
  });
  const yes = h('button', { type: 'button', class: 'btn btn-danger', text: T.eraseConfirm });
  const no = h('button', { type: 'button', class: 'btn', text: T.cancel });
  const confirm = h(
    'div',
    { class: 'confirm', role: 'group', 'aria-labelledby': 'erase-warn', hidden: true },
    warn,
    h('div', { class: 'inline' }, yes, no),
  );
  start.addEventListener('click', () => {
    confirm.hidden = false;
    start.hidden = true;
    warn.focus();
  });
  no.addEventListener('click', () => {
    confirm.hidden = true;
    start.hidden = false;
    msg.replaceChildren();
    start.focus();
  });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    no.disabled = true;
    yes.textContent = T.erasing;
    const r = await call('DELETE', leadPath(ctx.id));
    yes.disabled = false;
    no.disabled = false;
    yes.textContent = T.eraseConfirm;
    if (r && (r.status === 204 || r.status === 200)) {
      app.drafts.delete(ctx.id);
      app.flash = T.erased;
      location.hash = app.boardHash === location.hash ? '#/' : app.boardHash;
      return;
    }
    const why = explain(r);
    if (why.kind === 'signin') return app.signedOut(why.message);
    msg.replaceChildren(h('p', { class: 'box box-danger', text: why.message }));
    announce(why.message);
  });
  return h(
    'section',
    { class: 'part erase', 'aria-labelledby': 'erase-title' },
    h('h2', { id: 'erase-title', text: T.eraseTitle }),
    start,
    confirm,
    msg,
  );
}
