/**
 * The options on the embedding <script> tag (README.md, "Embedding"). Read while the bundle first
 * runs, the only moment document.currentScript points at it.
 */
const script = document.currentScript;
const data = script?.dataset || {};

/** The API base without a trailing slash: data-api, else the origin this script came from. */
export const API = (
  data.api || (script ? new URL(script.src, location.href).origin : location.origin)
)
  .trim()
  .replace(/\/+$/, '');

/** data-firm: the firm's name for the header; '' shows the generic title. */
export const FIRM = (data.firm || '').trim();

/** data-mount: a CSS selector to render inline in; without it, a floating launcher. */
export const MOUNT = data.mount;
export const INLINE = Boolean(MOUNT);

/** data-lang, else the browser's language (strings.js reduces it to 'en' or 'es'). */
export const START_LANG = data.lang || navigator.language;
