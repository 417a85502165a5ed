/**
 * The API function's SES mailer (functions/adapters/ses-mail.ts): simple content through SESv2
 * (no nodemailer in that bundle), headers kept, SES's refusal turned into MailSendError with its
 * name only, and a message with attachments (a lead email) refused rather than sent without them.
 */
import { MessageRejected, SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { MailSendError } from '../../../functions/adapters/mail-error';
import { sesMailer } from '../../../functions/adapters/ses-mail';

const ses = mockClient(SESv2Client);
afterEach(() => ses.reset());
const mailer = () =>
  sesMailer({ sesClient: new SESv2Client({ region: 'us-east-1' }), SendEmailCommand });
const MESSAGE = {
  from: 'intake@firm.example',
  to: ['ana@firm.example'],
  subject: 'Sign in',
  text: 'Sign in: https://intake.firm.example/console/sign-in?token=x',
  headers: { 'X-Amparo-Message': 'sign-in' },
};

describe('the SES mailer of the API function', () => {
  it('sends the text, subject and headers as simple content', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    expect(await mailer().send(MESSAGE)).toEqual({ messageId: 'm-1' });
    const input = ses.commandCalls(SendEmailCommand)[0]?.args[0].input;
    expect(input).toEqual({
      FromEmailAddress: 'intake@firm.example',
      Destination: { ToAddresses: ['ana@firm.example'] },
      Content: {
        Simple: {
          Subject: { Data: 'Sign in', Charset: 'UTF-8' },
          Body: { Text: { Data: MESSAGE.text, Charset: 'UTF-8' } },
          Headers: [{ Name: 'X-Amparo-Message', Value: 'sign-in' }],
        },
      },
    });
  });

  it("turns SES's refusal into MailSendError with its name, not its message", async () => {
    ses.on(SendEmailCommand).rejects(
      new MessageRejected({
        message: 'Email address is not verified: ana@firm.example',
        $metadata: {},
      }),
    );
    const sent = mailer().send(MESSAGE);
    await expect(sent).rejects.toBeInstanceOf(MailSendError);
    await expect(sent).rejects.toMatchObject({ code: 'MessageRejected' });
    await expect(sent).rejects.not.toThrow(/ana@firm/);
  });

  it('refuses a message with attachments (lead emails go from the delivery function)', async () => {
    const lead = {
      ...MESSAGE,
      attachments: [
        { filename: 'lead.json' as const, content: '{}', contentType: 'application/json' as const },
      ] as [{ filename: 'lead.json'; content: string; contentType: 'application/json' }],
    };
    await expect(mailer().send(lead)).rejects.toMatchObject({ code: 'AttachmentsNotSupported' });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });
});
