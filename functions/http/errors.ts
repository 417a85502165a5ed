/**
 * One place that turns every failure into API.md's error shape:
 * `{"error": {"code", "message"}}`, never a stack trace or an internal detail.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  BusyError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  StoreUnavailableError,
  UnauthorizedError,
} from '../core/errors';
import type { Logger } from '../core/ports';

/** A request the client must fix: bad JSON, a field failing its schema, wrong content type. */
export class RequestError extends Error {
  override name = 'RequestError';
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** Maps an error to its status and body; unknown errors are logged (name only) and hidden. */
export function respondToError(c: Context, error: unknown, log: Logger) {
  const send = (status: ContentfulStatusCode, code: string, message: string) =>
    c.json(errorBody(code, message), status);
  if (error instanceof RequestError) return send(error.status, error.code, error.message);
  if (error instanceof UnauthorizedError) return send(401, 'unauthorized', error.message);
  if (error instanceof NotFoundError) return send(404, 'not_found', error.message);
  if (error instanceof ForbiddenError) return send(403, 'forbidden', error.message);
  if (error instanceof RateLimitedError) {
    c.header('Retry-After', String(error.retryAfterSeconds));
    return send(429, 'rate_limited', error.message);
  }
  if (error instanceof StoreUnavailableError || error instanceof BusyError) {
    c.header('Retry-After', '2');
    return send(503, 'unavailable', 'The service is busy. Please try again in a moment.');
  }
  // Name only: an error message may quote what a client typed, and logs never hold that.
  log.error('unhandled_error', { error: error instanceof Error ? error.name : typeof error });
  return send(500, 'internal', 'Something went wrong on our side. Please try again.');
}
