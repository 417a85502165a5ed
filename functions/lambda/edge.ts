/**
 * The API function behind CloudFront and its WAF (infra/edge.ts). CloudFront adds a secret header
 * to every request it passes on, so a request without it came straight to the HTTP API's own
 * execute-api URL, around the WAF's rate rules: it is refused before the app sees it. CloudFront
 * also sets the client's address in a header of its own (API Gateway's sourceIp is CloudFront's),
 * which the app's per-address limit then uses; it is trusted only on a request that carried the
 * secret. Without EDGE_SECRET_ARN (local runs, tests), nothing changes.
 */
import { hashSecret, secretMatches } from '../core/secrets';

/** Header names, as infra/edge.ts sets them (API Gateway hands them over in lower case). */
export const EDGE_SECRET_HEADER = 'x-amparo-edge';
export const EDGE_VIEWER_HEADER = 'x-amparo-viewer';

/** 403 in the error shape of API.md, without saying what was missing. */
const FORBIDDEN = {
  statusCode: 403,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  body: JSON.stringify({
    error: { code: 'forbidden', message: 'Use the chat at its own address.' },
  }),
};

/**
 * `handler` for requests that came through CloudFront; any other gets a 403 and reaches nothing.
 *
 * @example export const handler = throughEdgeOnly(handle(app), await runtime.edgeSecret());
 */
export function throughEdgeOnly<E extends object, C, R>(
  handler: (event: E, context?: C) => Promise<R>,
  secret: string | undefined,
): (event: E, context?: C) => Promise<R | typeof FORBIDDEN> {
  if (!secret) return handler;
  const expected = hashSecret(secret);
  return async (event, context) => {
    const given = (event as { headers?: Record<string, unknown> | null }).headers?.[
      EDGE_SECRET_HEADER
    ];
    if (typeof given !== 'string' || !secretMatches(given, expected)) return FORBIDDEN;
    return handler(event, context);
  };
}

/**
 * The client's address: CloudFront's viewer header behind the edge, else API Gateway's sourceIp
 * (`fallback`). CloudFront writes `ip` for IPv4 and IPv6 alike; anything else is ignored.
 */
export function viewerAddress(
  header: string | undefined,
  behindEdge: boolean,
  fallback: string | undefined,
): string | undefined {
  if (!behindEdge || !header) return fallback;
  const address = header.trim();
  return /^[0-9a-fA-F:.]{2,45}$/.test(address) ? address : fallback;
}
