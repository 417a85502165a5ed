/**
 * A lead email carries the whole intake (the A-number, the arrest story, the people to check for
 * conflicts), and SMTP_URL's password rides in the same session. Anyone on the path (a café's
 * Wi-Fi, a hostile network, a relay that strips STARTTLS from the server's answer) must see
 * neither: the mailer sends only over TLS with a certificate it trusts, and refuses a server that
 * does not offer STARTTLS instead of falling back to plain text. The one exception is explicit
 * (SMTP_TLS=local-plain) and only for a test mail server on this machine.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import {
  configuredMailer,
  createMailer,
  MailSendError,
  smtpOptions,
} from '../../functions/adapters/mail';
import { ConfigError, loadConfig } from '../../functions/config';
import type { LeadEmail } from '../../functions/core/leads/email';
import { localhostCert } from '../helpers/tls';

const A_NUMBER = 'A-204-118-977';
const lead: LeadEmail = {
  from: 'intake@firm.example',
  to: ['attorney@firm.example'],
  subject: 'New lead: detained husband',
  text: `A-number ${A_NUMBER}; arrested 2019; check conflicts with Rogelio Vance.`,
  html: `<p>A-number ${A_NUMBER}</p>`,
  headers: { 'X-Amparo-Lead-Id': 'L1' },
  attachments: [{ filename: 'lead.json', content: '{}', contentType: 'application/json' }],
};

interface Peer {
  port: number;
  /** What reached DATA: the message, and whether the session was encrypted by then. */
  received: { raw: string; secure: boolean }[];
  /** Passwords the server was given (AUTH). */
  passwords: string[];
}

const servers: SMTPServer[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => new Promise<void>((done) => s.close(() => done()))),
  );
});

/** A real SMTP server on 127.0.0.1 that takes any login and records what it is told. */
async function peer(options: SMTPServerOptions): Promise<Peer> {
  const received: Peer['received'] = [];
  const passwords: string[] = [];
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    // As a man in the middle would: take the password even over plain text.
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      passwords.push(String(auth.password));
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8');
      });
      stream.on('end', () => {
        received.push({ raw, secure: session.secure });
        callback();
      });
    },
    ...options,
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  return { port: (server.server.address() as AddressInfo).port, received, passwords };
}

/** The mailer `npm start` builds from these variables. */
const fromEnv = (env: Record<string, string>) =>
  configuredMailer(loadConfig({ MAIL_TRANSPORT: 'smtp', DATA_DIR: '.data', ...env }));

describe('lead emails over SMTP', () => {
  it('are not sent, nor the password, to a server that does not offer STARTTLS', async () => {
    const plain = await peer({ disabledCommands: ['STARTTLS'] });
    const mailer = fromEnv({ SMTP_URL: `smtp://amparo:s3cret-pass@127.0.0.1:${plain.port}` });
    const sent = mailer.send(lead);
    await expect(sent).rejects.toBeInstanceOf(MailSendError);
    expect(plain.received).toEqual([]);
    expect(plain.passwords).toEqual([]);
  });

  it('go over STARTTLS to a server whose certificate is trusted', async () => {
    const { key, cert } = localhostCert();
    const tls = await peer({ key, cert });
    const mailer = createMailer({
      transport: 'smtp',
      smtpUrl: `smtp://amparo:s3cret-pass@localhost:${tls.port}`,
      ca: cert,
    });
    await mailer.send(lead);
    expect(tls.received).toHaveLength(1);
    expect(tls.received[0]?.secure).toBe(true);
    expect(tls.received[0]?.raw).toContain(A_NUMBER);
    expect(tls.passwords).toEqual(['s3cret-pass']);
  });

  it('are not sent to a STARTTLS server whose certificate is not trusted', async () => {
    const { key, cert } = localhostCert();
    const impostor = await peer({ key, cert });
    const mailer = fromEnv({ SMTP_URL: `smtp://amparo:s3cret-pass@localhost:${impostor.port}` });
    await expect(mailer.send(lead)).rejects.toBeInstanceOf(MailSendError);
    expect(impostor.received).toEqual([]);
    expect(impostor.passwords).toEqual([]);
  });

  it('go over TLS from the first byte with smtps://', async () => {
    const { key, cert } = localhostCert();
    const implicit = await peer({ key, cert, secure: true });
    const mailer = createMailer({
      transport: 'smtp',
      smtpUrl: `smtps://localhost:${implicit.port}`,
      ca: cert,
    });
    await mailer.send(lead);
    expect(implicit.received.map((m) => m.secure)).toEqual([true]);
  });

  it('cannot have TLS turned off by options in the URL', async () => {
    const plain = await peer({ disabledCommands: ['STARTTLS'] });
    for (const query of ['ignoreTLS=true', 'requireTLS=false', 'tls.rejectUnauthorized=false']) {
      expect(() => fromEnv({ SMTP_URL: `smtp://127.0.0.1:${plain.port}/?${query}` })).toThrow(
        ConfigError,
      );
    }
    expect(plain.received).toEqual([]);
  });
});

describe('SMTP_TLS=local-plain', () => {
  it('sends in plain text to a test mail server on this machine', async () => {
    const plain = await peer({ disabledCommands: ['STARTTLS'] });
    const mailer = fromEnv({
      SMTP_URL: `smtp://127.0.0.1:${plain.port}`,
      SMTP_TLS: 'local-plain',
    });
    await mailer.send(lead);
    expect(plain.received.map((m) => m.secure)).toEqual([false]);
  });

  it('is refused for any host that is not this machine', () => {
    for (const host of [
      'mail.firm.example',
      '10.0.0.5',
      '192.0.2.2',
      '[fd00::2]',
      '127.evil.test',
    ]) {
      expect(
        () => fromEnv({ SMTP_URL: `smtp://${host}:25`, SMTP_TLS: 'local-plain' }),
        host,
      ).toThrow(/SMTP_TLS=local-plain is only for a test mail server on this machine/);
    }
    for (const host of ['localhost', '127.0.0.1', '[::1]']) {
      expect(smtpOptions(`smtp://${host}:25`, 'local-plain').ignoreTLS, host).toBe(true);
    }
    // Required by default: STARTTLS on smtp://, TLS at once on smtps://, certificates verified.
    expect(smtpOptions('smtp://mail.firm.example:587')).toMatchObject({
      secure: false,
      requireTLS: true,
      ignoreTLS: false,
      tls: { rejectUnauthorized: true },
    });
    expect(smtpOptions('smtps://mail.firm.example').secure).toBe(true);
  });
});
