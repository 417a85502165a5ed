/**
 * Outbound SMS and WhatsApp messages (verification codes, lead confirmations, reminders): a
 * `whatsapp:` address goes from the firm's WhatsApp sender (TWILIO_WHATSAPP_FROM), a template as
 * its ContentSid and ContentVariables. Through the Twilio REST API with fetch
 * when TWILIO_ACCOUNT_SID and TWILIO_FROM_NUMBER are set, else written to .data/sms-outbox/ as a
 * JSON file per message, so local runs and tests can read what would have been sent. Nothing is
 * ever sent to a number that opted out: callers check the line first, and this refuses too.
 *
 * The REST calls authenticate with an API key (TWILIO_API_KEY_SID and its secret), never with the
 * account's auth token: the token is the master key of the whole Twilio account (numbers, logs of
 * every text, sub-accounts, billing) and stays in memory only to check webhook signatures, while a
 * key can be restricted to creating messages and revoked on its own (Twilio, "Twilio API
 * requests": API key as the Basic username, its secret as the password).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Config, ConfigError } from '../config';
import { isWhatsApp, whatsAppAddress } from '../core/channels/address';
import type { Logger, SmsSender } from '../core/ports';

export interface OutboundSms {
  to: string;
  body: string;
}

export type { SmsSender };

export class SmsSendError extends Error {
  override name = 'SmsSendError';
}

export interface TwilioRestOptions {
  /** The account whose Messages resource is called (AC…). */
  accountSid: string;
  /** The API key (SK…) and its secret: the Basic credentials. */
  apiKeySid: string;
  apiKeySecret: string;
  from: string;
  /** The firm's WhatsApp sender (E.164), for `whatsapp:` addresses. */
  whatsAppFrom?: string;
  /** The API's base URL; tests point it at a local fake. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

/** Twilio's Messages resource: POST /2010-04-01/Accounts/{AccountSid}/Messages.json. */
export function twilioRestSender(options: TwilioRestOptions): SmsSender {
  const base = options.baseUrl ?? 'https://api.twilio.com';
  const doFetch = options.fetch ?? fetch;
  const auth = Buffer.from(`${options.apiKeySid}:${options.apiKeySecret}`).toString('base64');
  return {
    async send({ to, body, template }) {
      const whatsapp = isWhatsApp(to);
      if (whatsapp && !options.whatsAppFrom) {
        throw new SmsSendError('No WhatsApp sender: set TWILIO_WHATSAPP_FROM');
      }
      const from = whatsapp ? whatsAppAddress(options.whatsAppFrom ?? '') : options.from;
      // A template goes as its approved content; free text only within WhatsApp's 24 hours.
      const content: Record<string, string> = template
        ? { ContentSid: template.sid, ContentVariables: JSON.stringify(template.variables) }
        : { Body: body };
      const res = await doFetch(`${base}/2010-04-01/Accounts/${options.accountSid}/Messages.json`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${auth}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ To: to, From: from, ...content }).toString(),
      });
      const json = (await res.json().catch(() => ({}))) as { sid?: string; code?: number };
      // The status and Twilio's error code only: the body may repeat the number or the text.
      if (!res.ok || !json.sid)
        throw new SmsSendError(`Twilio answered ${res.status} (code ${json.code ?? '-'})`);
      return { id: json.sid };
    },
  };
}

/** Writes each message to <dir>/<time>-<id>.json instead of sending it. */
export function outboxSender(dir: string, now: () => Date = () => new Date()): SmsSender {
  return {
    async send(message) {
      const id = randomUUID();
      await mkdir(dir, { recursive: true });
      const at = now().toISOString();
      await writeFile(
        join(dir, `${at.replace(/[:.]/g, '-')}-${id}.json`),
        `${JSON.stringify({ id, at, ...message }, null, 2)}\n`,
      );
      return { id };
    },
  };
}

/**
 * The sender the configuration names: Twilio's REST API with the API key when TWILIO_ACCOUNT_SID
 * and TWILIO_FROM_NUMBER are set, else the outbox in `outboxDir`. `apiKeySecret` is
 * TWILIO_API_KEY_SECRET (locally) or the secret TWILIO_API_KEY_SECRET_ARN names (on AWS); `rest`
 * points the REST calls elsewhere (tests).
 */
export function configuredSender(
  config: Pick<
    Config,
    'TWILIO_ACCOUNT_SID' | 'TWILIO_FROM_NUMBER' | 'TWILIO_API_KEY_SID' | 'TWILIO_WHATSAPP_FROM'
  >,
  apiKeySecret: string | undefined,
  outboxDir: string,
  rest: Pick<TwilioRestOptions, 'baseUrl' | 'fetch'> = {},
): SmsSender {
  if (!config.TWILIO_ACCOUNT_SID || !config.TWILIO_FROM_NUMBER) return outboxSender(outboxDir);
  if (!config.TWILIO_API_KEY_SID || !apiKeySecret) {
    throw new ConfigError(
      'Texts go out through Twilio with an API key: set TWILIO_API_KEY_SID and ' +
        'TWILIO_API_KEY_SECRET (the auth token only checks webhook signatures).',
    );
  }
  return twilioRestSender({
    accountSid: config.TWILIO_ACCOUNT_SID,
    apiKeySid: config.TWILIO_API_KEY_SID,
    apiKeySecret,
    from: config.TWILIO_FROM_NUMBER,
    whatsAppFrom: config.TWILIO_WHATSAPP_FROM,
    ...rest,
  });
}

/**
 * Without TWILIO_ACCOUNT_SID and TWILIO_FROM_NUMBER a Lambda has nowhere to send a text (its
 * /tmp is no outbox anyone reads): each text not sent is logged as an error, so it shows.
 */
export function notConfiguredSender(log: Logger): SmsSender {
  return {
    available: false,
    async send() {
      log.error('text_not_sent', { reason: 'texting-not-configured' });
      return { id: 'not-sent' };
    },
  };
}
