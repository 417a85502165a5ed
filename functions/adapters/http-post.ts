/**
 * The HTTP sender for lead events (webhooks, Clio Grow): one POST, never more. With care for a
 * URL that points somewhere it should not (SSRF): on AWS only https is allowed (`httpsOnly`),
 * a redirect is not followed (a 3xx is a failure: the request goes only where the firm said),
 * each request gives up after a few seconds, and the response's body is never read.
 */
import type { OutboundSender, PostResult } from '../core/integrations/dispatch';

export const POST_TIMEOUT_MS = 5_000;

/** Why a URL may not be posted to, or undefined when it may. */
export function refusedUrl(url: string, httpsOnly: boolean): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && !httpsOnly) return undefined;
  return httpsOnly ? 'https required' : 'http or https required';
}

/**
 * @example createHttpSender({ httpsOnly: true }).post({ url, headers, body }) // { ok: true, status: 204 }
 */
export function createHttpSender(options: {
  httpsOnly: boolean;
  timeoutMs?: number;
  fetch?: typeof fetch;
}): OutboundSender {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? POST_TIMEOUT_MS;
  return {
    async post(request): Promise<PostResult> {
      const refused = refusedUrl(request.url, options.httpsOnly);
      if (refused) return { ok: false, error: refused };
      try {
        const response = await doFetch(request.url, {
          method: 'POST',
          headers: request.headers,
          body: request.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        // The body is not wanted: cancelled so the connection is not held for it.
        await response.body?.cancel().catch(() => {});
        if (response.status >= 200 && response.status < 300) {
          return { ok: true, status: response.status };
        }
        // fetch with redirect 'manual' answers an opaque redirect (status 0) in browsers; Node's
        // gives the 3xx itself.
        if (response.status >= 300 && response.status < 400)
          return { ok: false, error: `redirect ${response.status} not followed` };
        if (response.type === 'opaqueredirect')
          return { ok: false, error: 'redirect not followed' };
        return { ok: false, error: `HTTP ${response.status}` };
      } catch (error) {
        const name = error instanceof Error ? error.name : 'Error';
        if (name === 'TimeoutError' || name === 'AbortError')
          return { ok: false, error: 'timeout' };
        // The cause's code (ECONNREFUSED, ENOTFOUND…), never a message that could quote a URL.
        const code = (error as { cause?: { code?: string } }).cause?.code;
        return { ok: false, error: code ?? name };
      }
    },
  };
}
