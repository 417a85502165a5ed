/**
 * A mailer that sends through SES's own API (SESv2 SendEmail with simple content: subject, text,
 * HTML, headers) without building MIME itself, so the API function carries no nodemailer: its
 * mail is staff sign-in links and the notices of an accept or a decline, never a lead email with
 * its lead.json (the delivery functions send those, through nodemailer's SES transport).
 */
import type { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mailer, MailMessage } from '../core/ports';
import { MailSendError } from './mail-error';

/** The SESv2 client and command the Lambda entry hands in (this file loads no AWS code). */
export interface SesApi {
  sesClient: SESv2Client;
  SendEmailCommand: typeof SendEmailCommand;
}

export function sesMailer({ sesClient, SendEmailCommand }: SesApi): Mailer {
  return {
    async send(message: MailMessage) {
      if (message.attachments?.length) {
        throw new MailSendError('AttachmentsNotSupported');
      }
      const body = {
        Text: { Data: message.text, Charset: 'UTF-8' },
        ...(message.html ? { Html: { Data: message.html, Charset: 'UTF-8' } } : {}),
      };
      try {
        const out = await sesClient.send(
          new SendEmailCommand({
            FromEmailAddress: message.from,
            Destination: { ToAddresses: message.to },
            Content: {
              Simple: {
                Subject: { Data: message.subject, Charset: 'UTF-8' },
                Body: body,
                ...(message.headers
                  ? {
                      Headers: Object.entries(message.headers).map(([Name, Value]) => ({
                        Name,
                        Value,
                      })),
                    }
                  : {}),
              },
            },
          }),
        );
        return { messageId: out.MessageId ?? '' };
      } catch (error) {
        throw MailSendError.from(error);
      }
    },
  };
}
