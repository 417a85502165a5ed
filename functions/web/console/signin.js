/**
 * The sign-in screen, shown when `GET /api/staff/me` answers 401: one email field that asks for
 * a one-time link (`POST /api/staff/sign-in`, always 202, so it never says whether an address
 * is staff). `?signin=expired` on the page's address (the server's redirect after a used or old
 * link) says so above the form.
 */
import { announce, h } from './dom.js';
import { call, explain } from './http.js';
import { renderHeader, showScreen } from './shell.js';
import { T } from './words.js';

/** `note`: words above the form (the link expired, the session ended). */
export function showSignIn(note) {
  renderHeader();
  const msg = h('div', { class: 'form-msg' });
  const input = h('input', {
    id: 'signin-email',
    name: 'email',
    type: 'email',
    autocomplete: 'email',
    inputmode: 'email',
    required: true,
    spellcheck: 'false',
    'aria-describedby': 'signin-intro',
  });
  const button = h('button', { type: 'submit', class: 'btn btn-primary', text: T.sendLink });
  const form = h(
    'form',
    { class: 'signin-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'signin-email', text: T.email }), input),
    button,
    msg,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const email = input.value.trim();
    if (!email) {
      show(msg, T.emailMissing, 'warn');
      input.focus();
      return;
    }
    button.disabled = true;
    button.textContent = T.sending;
    const r = await call('POST', '/api/staff/sign-in', { email });
    button.disabled = false;
    button.textContent = T.sendLink;
    if (r && r.status >= 200 && r.status < 300) show(msg, T.linkSent, 'ok');
    else show(msg, explain(r).message, 'danger');
  });

  const screen = h(
    'section',
    { class: 'screen signin', 'aria-labelledby': 'signin-title' },
    h('h1', { id: 'signin-title', text: T.signInTitle }),
    note ? h('div', { class: 'box box-warn' }, h('p', { text: note })) : null,
    h('p', { id: 'signin-intro', class: 'lede', text: T.signInIntro }),
    form,
  );
  showScreen(screen, T.signInTitle);
}

function show(msg, text, tone) {
  msg.replaceChildren(h('p', { class: `box box-${tone}`, text }));
  announce(text);
}
