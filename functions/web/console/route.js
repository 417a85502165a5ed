/**
 * The address after '#': `#/` is the board (its filters after '?', so a reload keeps them),
 * `#/leads/<id>` a lead, `#/funnel?from=&to=` the funnel, `#/conversations?waiting=true` the
 * conversations in progress, `#/conversations/<id>` one of them live. Also the API's paths. Pure:
 * no `document`, no `location`.
 */
import { CHANNELS, STATUS, URGENCY } from './words.js';

export const FILTER_KEYS = ['status', 'urgency', 'flag', 'language', 'channel', 'q'];

const Q_MAX = 100;
// Values with a fixed list are checked against it; flags and languages may grow on the server.
const ALLOWED = { status: STATUS, urgency: URGENCY, channel: CHANNELS };
const TOKEN = /^[a-z0-9][a-z0-9-]{0,39}$/i;
const own = (obj, key) => Object.hasOwn(obj, key);

/** Only known filters with usable values: a hand-edited or stale address cannot break a query. */
export function cleanFilters(raw) {
  const out = {};
  for (const key of FILTER_KEYS) {
    const v = raw && typeof raw[key] === 'string' ? raw[key].trim() : '';
    if (!v) continue;
    if (key === 'q') out.q = v.slice(0, Q_MAX);
    else if (ALLOWED[key] ? own(ALLOWED[key], v) : TOKEN.test(v)) out[key] = v;
  }
  return out;
}

export function hasFilters(filters) {
  return Object.keys(cleanFilters(filters)).length > 0;
}

function params(filters) {
  const p = new URLSearchParams();
  const clean = cleanFilters(filters);
  for (const key of FILTER_KEYS) if (clean[key]) p.set(key, clean[key]);
  return p;
}

/** `#/`, or `#/?status=new&q=ana` */
export function boardHash(filters) {
  const s = params(filters).toString();
  return s ? `#/?${s}` : '#/';
}

export function leadHash(id) {
  return `#/leads/${encodeURIComponent(id)}`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Only `from` and `to` that look like days (YYYY-MM-DD); the server checks the rest. */
export function cleanRange(raw) {
  const out = {};
  for (const key of ['from', 'to']) {
    const v = raw && typeof raw[key] === 'string' ? raw[key].trim() : '';
    if (DAY.test(v)) out[key] = v;
  }
  return out;
}

function rangeQuery(range) {
  const clean = cleanRange(range);
  const p = new URLSearchParams();
  if (clean.from) p.set('from', clean.from);
  if (clean.to) p.set('to', clean.to);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** `#/funnel`, or `#/funnel?from=2026-11-08&to=2026-12-07` */
export function funnelHash(range) {
  return `#/funnel${rangeQuery(range)}`;
}

/** `/api/staff/funnel` (the server's last 30 days), or with the range asked for. */
export function funnelPath(range) {
  return `/api/staff/funnel${rangeQuery(range)}`;
}

/** `#/conversations`, or `#/conversations?waiting=true` */
export function conversationsHash(waiting) {
  return waiting ? '#/conversations?waiting=true' : '#/conversations';
}

export function conversationsPath(waiting) {
  return waiting ? '/api/staff/conversations?waiting=true' : '/api/staff/conversations';
}

/** `#/conversations/<id>`: a conversation live, to take it over. */
export function conversationHash(id) {
  return `#/conversations/${encodeURIComponent(id)}`;
}

/**
 * `/api/staff/conversations/{id}`, with `?after=<n>` (the messages from index n on) when given;
 * with `action` ('takeover', 'messages', 'release') the path to POST to.
 */
export function conversationPath(id, opts = {}) {
  const base = `/api/staff/conversations/${encodeURIComponent(id)}`;
  if (opts.action) return `${base}/${opts.action}`;
  const after = opts.after;
  return Number.isInteger(after) && after > 0 ? `${base}?after=${after}` : base;
}

function decoded(raw) {
  try {
    return decodeURIComponent(raw);
  } catch {
    return ''; // a malformed escape: treated as no id
  }
}

/**
 * What an address shows: `{ screen: 'board', filters }`, `{ screen: 'lead', id }`,
 * `{ screen: 'funnel', range }`, `{ screen: 'conflicts' }` (the conflict list),
 * `{ screen: 'conversations', waiting }` or
 * `{ screen: 'conversation', id }`. Anything else (empty, `#`, an unknown path) is the board
 * without filters.
 */
export function parseHash(hash) {
  const h = String(hash || '').replace(/^#/, '');
  const [path, query = ''] = h.split('?', 2);
  const params = Object.fromEntries(new URLSearchParams(query));
  if (/^\/funnel\/?$/.test(path)) return { screen: 'funnel', range: cleanRange(params) };
  if (/^\/conflicts\/?$/.test(path)) return { screen: 'conflicts' };
  if (/^\/conversations\/?$/.test(path))
    return { screen: 'conversations', waiting: params.waiting === 'true' };
  const c = /^\/conversations\/([^/]+)\/?$/.exec(path);
  const cid = c ? decoded(c[1]) : '';
  if (cid) return { screen: 'conversation', id: cid };
  const m = /^\/leads\/([^/]+)\/?$/.exec(path);
  const id = m ? decoded(m[1]) : '';
  if (id) return { screen: 'lead', id };
  const filters = {};
  if (path === '/' || path === '') {
    for (const [k, v] of new URLSearchParams(query)) filters[k] = v;
  }
  return { screen: 'board', filters: cleanFilters(filters) };
}

/** `/api/staff/leads?status=new&cursor=…`: only the filters that are set, then the cursor. */
export function leadsPath(filters, cursor) {
  const p = params(filters);
  if (cursor) p.set('cursor', cursor);
  const s = p.toString();
  return s ? `/api/staff/leads?${s}` : '/api/staff/leads';
}

export function leadPath(id) {
  return `/api/staff/leads/${encodeURIComponent(id)}`;
}
