/*!
 * Amparo web chat widget. Plain ES2020, no build step, no dependencies.
 *   <script src="https://firm.example/widget.js" data-api="https://api.example" defer></script>
 * Options: data-api (API base, default: this script's origin), data-lang ("en" | "es"),
 * data-firm (firm name shown in the header), data-mount (CSS selector: render inline there
 * instead of a floating launcher). Contract: /api/conversations in API.md ("Web chat").
 *
 * Privacy (DOMAIN.md): the conversation id and token live in sessionStorage only, so a reload
 * resumes but a closed browser forgets; "Quick exit" (or Esc twice) wipes it and leaves.
 * Safety: server and user text is only ever set with textContent, never parsed as HTML.
 * Words: every word it shows is `widget.*` of prompts/strings.<lang>.yaml, which the server writes
 * into STRINGS below when it serves this file (functions/http/web.ts).
 */
(() => {
  const script = document.currentScript;
  const ONCE = Symbol.for('amparo.widget');
  if (window[ONCE]) return; // loaded twice on one page: keep the first
  window[ONCE] = true;

  const EXIT_URL = 'https://www.google.com/';
  const ESC_WINDOW_MS = 1200;
  const TIMEOUT_MS = 20000;
  const data = script?.dataset || {};
  const API = (data.api || (script ? new URL(script.src, location.href).origin : location.origin))
    .trim()
    .replace(/\/+$/, '');
  const KEY = `amparo:v1:${API}`;
  const FIRM = (data.firm || '').trim();

  // { en: {...}, es: {...} }: the `widget.*` strings, written in by the server (see the header).
  const STRINGS = /* amparo:strings */ {};
  const pickLang = (v) => (/^es\b/i.test(String(v || '')) ? 'es' : 'en');

  const S = {
    lang: pickLang(data.lang || navigator.language),
    conv: null, // { conversationId, token }
    state: null, // State from the API
    busy: false,
    exited: false,
    started: false,
    active: [], // choice buttons that can still be answered
    lastEsc: 0,
    controllers: new Set(),
  };
  // A string in the widget's language, its {placeholders} filled from `vars`.
  const t = (k, vars) =>
    String(STRINGS[S.lang]?.[k] ?? '').replace(/\{(\w+)\}/g, (whole, name) =>
      String(vars?.[name] ?? whole),
    );

  // ---- storage: sessionStorage only (see header); tolerate browsers that refuse it ----
  const store = {
    get() {
      try {
        const v = JSON.parse(sessionStorage.getItem(KEY) || 'null');
        return v && typeof v.conversationId === 'string' && typeof v.token === 'string' ? v : null;
      } catch {
        return null;
      }
    },
    set(v) {
      if (S.exited) return; // a late response must not write after a quick exit
      try {
        sessionStorage.setItem(KEY, JSON.stringify(v));
      } catch {
        /* storage disabled: the chat still works, it just will not survive a reload */
      }
    },
    clear(all) {
      try {
        if (all) sessionStorage.clear();
        else sessionStorage.removeItem(KEY);
      } catch {
        /* nothing stored */
      }
    },
  };

  // ---- DOM helpers: text only, attributes only; never innerHTML ----
  const bindings = []; // [element, attribute or null for text, string key]
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k === 'i18n') tr(el, null, v);
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c) el.append(c);
    return el;
  }
  function tr(el, attr, key) {
    bindings.push([el, attr, key]);
    if (attr) el.setAttribute(attr, t(key));
    else el.textContent = t(key);
    return el;
  }
  function applyLang(lang) {
    S.lang = pickLang(lang);
    root.setAttribute('lang', S.lang);
    for (let i = bindings.length - 1; i >= 0; i--) {
      const [el, attr, key] = bindings[i];
      if (!el.isConnected && el !== root && !root.contains(el)) bindings.splice(i, 1);
      else if (attr) el.setAttribute(attr, t(key));
      else el.textContent = t(key);
    }
    langEn.setAttribute('aria-pressed', String(S.lang === 'en'));
    langEs.setAttribute('aria-pressed', String(S.lang === 'es'));
  }

  // ---- build the UI inside an open shadow root so host-page CSS cannot clash ----
  const mountSel = data.mount;
  const inline = Boolean(mountSel);
  const host = h('div', { class: 'amparo-host', 'data-amparo': '' });
  const shadow = host.attachShadow({ mode: 'open' });
  const CSS = `
:host{all:initial;display:block}
.amparo-root{--ac:var(--amparo-accent,#1d4e5f);--ac-soft:#e6eff1;--ink:#1b2328;--muted:#46575e;--line:#d5dee1;
  font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);
  box-sizing:border-box;-webkit-text-size-adjust:100%}
.amparo-root *,.amparo-root *::before,.amparo-root *::after{box-sizing:inherit}
:where(.amparo-root) :where(button,textarea){font:inherit;color:inherit}
:where(.amparo-root) button{cursor:pointer}
.amparo-root :focus-visible{outline:3px solid #0b5cad;outline-offset:2px}
.amparo-panel{container-type:inline-size;display:flex;flex-direction:column;width:100%;height:var(--amparo-height,clamp(440px,78vh,660px));
  background:#fff;border:1px solid var(--line);border-radius:16px;overflow:hidden;
  box-shadow:0 1px 2px rgba(16,42,51,.05),0 10px 30px rgba(16,42,51,.08)}
.amparo-float .amparo-panel{position:fixed;z-index:2147483000;right:16px;bottom:16px;
  width:min(400px,calc(100vw - 32px));height:min(640px,calc(100vh - 32px))}
.amparo-head{display:flex;flex-wrap:wrap;align-items:center;gap:2px 8px;padding:10px 12px 10px 16px;background:#f4f7f7;border-bottom:1px solid var(--line)}
.amparo-title{flex:1 1 0;min-width:0;margin:0;font-weight:650;line-height:1.3;overflow-wrap:break-word}
.amparo-sub{flex:1 0 100%;margin:0;font-size:.8125rem;color:var(--muted)}
@container (min-width:440px){.amparo-head{display:grid;grid-template-columns:minmax(0,1fr) auto;column-gap:12px}
  .amparo-float .amparo-head{grid-template-columns:minmax(0,1fr) auto auto}
  .amparo-title{grid-area:1/1}.amparo-sub{grid-area:2/1}.amparo-exit{grid-area:1/2/3/3}.amparo-close{grid-area:1/3/3/4}}
.amparo-exit{flex:none;min-height:44px;padding:8px 14px;border:0;border-radius:999px;background:#9b1c1c;color:#fff;font-weight:700}
.amparo-exit:hover{background:#7f1515}
.amparo-close{flex:none;min-width:44px;min-height:44px;border:1px solid var(--line);border-radius:999px;background:#fff;font-size:1.25rem;line-height:1}
.amparo-bar{display:flex;align-items:center;gap:8px;padding:8px 16px;border-bottom:1px solid #e7edee;font-size:.875rem;color:var(--muted)}
.amparo-langs{display:inline-flex;gap:2px;padding:2px;border:1px solid #6b7b81;border-radius:999px}
.amparo-lang{min-height:36px;padding:4px 14px;border:0;border-radius:999px;background:transparent;color:var(--ac);font-weight:600}
.amparo-lang[aria-pressed="true"]{background:var(--ac);color:#fff}
.amparo-log{position:relative;flex:1;min-height:0;overflow-y:auto;overscroll-behavior:contain;padding:16px;
  display:flex;flex-direction:column;gap:12px}
.amparo-msg{display:flex;flex-direction:column;align-items:flex-start;max-width:88%;animation:amparo-in .18s ease-out}
.amparo-msg--user{align-self:flex-end;align-items:flex-end}
.amparo-bubble{margin:0;padding:10px 14px;border-radius:16px 16px 16px 4px;background:#eef3f4;white-space:pre-wrap;overflow-wrap:anywhere}
.amparo-msg--user .amparo-bubble{border-radius:16px 16px 4px 16px;background:var(--ac);color:#fff}
.amparo-choices{display:flex;flex-wrap:wrap;gap:8px;margin-top:8px}
.amparo-choice{min-height:44px;padding:8px 16px;border:1.5px solid var(--ac);border-radius:999px;background:#fff;color:var(--ac);font-weight:600;text-align:left}
.amparo-choice:hover:not(:disabled){background:var(--ac-soft)}
.amparo-choice:disabled{cursor:default;border-color:#c5cfd2;color:#5b6b71}
.amparo-choice.amparo-chosen{border-color:var(--ac);background:var(--ac-soft);color:var(--ac)}
.amparo-status{padding:0 16px;color:var(--muted);font-size:.875rem}
.amparo-typing{display:flex;align-items:center;gap:10px;padding:0 0 8px}
.amparo-dots{display:inline-flex;gap:4px}
.amparo-dots i{width:6px;height:6px;border-radius:50%;background:var(--muted);animation:amparo-dot 1.2s infinite ease-in-out}
.amparo-dots i:nth-child(2){animation-delay:.15s}.amparo-dots i:nth-child(3){animation-delay:.3s}
.amparo-alert-box{display:flex;flex-wrap:wrap;align-items:center;gap:8px 12px;margin:0 12px 10px;padding:10px 12px;
  border:1px solid #e2b3a6;border-radius:12px;background:#fdf3f0;color:#6b1d11;font-size:.9375rem}
.amparo-alert-box p{margin:0;flex:1 1 200px}
.amparo-ghost{min-height:40px;padding:6px 14px;border:1.5px solid currentColor;border-radius:999px;background:#fff;font-weight:600}
.amparo-done{display:flex;flex-wrap:wrap;align-items:center;gap:8px 12px;padding:10px 16px;border-top:1px solid var(--line);background:#f4f7f7}
.amparo-done p{margin:0;flex:1 1 160px;color:var(--muted)}
.amparo-primary,.amparo-send{min-height:44px;padding:8px 18px;border:0;border-radius:12px;background:var(--ac);color:#fff;font-weight:650}
.amparo-composer{display:flex;align-items:flex-end;gap:8px;padding:10px 12px;border-top:1px solid var(--line);background:#fff}
.amparo-input{flex:1;min-width:0;max-height:140px;margin:0;padding:10px 12px;resize:none;font-size:16px;line-height:1.4;
  border:1.5px solid #6b7b81;border-radius:12px;background:#fff}
.amparo-input::placeholder{color:#5f6f75}
.amparo-input:disabled{background:#f1f4f5;border-color:#c5cfd2}
.amparo-send:disabled{background:#8fa3aa;cursor:default}
.amparo-launcher{position:fixed;z-index:2147483000;right:16px;bottom:16px;min-height:52px;padding:12px 20px;border:0;border-radius:999px;
  background:var(--ac);color:#fff;font-weight:650;box-shadow:0 6px 20px rgba(16,42,51,.25)}
.amparo-sr{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
[hidden]{display:none!important}
@keyframes amparo-in{from{opacity:0;transform:translateY(4px)}to{opacity:1;transform:none}}
@keyframes amparo-dot{0%,80%,100%{opacity:.25}40%{opacity:1}}
@media (max-width:480px){.amparo-float .amparo-panel{right:8px;left:8px;bottom:8px;width:auto;height:calc(100vh - 16px)}
  .amparo-head{padding-left:12px}.amparo-log{padding:12px}.amparo-msg{max-width:94%}}
@media (prefers-reduced-motion:reduce){.amparo-root *{animation:none!important;transition:none!important;scroll-behavior:auto!important}}
@media (forced-colors:active){.amparo-bubble,.amparo-choice,.amparo-alert-box{border:1px solid CanvasText}}
`;
  // Constructed stylesheets are not blocked by a host page's `style-src` CSP; <style> is the fallback.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    shadow.append(h('style', { text: CSS }));
  }

  const root = h('div', { class: `amparo-root${inline ? '' : ' amparo-float'}`, lang: S.lang });
  const exitBtn = h('button', {
    type: 'button',
    class: 'amparo-exit',
    'data-testid': 'amparo-exit',
    'aria-describedby': 'amparo-exit-hint',
    i18n: 'exit',
    onclick: quickExit,
  });
  const exitHint = h('span', { id: 'amparo-exit-hint', class: 'amparo-sr', i18n: 'exitHint' });
  tr(exitBtn, 'title', 'exitHint');
  const closeBtn = inline
    ? null
    : h('button', {
        type: 'button',
        class: 'amparo-close',
        text: '×',
        onclick: () => setOpen(false),
      });
  if (closeBtn) tr(closeBtn, 'aria-label', 'close');
  const titleEl = FIRM
    ? h('p', { class: 'amparo-title', text: FIRM })
    : h('p', { class: 'amparo-title', i18n: 'title' });
  const head = h(
    'div',
    { class: 'amparo-head' },
    titleEl,
    exitBtn,
    closeBtn,
    h('p', { class: 'amparo-sub', i18n: FIRM ? 'subFirm' : 'sub' }),
    exitHint,
  );
  const langEn = h('button', {
    type: 'button',
    class: 'amparo-lang',
    lang: 'en',
    'data-testid': 'amparo-lang-en',
    text: STRINGS.en?.languageName,
    onclick: () => switchLang('en'),
  });
  const langEs = h('button', {
    type: 'button',
    class: 'amparo-lang',
    lang: 'es',
    'data-testid': 'amparo-lang-es',
    text: STRINGS.es?.languageName,
    onclick: () => switchLang('es'),
  });
  const langGroup = h('div', { class: 'amparo-langs', role: 'group' }, langEn, langEs);
  tr(langGroup, 'aria-label', 'langs');
  const bar = h(
    'div',
    { class: 'amparo-bar' },
    h('span', { i18n: 'langs', 'aria-hidden': 'true' }),
    langGroup,
  );
  const log = h('div', {
    class: 'amparo-log',
    role: 'log',
    'aria-live': 'polite',
    'aria-relevant': 'additions',
    tabindex: '0',
    'data-testid': 'amparo-log',
  });
  tr(log, 'aria-label', 'log');
  const status = h('div', { class: 'amparo-status', role: 'status', 'aria-live': 'polite' });
  const alertEl = h('div', { role: 'alert' });
  const input = h('textarea', {
    id: 'amparo-input',
    class: 'amparo-input',
    rows: '1',
    maxlength: '2000',
    autocomplete: 'off',
    enterkeyhint: 'send',
    'data-testid': 'amparo-input',
  });
  tr(input, 'aria-label', 'inputLabel');
  tr(input, 'placeholder', 'placeholder');
  const sendBtn = h('button', {
    type: 'submit',
    class: 'amparo-send',
    'data-testid': 'amparo-send',
    i18n: 'send',
  });
  const composer = h(
    'form',
    { class: 'amparo-composer', onsubmit: onSubmit },
    h('label', { for: 'amparo-input', class: 'amparo-sr', i18n: 'inputLabel' }),
    input,
    sendBtn,
  );
  const restartBtn = h('button', {
    type: 'button',
    class: 'amparo-primary',
    'data-testid': 'amparo-restart',
    i18n: 'restart',
    onclick: restart,
  });
  const doneBar = h(
    'div',
    { class: 'amparo-done', hidden: true },
    h('p', { i18n: 'done' }),
    restartBtn,
  );
  const panel = h(
    'section',
    { class: 'amparo-panel', id: 'amparo-panel' },
    head,
    bar,
    log,
    status,
    alertEl,
    doneBar,
    composer,
  );
  tr(panel, 'aria-label', 'region');
  const launcher = inline
    ? null
    : h('button', {
        type: 'button',
        class: 'amparo-launcher',
        'aria-controls': 'amparo-panel',
        'aria-expanded': 'false',
        i18n: 'open',
        onclick: () => setOpen(true),
      });
  root.append(panel);
  if (launcher) root.append(launcher);
  shadow.append(root);

  input.addEventListener('keydown', (e) => {
    // Enter sends, Shift+Enter is a new line; never send in the middle of an IME composition.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      onSubmit(e);
    }
  });
  input.addEventListener('input', grow);
  // Esc twice anywhere on the page = quick exit (capture: the host page cannot swallow it).
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Escape' || e.repeat || e.isComposing) return;
      const now = Date.now();
      if (now - S.lastEsc < ESC_WINDOW_MS) quickExit();
      else {
        S.lastEsc = now;
        if (!inline && !panel.hidden) setOpen(false);
      }
    },
    true,
  );

  function grow() {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight + 3, 140)}px`;
  }

  // ---- rendering ----
  function setStatus(key) {
    status.replaceChildren();
    if (!key) return;
    const dots = h('span', { class: 'amparo-dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i'));
    status.append(h('div', { class: 'amparo-typing' }, dots, h('span', { i18n: key })));
  }
  function showAlert(text, retry) {
    alertEl.replaceChildren();
    if (!text) return;
    const box = h('div', { class: 'amparo-alert-box' }, h('p', { text }));
    if (retry)
      box.append(
        h('button', { type: 'button', class: 'amparo-ghost', i18n: 'retry', onclick: retry }),
      );
    alertEl.append(box);
  }
  function disableActive(chosen) {
    for (const b of S.active) {
      b.disabled = true;
      if (b === chosen) b.classList.add('amparo-chosen');
    }
  }
  function renderMessage(m, prevBot) {
    const isUser = m.role === 'user';
    let text = String(m.text ?? '');
    // A choice is sent by its value; show the label the person actually clicked.
    if (isUser && prevBot && Array.isArray(prevBot.choices)) {
      const c = prevBot.choices.find((x) => x && x.value === text);
      if (c) text = c.label;
    }
    const wrap = h(
      'div',
      { class: `amparo-msg amparo-msg--${isUser ? 'user' : 'bot'}` },
      h('span', { class: 'amparo-sr', i18n: isUser ? 'you' : 'bot' }),
      h('div', {
        class: 'amparo-bubble',
        'data-testid': `amparo-msg-${isUser ? 'user' : 'bot'}`,
        text,
      }),
    );
    if (isUser) disableActive(null);
    else if (Array.isArray(m.choices) && m.choices.length) {
      const group = h('div', { class: 'amparo-choices', role: 'group' });
      tr(group, 'aria-label', 'choices');
      for (const c of m.choices) {
        const b = h('button', {
          type: 'button',
          class: 'amparo-choice',
          'data-testid': 'amparo-choice',
          'data-value': c.value,
          text: c.label,
        });
        b.addEventListener('click', () => send(c.value, c.label, b));
        group.append(b);
        S.active.push(b);
      }
      wrap.append(group);
    }
    log.append(wrap);
    return wrap;
  }
  function renderAll(messages) {
    const first = [];
    let prevBot = null;
    for (const m of messages || []) {
      first.push(renderMessage(m, prevBot));
      if (m.role !== 'user') prevBot = m;
    }
    return first[0];
  }
  // Long replies (the opening disclaimer) are read from their start, short ones keep the bottom.
  function reveal(firstNew) {
    if (!firstNew) return;
    const fromTop = firstNew.offsetTop - 12;
    log.scrollTop = log.scrollHeight - fromTop > log.clientHeight ? fromTop : log.scrollHeight;
  }
  function applyState(state) {
    if (!state) return;
    S.state = state;
    if (state.language && pickLang(state.language) !== S.lang) applyLang(state.language);
    const done = Boolean(state.done);
    doneBar.hidden = !done;
    input.disabled = done;
    sendBtn.disabled = done || S.busy;
    if (done) disableActive(null);
  }
  function setBusy(busy, key) {
    S.busy = busy;
    sendBtn.disabled = busy || Boolean(S.state?.done);
    setStatus(busy ? key || 'typing' : null);
  }
  // Redraw a whole transcript without a screen reader reading all of it out again.
  function redraw(messages) {
    log.setAttribute('aria-live', 'off');
    renderAll(messages);
    log.scrollTop = log.scrollHeight;
    setTimeout(() => log.setAttribute('aria-live', 'polite'), 300);
  }
  function clearLog() {
    S.active = [];
    S.state = null;
    log.replaceChildren();
    showAlert(null);
    doneBar.hidden = true;
    input.disabled = false;
    sendBtn.disabled = false;
  }

  // ---- HTTP: returns { status, body, retryAfter } or throws on network failure/timeout ----
  async function call(method, path, body) {
    const ctrl = new AbortController();
    S.controllers.add(ctrl);
    const timer = setTimeout(() => ctrl.abort(), TIMEOUT_MS);
    try {
      const headers = { Accept: 'application/json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (S.conv && path !== '/api/conversations') headers.Authorization = `Bearer ${S.conv.token}`;
      const res = await fetch(API + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'strict-origin',
        signal: ctrl.signal,
      });
      let json = null;
      try {
        json = await res.json();
      } catch {
        /* an HTML error page from a proxy: treated by status below */
      }
      const ra = Number.parseInt(res.headers.get('Retry-After') || '', 10);
      return { status: res.status, body: json, retryAfter: Number.isFinite(ra) ? ra : 0 };
    } finally {
      clearTimeout(timer);
      S.controllers.delete(ctrl);
    }
  }
  function explain(r) {
    if (!r) return t('errNetwork');
    if (r.status === 429) {
      const n = r.retryAfter;
      const wait = n ? (n === 1 ? t('secondsOne') : t('secondsMany', { n })) : t('aMoment');
      return t('errRate', { wait });
    }
    if (r.status === 401 || r.status === 404) return t('errExpired');
    if (r.status >= 400 && r.status < 500) return t('errInvalid');
    return t('errServer');
  }

  // ---- conversation lifecycle ----
  async function create() {
    if (S.exited) return;
    clearLog();
    setBusy(true, 'connecting');
    let r = null;
    try {
      r = await call('POST', '/api/conversations', { language: S.lang, channel: 'web' });
    } catch {
      /* network: r stays null */
    }
    if (S.exited) return;
    setBusy(false);
    if (r?.status !== 201 || !r.body || !r.body.conversationId) {
      showAlert(explain(r), create);
      return;
    }
    S.conv = { conversationId: r.body.conversationId, token: r.body.token };
    store.set({ ...S.conv, open: true });
    const first = renderAll(r.body.messages);
    applyState(r.body.state);
    reveal(first);
  }
  async function resume(saved) {
    S.conv = saved;
    clearLog();
    setBusy(true, 'connecting');
    let r = null;
    try {
      r = await call('GET', `/api/conversations/${encodeURIComponent(saved.conversationId)}`);
    } catch {
      /* network */
    }
    if (S.exited) return;
    setBusy(false);
    if (r && (r.status === 401 || r.status === 404)) {
      store.clear();
      S.conv = null;
      return create(); // expired or unknown: start over cleanly
    }
    if (r?.status !== 200 || !r.body) {
      showAlert(explain(r), () => resume(saved));
      return;
    }
    redraw(r.body.messages);
    applyState(r.body.state || { step: '', done: false, language: r.body.language });
  }
  function restart() {
    store.clear();
    S.conv = null;
    create().then(() => input.focus());
  }
  function onSubmit(e) {
    e.preventDefault();
    const text = input.value.trim();
    if (text) send(text, text, null);
  }
  function switchLang(lang) {
    if (lang === S.lang) return;
    if (S.conv && S.state && !S.state.done && !S.busy)
      send(STRINGS[lang]?.languageCommand, null, null);
    else applyLang(lang); // nothing to tell the server yet: the next conversation starts in it
  }

  async function send(value, label, chosenBtn) {
    if (S.busy || S.exited || !S.conv || S.state?.done) return;
    const typed = chosenBtn === null && label === value;
    const count = log.childElementCount;
    showAlert(null);
    const before = S.active.slice();
    disableActive(chosenBtn);
    S.active = [];
    const bubble = renderMessage({ role: 'user', text: label || value });
    if (typed) {
      input.value = '';
      grow();
    }
    log.scrollTop = log.scrollHeight;
    setBusy(true);
    let r = null;
    try {
      r = await call(
        'POST',
        `/api/conversations/${encodeURIComponent(S.conv.conversationId)}/messages`,
        { text: value },
      );
    } catch {
      /* network */
    }
    if (S.exited) return;
    setBusy(false);
    if (r && r.status === 200 && r.body) {
      const first = renderAll(r.body.messages);
      applyState(r.body.state); // before scrolling: the end bar takes room from the log
      reveal(first);
      if (chosenBtn) log.focus({ preventScroll: true }); // the clicked button is now disabled
      return;
    }
    // Not delivered: take the bubble back, give the text back, re-open the choices.
    bubble.remove();
    for (const b of before) b.disabled = false;
    if (chosenBtn) chosenBtn.classList.remove('amparo-chosen');
    S.active = before;
    if (typed && !input.value) {
      input.value = value;
      grow();
    }
    if (r && (r.status === 401 || r.status === 404)) {
      store.clear();
      applyState({ ...(S.state || {}), done: true });
      showAlert(t('errExpired'));
      return;
    }
    const retry = () => {
      showAlert(null); // one retry at a time
      if (typed) input.value = '';
      resync(count).then((delivered) => {
        if (!delivered) send(value, label, chosenBtn);
      });
    };
    showAlert(
      explain(r),
      r && r.status >= 400 && r.status < 500 && r.status !== 429 ? null : retry,
    );
  }
  // After a lost response the server may have the message already: ask before sending twice.
  async function resync(localCount) {
    if (!S.conv) return false;
    try {
      const r = await call(
        'GET',
        `/api/conversations/${encodeURIComponent(S.conv.conversationId)}`,
      );
      if (S.exited) return true;
      if (
        r.status === 200 &&
        r.body &&
        Array.isArray(r.body.messages) &&
        r.body.messages.length > localCount
      ) {
        clearLog();
        redraw(r.body.messages);
        applyState(r.body.state);
        return true;
      }
    } catch {
      /* still offline: the send below will say so */
    }
    return false;
  }

  function quickExit() {
    S.exited = true;
    for (const c of S.controllers) c.abort();
    store.clear(true);
    S.conv = null;
    try {
      host.remove();
      // Also blank the page, so Back (or a bfcache restore) shows nothing of this visit.
      document.title = '';
      document.body.replaceChildren();
    } catch {
      /* leaving anyway */
    }
    location.replace(EXIT_URL);
  }

  function setOpen(open, focus = true) {
    if (inline) return;
    panel.hidden = !open;
    launcher.hidden = open;
    launcher.setAttribute('aria-expanded', String(open));
    if (S.conv) store.set({ ...S.conv, open });
    if (open) start();
    if (focus) (open ? input : launcher).focus();
  }
  function start() {
    if (S.started) return;
    S.started = true;
    const code = continueCode();
    if (code) return continueFrom(code);
    const saved = store.get();
    if (saved) resume(saved);
    else create();
  }
  // A one-time link texted to the client ("web" by SMS): ?continue=<code> opens that conversation.
  function continueCode() {
    try {
      const url = new URL(location.href);
      const code = url.searchParams.get('continue');
      if (!code) return null;
      // The code works once; keep it out of the address bar and the history.
      url.searchParams.delete('continue');
      history.replaceState(null, '', url.pathname + url.search + url.hash);
      return code;
    } catch {
      return null;
    }
  }
  async function continueFrom(code) {
    clearLog();
    setBusy(true, 'connecting');
    let r = null;
    try {
      r = await call('POST', '/api/conversations/continue', { code });
    } catch {
      /* network */
    }
    if (S.exited) return;
    setBusy(false);
    if (r?.status !== 200 || !r.body || !r.body.conversationId) {
      const saved = store.get();
      if (saved) return resume(saved);
      return create();
    }
    S.conv = { conversationId: r.body.conversationId, token: r.body.token };
    store.set({ ...S.conv, open: true });
    redraw(r.body.messages);
    applyState(r.body.state);
  }

  function mount() {
    const target = inline ? document.querySelector(mountSel) : null;
    if (inline && !target) {
      console.warn(`[amparo] data-mount "${mountSel}" not found`);
      return;
    }
    (target || document.body).append(host);
    applyLang(S.lang);
    if (inline) start();
    else {
      const saved = store.get();
      setOpen(Boolean(saved && saved.open !== false), false);
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
  else mount();
})();
