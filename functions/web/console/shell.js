/**
 * The page around the screens: who is signed in, the header, the screen in <main>, and the
 * handful of values the screens share. main.js sets the hooks (`signedOut`), so screens never
 * import each other.
 */
import { announce, focusHeading, h, messageBox } from './dom.js';
import { STAFF_ROLES, T } from './words.js';

export const app = {
  /** `{ email, name, role }` of who is signed in; null when nobody is. */
  me: null,
  /** The firm's name when the server gives it, for the header and the tab's title. */
  firm: '',
  /** The board's address with its filters, so "Back to leads" returns to the same list. */
  boardHash: '#/',
  /** The conversations list's address (with `?waiting=true` when asked), for "Back". */
  conversationsHash: '#/conversations',
  /** What the list said of each conversation (`{ waiting, stepLabel }` by id), for its screen. */
  conversationHints: new Map(),
  /**
   * The screen shown ('board', 'lead', 'funnel', 'conversations', 'conversation'): the header
   * marks its link.
   */
  screen: 'board',
  /** Each navigation's number: an answer that arrives after the next navigation is dropped. */
  seq: 0,
  /** Words to say on the next screen (e.g. after erasing a lead). */
  flash: '',
  /** Notes typed and not saved yet, by lead id, kept while the page is open. */
  drafts: new Map(),
  /** Set by main.js: the session is gone (401, or signed out), show the sign-in screen. */
  signedOut: (_message) => {},
  /** Set by main.js: sign out now. */
  signOut: () => {},
  /** Set by a screen that keeps working while shown (a conversation's polling): stop it. */
  leave: () => {},
};

/** Stops whatever the screen shown keeps doing (called before any other screen is shown). */
export function leaveScreen() {
  const leave = app.leave;
  app.leave = () => {};
  leave();
}

/** Reads `GET /api/staff/me`'s body: `{ email, name, role }`, alone or under `me`, and a firm. */
export function setMe(body) {
  const me = body && typeof body.me === 'object' && body.me ? body.me : body;
  app.me = me && typeof me === 'object' ? me : null;
  const firm = body?.firm;
  app.firm =
    typeof firm === 'string'
      ? firm
      : typeof firm?.name === 'string'
        ? firm.name
        : body?.firmName || '';
}

export function consoleTitle() {
  return app.firm ? `${app.firm} · ${T.consoleTitle}` : T.consoleTitle;
}

/** Shows `node` as the screen, titles the tab, and moves focus to its h1. */
export function showScreen(node, title) {
  leaveScreen();
  const screen = document.getElementById('screen');
  if (app.flash) node.querySelector('h1')?.after(messageBox(app.flash, 'ok'));
  screen.replaceChildren(node);
  document.title = title ? `${title} · ${consoleTitle()}` : consoleTitle();
  focusHeading(node);
  if (app.flash) {
    announce(app.flash);
    app.flash = '';
  }
}

/**
 * The header: the console's title, its sections (the current one marked), who is signed in, and
 * "Sign out". Hidden when signed out.
 */
export function renderHeader() {
  const bar = document.getElementById('bar');
  if (!bar) return;
  if (!app.me) {
    bar.hidden = true;
    bar.replaceChildren();
    return;
  }
  const role = STAFF_ROLES[app.me.role] || app.me.role || '';
  const who = [app.me.name || app.me.email, role ? `(${role})` : ''].filter(Boolean).join(' ');
  const signOut = h('button', { type: 'button', class: 'btn btn-quiet', text: T.signOut });
  signOut.addEventListener('click', () => {
    signOut.disabled = true;
    app.signOut();
  });
  const current =
    app.screen === 'lead' ? 'board' : app.screen === 'conversation' ? 'conversations' : app.screen;
  const link = (screen, href, text) => {
    const a = h('a', { href, text, 'aria-current': screen === current ? 'page' : null });
    // The board's filters may have changed since the header was drawn.
    if (screen === 'board')
      a.addEventListener('click', () => a.setAttribute('href', app.boardHash));
    return h('li', {}, a);
  };
  bar.replaceChildren(
    h(
      'div',
      { class: 'bar-inner' },
      h('p', { class: 'bar-title' }, h('a', { href: '#/', text: consoleTitle() })),
      h(
        'nav',
        { class: 'bar-nav', 'aria-label': T.sections },
        h(
          'ul',
          { class: 'plain' },
          link('board', app.boardHash, T.leads),
          link('funnel', '#/funnel', T.funnel),
          link('conversations', '#/conversations', T.conversations),
          app.me.role === 'admin' ? link('conflicts', '#/conflicts', T.conflicts) : null,
        ),
      ),
      h('p', { class: 'bar-who' }, `${T.signedInAs} `, h('strong', { text: who })),
      signOut,
    ),
  );
  bar.hidden = false;
}
