/**
 * Calls to the staff API (API.md "Staff (the console)") with the session cookie, and what their
 * failures mean. `fetch` is looked up when a call is made, so this module loads in node.
 */
import { T } from './words.js';

const TIMEOUT_MS = 20000;

/**
 * `{ status, body, retryAfter }` for any answer (body null when it is not JSON); null when the
 * network failed or the call timed out.
 */
export async function call(method, path, body) {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), TIMEOUT_MS);
  try {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: ctrl.signal,
    });
    let json = null;
    if (res.status !== 204) {
      try {
        json = await res.json();
      } catch {
        /* an HTML error page from a proxy: the status says enough */
      }
    }
    const ra = Number.parseInt(res.headers.get('Retry-After') || '', 10);
    return { status: res.status, body: json, retryAfter: Number.isFinite(ra) ? ra : 0 };
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What a failed call means for the person: `{ kind: 'signin' }` (401: the session is gone, show
 * the sign-in screen), or `{ kind, message, retry }` with `kind` 'forbidden', 'missing' or
 * 'error' and whether trying again can help.
 */
export function explain(r) {
  if (!r) return { kind: 'error', message: T.network, retry: true };
  if (r.status === 401) return { kind: 'signin', message: T.sessionEnded, retry: false };
  if (r.status === 403) return { kind: 'forbidden', message: T.forbidden, retry: false };
  if (r.status === 404) return { kind: 'missing', message: T.noSuchLead, retry: false };
  if (r.status === 429) return { kind: 'error', message: T.rate(r.retryAfter), retry: true };
  const said = r.body?.error?.message;
  const message = typeof said === 'string' && said ? said : T.server(r.status);
  return { kind: 'error', message, retry: true };
}
