/**
 * The chat's options. The chat runs in an iframe from Amparo's own origin; the embed on the
 * firm's page (functions/web/loader/main.js) writes its options into the frame's address after
 * '#': mode ("inline" or "float"), lang, firm, accent, and the origin of the page it is on.
 */
const params = new URLSearchParams(location.hash.slice(1));

/** The API is this frame's own origin: the chat never calls another. */
export const API = location.origin;

/** True inside the embed's iframe; opened on its own, /chat is a page of its own. */
export const FRAMED = window.parent !== window;

/** The origin of the page around the frame: the browser's word where it gives one. */
export const PARENT_ORIGIN = FRAMED
  ? location.ancestorOrigins?.[0] || params.get('origin') || ''
  : '';

/** data-firm: the firm's name for the header; '' shows the generic title. */
export const FIRM = (params.get('firm') || '').trim().slice(0, 120);

/** Inline in the firm's page, or floating over it (then the chat has a close button). */
export const INLINE = !FRAMED || params.get('mode') !== 'float';

/** data-lang, else the browser's language (strings.js reduces it to 'en' or 'es'). */
export const START_LANG = params.get('lang') || navigator.language;

const accent = (params.get('accent') || '').trim();
/** --amparo-accent of the firm's page, if it is a plain colour value. */
export const ACCENT = /^[#\w(),.%\s-]{1,40}$/.test(accent) ? accent : '';
