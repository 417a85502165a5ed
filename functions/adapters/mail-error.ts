/**
 * The error every mailer throws (functions/adapters/mail.ts, ses-mail.ts): a code and the SMTP
 * reply code, never the original message, which may quote the recipients' addresses.
 */

/** Sending failed. `code` is the transport's error code (EAUTH, ECONNECTION…) or the error's name. */
export class MailSendError extends Error {
  override name = 'MailSendError';
  readonly code: string;
  /** The SMTP reply code (4xx: try again later, 5xx: permanent), when there was one. */
  readonly responseCode: number | undefined;

  // No `cause` on purpose: the original error's message may quote the recipients' addresses.
  constructor(code: string, responseCode?: number) {
    super(`mail not sent (${code}${responseCode ? ` ${responseCode}` : ''})`);
    this.code = code;
    this.responseCode = responseCode;
  }

  static from(error: unknown): MailSendError {
    if (error instanceof MailSendError) return error;
    const e = (typeof error === 'object' && error !== null ? error : {}) as {
      code?: unknown;
      name?: unknown;
      responseCode?: unknown;
    };
    const word = (v: unknown) =>
      typeof v === 'string' && /^[A-Za-z][\w.-]{0,63}$/.test(v) ? v : undefined;
    // nodemailer tags AWS SDK errors with the generic code ESES; their name says more
    // (MessageRejected, ThrottlingException).
    const generic = e.code === undefined || e.code === 'ESES';
    const code = (generic ? word(e.name) : word(e.code)) ?? word(e.code) ?? 'Error';
    return new MailSendError(code, typeof e.responseCode === 'number' ? e.responseCode : undefined);
  }
}
