/** Domain errors the HTTP layer maps to API.md's error shape (see functions/http/errors.ts). */

export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(what: string, options?: ErrorOptions) {
    super(`${what} was not found`, options);
  }
}

export class UnauthorizedError extends Error {
  override name = 'UnauthorizedError';
  constructor(message = 'missing or wrong token', options?: ErrorOptions) {
    super(message, options);
  }
}

/** A conversation kept changing under us longer than it is reasonable to retry. */
export class BusyError extends Error {
  override name = 'BusyError';
  constructor(message = 'the conversation is busy, try again', options?: ErrorOptions) {
    super(message, options);
  }
}

/** A signed or one-time link that is wrong, used or expired. */
export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
}

/** Too many messages too fast from one conversation, phone or address (API.md: 429). */
export class RateLimitedError extends Error {
  override name = 'RateLimitedError';
  constructor(
    readonly retryAfterSeconds: number,
    options?: ErrorOptions,
  ) {
    super('Too many messages at once. Please wait a moment and try again.', options);
  }
}

/** Another writer saved the conversation first; re-read and apply again. */
export class VersionConflictError extends Error {
  override name = 'VersionConflictError';
  constructor(
    readonly id: string,
    readonly expected: number,
    options?: ErrorOptions,
  ) {
    super(`conversation ${id} is no longer at version ${expected}`, options);
  }
}

/** The database is throttling or unreachable; the request may be retried later. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
