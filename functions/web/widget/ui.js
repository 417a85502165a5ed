/**
 * The chat's elements, built once inside a shadow root of the frame's page. buildUi fills `ui`;
 * the other modules read their elements from it.
 */

import { styledShadow } from '../shared/shadow.js';
import { ACCENT, FIRM, INLINE } from './config.js';
import { h, retranslate, tr } from './dom.js';
import { toPage } from './frame.js';
import { lang, STRINGS, setLang, t } from './strings.js';
import { CSS } from './styles.js';

export const ui = {};

/**
 * Builds the panel and wires its controls to `on`: exit(), close() (floating: the embed's
 * launcher opens it again), switchLang(lang), submit(event), restart().
 */
export function buildUi(on) {
  const host = h('div', { class: 'amparo-host', 'data-amparo': '' });
  const shadow = styledShadow(host, CSS);

  const root = h('div', { class: 'amparo-root', lang: lang() });
  if (ACCENT) root.style.setProperty('--amparo-accent', ACCENT);
  const exitBtn = h('button', {
    type: 'button',
    class: 'amparo-exit',
    'data-testid': 'amparo-exit',
    'aria-describedby': 'amparo-exit-hint',
    i18n: 'exit',
    onclick: on.exit,
  });
  const exitHint = h('span', { id: 'amparo-exit-hint', class: 'amparo-sr', i18n: 'exitHint' });
  tr(exitBtn, 'title', 'exitHint');
  const closeBtn = INLINE
    ? null
    : h('button', {
        type: 'button',
        class: 'amparo-close',
        text: '×',
        onclick: on.close,
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
  const langButton = (code) =>
    h('button', {
      type: 'button',
      class: 'amparo-lang',
      lang: code,
      'data-testid': `amparo-lang-${code}`,
      text: STRINGS[code]?.languageName,
      onclick: () => on.switchLang(code),
    });
  const langEn = langButton('en');
  const langEs = langButton('es');
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
    { class: 'amparo-composer', onsubmit: on.submit },
    h('label', { for: 'amparo-input', class: 'amparo-sr', i18n: 'inputLabel' }),
    input,
    sendBtn,
  );
  const restartBtn = h('button', {
    type: 'button',
    class: 'amparo-primary',
    'data-testid': 'amparo-restart',
    i18n: 'restart',
    onclick: on.restart,
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
  root.append(panel);
  shadow.append(root);

  input.addEventListener('keydown', (e) => {
    // Enter sends, Shift+Enter is a new line; never send in the middle of an IME composition.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      on.submit(e);
    }
  });
  input.addEventListener('input', grow);

  Object.assign(ui, {
    host,
    root,
    panel,
    log,
    status,
    alertEl,
    input,
    sendBtn,
    doneBar,
    langEn,
    langEs,
  });
}

/** Fits the composer's height to its text, up to 140px. */
export function grow() {
  const { input } = ui;
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight + 3, 140)}px`;
}

/** Switches the chat's own words (not the conversation) to `value`'s language. */
export function applyLang(value) {
  const now = setLang(value);
  ui.root.setAttribute('lang', now);
  document.documentElement.lang = now;
  document.title = FIRM || t('title');
  toPage('lang', { lang: now }); // the embed's launcher and frame title follow
  retranslate(ui.root);
  ui.langEn.setAttribute('aria-pressed', String(now === 'en'));
  ui.langEs.setAttribute('aria-pressed', String(now === 'es'));
}
