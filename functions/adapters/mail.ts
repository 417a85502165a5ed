/**
 * Sends lead emails through the transport MAIL_TRANSPORT names (API.md "Configuration"):
 * - `file`: nodemailer's stream transport, each message written to `<outboxDir>/<time>-<leadId>.eml`
 *   (the local default, `.data/outbox/`; tests and developers open the files with any mail reader);
 * - `smtp`: SMTP_URL, always encrypted (SMTP_TLS): `smtps://` is TLS from the first byte (port
 *   465), `smtp://` must upgrade with STARTTLS (port 587) or nothing is sent, and the server's
 *   certificate is verified. A lead email carries the whole intake (A-number, criminal history,
 *   the people to check for conflicts), so it never crosses a network in the clear; the one
 *   exception, `SMTP_TLS=local-plain`, is for a test mail server on this machine and is refused for
 *   any other host;
 * - `ses`: nodemailer's SES transport over an injected `@aws-sdk/client-sesv2` client and its
 *   `SendEmailCommand` class (the composition root builds them; this file imports no AWS package).
 *
 * A failure becomes a `MailSendError` carrying only the error's code or name: transport messages
 * quote addresses ("550 <ana@example.com>: mailbox unavailable"), and errors end up in logs and in
 * the lead's `delivery.lastError`.
 */
import { link, mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type SESTransportOptions, type Transporter } from 'nodemailer';
import { type Config, ConfigError } from '../config';
import type { Mailer } from '../core/ports';
import { MailSendError } from './mail-error';

export type MailerConfig =
  | { transport: 'file'; outboxDir: string; now?: () => Date }
  | {
      transport: 'smtp';
      smtpUrl: string;
      /** `required` (default), or `local-plain` for a test server on loopback (SMTP_TLS). */
      tls?: SmtpTls;
      /** Certificates to trust besides the system's (a private relay's CA; the tests' own). */
      ca?: string;
    }
  | {
      transport: 'ses';
      /** `{ sesClient: new SESv2Client({ region }), SendEmailCommand }` from @aws-sdk/client-sesv2. */
      ses: SESTransportOptions['SES'];
    };

export type SmtpTls = 'required' | 'local-plain';

/** This machine only: `localhost`, 127.0.0.0/8 or ::1 (what `local-plain` may talk to). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

/**
 * nodemailer's SMTP options for SMTP_URL, with TLS required. The URL is read here rather than
 * handed to nodemailer, whose query options (`?ignoreTLS=true`, `?tls.rejectUnauthorized=false`)
 * would quietly turn the encryption off; a URL with a query is refused instead.
 */
export function smtpOptions(smtpUrl: string, tls: SmtpTls = 'required', ca?: string) {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  if (!secure && url.protocol !== 'smtp:') {
    throw new ConfigError(`SMTP_URL: ${url.protocol} is not smtp: or smtps:`);
  }
  if (url.search) {
    throw new ConfigError(
      "SMTP_URL: options after '?' are not read (TLS is always required; see SMTP_TLS)",
    );
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (tls === 'local-plain' && !isLoopbackHost(host)) {
    throw new ConfigError(
      `SMTP_TLS=local-plain is only for a test mail server on this machine (localhost, 127.0.0.1, ::1), not ${host}`,
    );
  }
  const plain = tls === 'local-plain' && !secure;
  return {
    host,
    ...(url.port ? { port: Number(url.port) } : {}),
    secure,
    // STARTTLS or nothing: without it nodemailer sends in the clear to a server (or a
    // man in the middle) that does not offer STARTTLS.
    requireTLS: !secure && !plain,
    ignoreTLS: plain,
    ...(url.username
      ? {
          auth: {
            user: decodeURIComponent(url.username),
            pass: decodeURIComponent(url.password),
          },
        }
      : {}),
    tls: { rejectUnauthorized: true, minVersion: 'TLSv1.2' as const, ...(ca ? { ca } : {}) },
  };
}

export { MailSendError } from './mail-error';

/** The lead id as a safe file-name part (it comes from our own id generator, but still). */
function fileSafe(value: string | undefined): string {
  return (value ?? 'message').replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80) || 'message';
}

function fileMailer(outboxDir: string, now: () => Date): Mailer {
  // CRLF line ends: an .eml file is a message as it travels, and mail readers expect them.
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
  });
  return {
    async send(message) {
      try {
        // The Date header from the same clock as the file name.
        const info = await transport.sendMail({ ...message, date: now() });
        await mkdir(outboxDir, { recursive: true });
        // ':' is not allowed in Windows file names; the time stays sortable.
        const at = now().toISOString().replace(/:/g, '-');
        const file = join(
          outboxDir,
          `${at}-${fileSafe(message.headers?.['X-Amparo-Lead-Id'] ?? message.headers?.['X-Amparo-Message'])}.eml`,
        );
        // Written whole, then given its name, so a reader of the outbox never opens half a
        // message; 'wx' and link() both refuse to overwrite an earlier one.
        const part = `${file}.part`;
        await writeFile(part, info.message as Buffer, { flag: 'wx' });
        try {
          await link(part, file);
        } finally {
          await unlink(part);
        }
        return { messageId: info.messageId };
      } catch (error) {
        throw MailSendError.from(error);
      }
    },
  };
}

function transportMailer(transport: Transporter): Mailer {
  return {
    async send(message) {
      try {
        const info = await transport.sendMail(message);
        return { messageId: String(info.messageId) };
      } catch (error) {
        throw MailSendError.from(error);
      }
    },
  };
}

/**
 * The mailer for a configuration, built once by the composition root.
 *
 * @example
 * createMailer({ transport: 'file', outboxDir: '.data/outbox' }).send(buildLeadEmail(lead, links, firm));
 * // → { messageId: '<…@localhost>' }, and .data/outbox/2027-03-14T10-22-05.123Z-L1.eml
 */
export function createMailer(config: MailerConfig): Mailer {
  switch (config.transport) {
    case 'file':
      return fileMailer(config.outboxDir, config.now ?? (() => new Date()));
    case 'smtp':
      return transportMailer(
        nodemailer.createTransport(smtpOptions(config.smtpUrl, config.tls, config.ca)),
      );
    case 'ses':
      return transportMailer(nodemailer.createTransport({ SES: config.ses }));
  }
}

/**
 * The mailer MAIL_TRANSPORT names. `ses` needs the SES client the Lambda entry makes (this file
 * imports no AWS package); without one, as on a local machine, it is a ConfigError.
 */
export function configuredMailer(
  config: Pick<Config, 'MAIL_TRANSPORT' | 'SMTP_URL' | 'SMTP_TLS' | 'DATA_DIR'>,
  ses?: SESTransportOptions['SES'],
): Mailer {
  switch (config.MAIL_TRANSPORT) {
    case 'ses':
      if (!ses) {
        throw new ConfigError(
          'MAIL_TRANSPORT=ses sends through Amazon SES and is meant for AWS; use file or smtp locally.',
        );
      }
      return createMailer({ transport: 'ses', ses });
    case 'smtp':
      // The configuration's own check makes SMTP_URL required with smtp.
      return createMailer({
        transport: 'smtp',
        smtpUrl: config.SMTP_URL ?? '',
        tls: config.SMTP_TLS,
      });
    case 'file':
      return createMailer({ transport: 'file', outboxDir: join(config.DATA_DIR, 'outbox') });
  }
}
