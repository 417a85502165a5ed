/**
 * The SES transport as it runs on AWS: nodemailer hands the raw message to SESv2's SendEmail.
 * The SES service is mocked (aws-sdk-client-mock): a real one is not reachable here.
 */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMailer, MailSendError } from '../../functions/adapters/mail';
import type { LeadEmail } from '../../functions/core/leads/email';

const ses = mockClient(SESv2Client);
beforeEach(() => ses.reset());

const message: LeadEmail = {
  from: 'intake@firm.example',
  to: ['ana@firm.example'],
  subject: '[EMERGENCY] Detained — Maria L., Otay Mesa, Spanish',
  text: 'plain',
  html: '<p>html</p>',
  headers: { 'X-Amparo-Lead-Id': 'lead-1' },
  attachments: [
    { filename: 'lead.json', content: '{"leadId":"lead-1"}', contentType: 'application/json' },
  ],
} as const;

describe('the SES mail transport', () => {
  const mailer = () =>
    createMailer({
      transport: 'ses',
      ses: { sesClient: new SESv2Client({ region: 'us-east-1' }), SendEmailCommand },
    });

  it('sends the whole raw message, header and attachment included, through SendEmail', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    await mailer().send(message);
    const input = ses.commandCalls(SendEmailCommand)[0]?.args[0].input;
    const raw = Buffer.from(input?.Content?.Raw?.Data ?? new Uint8Array()).toString('utf8');
    expect(raw).toMatch(/X-Amparo-Lead-I[dD]: lead-1/);
    expect(raw).toContain('lead.json');
    expect(raw).toMatch(/^To: ana@firm\.example/m);
  });

  it('reports an SES rejection by its name only', async () => {
    ses.on(SendEmailCommand).rejects(
      Object.assign(new Error('Email address is not verified: ana@firm.example'), {
        name: 'MessageRejected',
      }),
    );
    const error = await mailer()
      .send(message)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailSendError);
    expect(String(error)).toContain('MessageRejected');
    expect(String(error)).not.toContain('ana@firm.example');
  });
});
