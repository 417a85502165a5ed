/*!
 * Amparo staff console. Plain ES2020, no dependencies; one script, bundled by esbuild from
 * functions/web/console/ (README.md there) and served as /console.js to the page GET /console
 * (console.html), styled by /console.css. Contract: API.md "Staff (the console)".
 *
 * Screens by the address after '#': `#/` the leads board (its filters after '?'), `#/leads/<id>`
 * a lead, `#/funnel?from=&to=` the funnel, `#/conversations?waiting=true` the conversations in
 * progress, `#/conversations/<id>` one of them live (to take it over); the sign-in screen
 * whenever the API answers 401. The session is an HttpOnly cookie the script never sees. Safety: every text from the server is set with textContent, never parsed as
 * HTML, and nothing is styled inline (the page's CSP allows neither).
 */
import { showBoard } from './board.js';
import { showConflicts } from './conflicts.js';
import { showConversation } from './conversation.js';
import { showConversations } from './conversations.js';
import { announce, h, messageBox } from './dom.js';
import { showFunnel } from './funnel.js';
import { call, explain } from './http.js';
import { showLead } from './lead.js';
import { parseHash } from './route.js';
import { app, leaveScreen, renderHeader, setMe, showScreen } from './shell.js';
import { showSignIn } from './signin.js';
import { T } from './words.js';

const ONCE = Symbol.for('amparo.console');
if (!window[ONCE]) {
  window[ONCE] = true;
  app.signedOut = signedOut;
  app.signOut = signOut;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}

function start() {
  // The server's redirect after a used or expired sign-in link: say so once, then drop it from
  // the address so a reload does not say it again.
  const params = new URLSearchParams(location.search);
  const expired = params.get('signin') === 'expired';
  if (params.has('signin')) {
    params.delete('signin');
    const rest = params.toString();
    history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
  }
  window.addEventListener('hashchange', () => route(null));
  route(expired ? T.linkExpired : null);
}

/** Shows the screen the address names; asks who is signed in first when nobody is known yet. */
async function route(note) {
  const seq = ++app.seq;
  leaveScreen();
  if (!app.me) {
    const r = await call('GET', '/api/staff/me');
    if (seq !== app.seq) return;
    if (r && r.status === 200 && r.body) setMe(r.body);
    else {
      const why = explain(r);
      if (why.kind === 'signin' || why.kind === 'forbidden') return showSignIn(note);
      return showFailure(why.message, () => route(note));
    }
  }
  const where = parseHash(location.hash);
  app.screen = where.screen;
  renderHeader();
  if (where.screen === 'lead') showLead(where.id);
  else if (where.screen === 'funnel') showFunnel(where.range);
  else if (where.screen === 'conflicts') showConflicts();
  else if (where.screen === 'conversations') showConversations(where.waiting);
  else if (where.screen === 'conversation') showConversation(where.id);
  else showBoard(where.filters);
}

/** The session is gone (a 401 anywhere): forget who it was and ask to sign in again. */
function signedOut(message) {
  app.seq++;
  leaveScreen();
  app.me = null;
  showSignIn(message || T.sessionEnded);
}

async function signOut() {
  const r = await call('POST', '/api/staff/sign-out');
  if (r && (r.status === 204 || r.status === 200 || r.status === 401)) {
    app.seq++;
    app.me = null;
    app.drafts.clear();
    app.boardHash = '#/';
    history.replaceState(null, '', `${location.pathname}`);
    showSignIn(T.signedOut);
    return;
  }
  renderHeader(); // enables the button again
  announce(explain(r).message);
  const bar = document.getElementById('bar');
  bar?.append(messageBox(explain(r).message, 'danger'));
}

/** Nothing could be shown (the server or the network failed before any screen): say so. */
function showFailure(message, retry) {
  const screen = h(
    'section',
    { class: 'screen', 'aria-labelledby': 'fail-title' },
    h('h1', { id: 'fail-title', text: T.consoleTitle }),
    messageBox(message, 'danger', retry),
  );
  showScreen(screen, '');
}
