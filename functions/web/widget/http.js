/** The API calls (API.md, "Web chat") and what their failures say to the person. */
import { API } from './config.js';
import { S } from './state.js';
import { t } from './strings.js';

const TIMEOUT_MS = 20000;

/** Returns { status, body, retryAfter }, or throws on a network failure or timeout. */
export async function call(method, path, body) {
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
    // How far into the transcript this widget has read (live.js asks for what came after, and
    // keeps its own answers' seq itself: one may be older than a message sent meanwhile).
    if (json && Number.isInteger(json.seq) && !path.includes('?after=')) {
      S.seq = json.seq;
      S.gen += 1;
    }
    const ra = Number.parseInt(res.headers.get('Retry-After') || '', 10);
    return { status: res.status, body: json, retryAfter: Number.isFinite(ra) ? ra : 0 };
  } finally {
    clearTimeout(timer);
    S.controllers.delete(ctrl);
  }
}

/** The message for a failed call: `r` is its result, or null when the network failed. */
export function explain(r) {
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
