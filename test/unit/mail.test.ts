import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMailer, MailSendError } from '../../functions/adapters/mail';
import { buildLeadEmail } from '../../functions/core/leads/email';
import { LeadJsonSchema, leadJson } from '../../functions/core/leads/json';
import type { Lead } from '../../functions/core/leads/lead';
import { content } from '../helpers/content';
import { aLead } from '../helpers/lead';

const AT = '2027-03-14T17:22:05.000Z';

/** A detained Spanish speaker; name and facility are hostile, to check escaping survives MIME. */
const lead: Lead = aLead({
  createdAt: AT,
  flags: [
    {
      id: 'bond',
      reasons: ['detained = yes: a bond hearing may or may not be available; attorney review'],
      complications: [],
      missing: ['entryManner: how the client entered not given'],
    },
  ],
  facts: {
    detained: 'yes',
    facility: 'Otay Mesa <img src=x onerror=alert(1)>',
    preferredLanguage: 'es',
    name: 'José Hernández',
    phone: '+16195550142',
  },
  contact: {
    name: 'José <script>alert(1)</script>\r\nBcc: spy@example.net\r\nHernández',
    phone: '+16195550142',
  },
  questions: [{ text: '¿Cuánto cuesta la fianza?', at: AT, step: 'facility', articleId: null }],
  routing: { attorneyId: 'att-rivera', to: ['rivera@example.com'], reasons: ['speaks es'] },
});
const message = buildLeadEmail(
  lead,
  {
    transcript: 'https://intake.example.com/leads/L01HX7?sig=t',
    accept: 'https://intake.example.com/leads/L01HX7/accept?sig=a',
    decline: 'https://intake.example.com/leads/L01HX7/decline?sig=d',
  },
  {
    firmName: 'Example Immigration Defense',
    from: 'intake@example.com',
    strings: content().strings,
  },
);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'amparo-mail-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('file transport', () => {
  it('writes a real .eml that a mail parser reads back: header, both parts, lead.json', async () => {
    const outbox = join(dir, 'outbox');
    const mailer = createMailer({ transport: 'file', outboxDir: outbox, now: () => new Date(AT) });
    const { messageId } = await mailer.send(message);

    expect(await readdir(outbox)).toEqual(['2027-03-14T17-22-05.000Z-L01HX7.eml']);
    const raw = await readFile(join(outbox, '2027-03-14T17-22-05.000Z-L01HX7.eml'));
    expect(raw.toString('latin1')).toMatch(/\r\n\r\n/); // CRLF, as a message travels
    const parsed = await simpleParser(raw);

    expect(parsed.messageId).toBe(messageId);
    expect(parsed.date?.toISOString()).toBe(AT);
    expect(parsed.headers.get('x-amparo-lead-id')).toBe('L01HX7');
    expect(parsed.subject).toBe(
      '[EMERGENCY] Detained — José H., Otay Mesa <img src=x on…, Spanish',
    );
    expect(parsed.headers.get('bcc')).toBeUndefined();
    expect(parsed.to).toMatchObject({ value: [{ address: 'rivera@example.com' }] });
    expect(parsed.text).toContain('Bond hearing (bond)');
    expect(parsed.text).toContain('¿Cuánto cuesta la fianza?');
    expect(parsed.html).toContain(
      'José &lt;script&gt;alert(1)&lt;/script&gt; Bcc: spy@example.net Hernández',
    );
    expect(parsed.html).toContain('Otay Mesa &lt;img src=x onerror=alert(1)&gt;');
    expect(parsed.html).not.toMatch(/<script|<img/);

    expect(parsed.attachments).toHaveLength(1);
    const [attachment] = parsed.attachments;
    expect(attachment?.filename).toBe('lead.json');
    expect(attachment?.contentType).toBe('application/json');
    const json = LeadJsonSchema.parse(JSON.parse(attachment?.content.toString('utf8') ?? ''));
    expect(json).toEqual(leadJson(lead));
  });

  it('never overwrites an earlier message and names the failure by its code only', async () => {
    const outbox = join(dir, 'outbox');
    const mailer = createMailer({ transport: 'file', outboxDir: outbox, now: () => new Date(AT) });
    await mailer.send(message);
    const error = await mailer.send(message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailSendError);
    expect(error).toMatchObject({ name: 'MailSendError', code: 'EEXIST' });
    expect((error as Error).message).not.toContain(dir);
    expect((error as Error).cause).toBeUndefined();
  });

  it('fails with MailSendError when the outbox cannot be created', async () => {
    const blocker = join(dir, 'not-a-dir');
    await writeFile(blocker, '');
    const mailer = createMailer({ transport: 'file', outboxDir: join(blocker, 'outbox') });
    await expect(mailer.send(message)).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});

/** A stand-in for @aws-sdk/client-sesv2 (not installed): the shape nodemailer's transport calls. */
function fakeSes(send: (input: SendInput) => Promise<{ MessageId: string }>) {
  const sent: SendInput[] = [];
  class SendEmailCommand {
    constructor(readonly input: SendInput) {}
  }
  const sesClient = {
    config: { region: async () => 'us-west-2' },
    send: async (command: unknown) => {
      const { input } = command as SendEmailCommand;
      sent.push(input);
      return send(input);
    },
  };
  return { sent, ses: { sesClient, SendEmailCommand } };
}
interface SendInput {
  FromEmailAddress: string;
  Destination: { ToAddresses: string[] };
  Content: { Raw: { Data: Buffer } };
}

describe('SES transport', () => {
  it('sends the raw message with SendEmailCommand and returns the SES message id', async () => {
    const { sent, ses } = fakeSes(async () => ({ MessageId: '0101-abc' }));
    const { messageId } = await createMailer({ transport: 'ses', ses }).send(message);

    expect(messageId).toBe('<0101-abc@us-west-2.amazonses.com>');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.FromEmailAddress).toBe('intake@example.com');
    expect(sent[0]?.Destination.ToAddresses).toEqual(['rivera@example.com']);
    const parsed = await simpleParser(sent[0]?.Content.Raw.Data ?? Buffer.alloc(0));
    expect(parsed.headers.get('x-amparo-lead-id')).toBe('L01HX7');
    expect(parsed.attachments[0]?.filename).toBe('lead.json');
  });

  it('rethrows a rejection as MailSendError with the error name, never its message', async () => {
    const { ses } = fakeSes(async () => {
      const error = new Error(
        'Email address is not verified. The following identities failed the check in region US-WEST-2: rivera@example.com',
      );
      error.name = 'MessageRejected';
      throw error;
    });
    const error = await createMailer({ transport: 'ses', ses })
      .send(message)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailSendError);
    expect(error).toMatchObject({ code: 'MessageRejected' });
    expect(JSON.stringify(error) + String(error)).not.toContain('@');
  });
});

describe('MailSendError', () => {
  it('keeps an SMTP code and reply code, and drops anything that is not a plain word', () => {
    const smtp = Object.assign(new Error('550 5.1.1 <ana@example.com>: Recipient rejected'), {
      code: 'EENVELOPE',
      responseCode: 550,
    });
    expect(MailSendError.from(smtp)).toMatchObject({ code: 'EENVELOPE', responseCode: 550 });
    expect(MailSendError.from(smtp).message).toBe('mail not sent (EENVELOPE 550)');
    expect(MailSendError.from({ code: 'ana@example.com rejected' }).code).toBe('Error');
    expect(MailSendError.from('boom').code).toBe('Error');
  });
});
