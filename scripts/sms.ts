/**
 * `npm run sms`: try the SMS or WhatsApp intake without Twilio. Each line you type is sent to the
 * running server (`npm start`) as a correctly signed Twilio webhook, and the replies are printed
 * as a phone would receive them (by SMS with their segment counts).
 *
 *   npm run sms                      texts from +1 213 555 0100
 *   npm run sms -- --from +12135550199
 *   npm run sms -- --whatsapp        writes by WhatsApp (whatsapp:+1 213 555 0100)
 *   In WhatsApp, type /voice, /photo or /location to send one of those instead of words.
 *
 * It signs with TWILIO_AUTH_TOKEN, or the dev token `npm start` keeps in .data/, and calls
 * PUBLIC_BASE_URL (default http://localhost:<PORT>, so `PORT=3100 npm run sms` reaches `PORT=3100 npm start`).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expectedSignature } from '../functions/adapters/twilio-signature';
import { loadConfig } from '../functions/config';
import { whatsAppAddress } from '../functions/core/channels/address';
import { segments } from '../functions/core/channels/sms/render';
import { parseTwiml } from '../functions/http/twilio';
import { LOCAL_WHATSAPP_NUMBER } from '../functions/local/deps';

const config = loadConfig();
const fromFlag = process.argv.indexOf('--from');
const number = fromFlag > 0 ? (process.argv[fromFlag + 1] ?? '') : '+12135550100';
const whatsapp = process.argv.includes('--whatsapp');
const from = whatsapp ? whatsAppAddress(number) : number;
const tokenFile = join(config.DATA_DIR, 'twilio-dev-token');
const token =
  config.TWILIO_AUTH_TOKEN ?? (existsSync(tokenFile) ? readFileSync(tokenFile, 'utf8').trim() : '');
if (!token) {
  console.error(
    'No TWILIO_AUTH_TOKEN and no dev token in .data/: start the server first (npm start).',
  );
  process.exit(1);
}
const url = `${config.PUBLIC_BASE_URL}/webhooks/twilio/${whatsapp ? 'whatsapp' : 'sms'}`;

/** What Twilio posts for a WhatsApp voice note, photo or shared location. */
const MEDIA: Record<string, Record<string, string>> = {
  '/voice': { NumMedia: '1', MediaContentType0: 'audio/ogg', MediaUrl0: 'https://example.test/v' },
  '/photo': { NumMedia: '1', MediaContentType0: 'image/jpeg', MediaUrl0: 'https://example.test/p' },
  '/location': { Latitude: '34.0522', Longitude: '-118.2437' },
};

async function send(body: string): Promise<void> {
  const params: Record<string, string> = {
    MessageSid: `SM${randomBytes(16).toString('hex')}`,
    AccountSid: `AC${'0'.repeat(32)}`,
    From: from,
    To: whatsapp ? whatsAppAddress(LOCAL_WHATSAPP_NUMBER) : '+12135550142',
    Body: body,
    NumMedia: '0',
  };
  const media = whatsapp ? MEDIA[body.trim()] : undefined;
  if (media) Object.assign(params, { Body: '' }, media);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': expectedSignature(token, url, params),
    },
    body: new URLSearchParams(params).toString(),
  });
  const xml = await res.text();
  if (res.status !== 200) {
    console.log(`  [${res.status}] ${xml}`);
    return;
  }
  const messages = parseTwiml(xml);
  if (messages.length === 0) console.log('  (no reply: nothing is sent)');
  for (const text of messages) {
    const { count, encoding } = segments(text);
    const size = whatsapp
      ? `${text.length} characters`
      : `${count} segment${count === 1 ? '' : 's'}, ${encoding}`;
    console.log(`\n[${size}]`);
    console.log(text);
  }
  console.log('');
}

console.log(
  `${whatsapp ? 'Writing' : 'Texting'} ${url} from ${from}. Type a message and press Enter; Ctrl+D to quit.\n`,
);
const rl = createInterface({ input: process.stdin, terminal: process.stdin.isTTY });
// One message at a time, in order, as a phone sends them.
let queue = Promise.resolve();
rl.on('line', (line) => {
  queue = queue.then(async () => {
    if (!process.stdin.isTTY) console.log(`> ${line}`);
    try {
      await send(line);
    } catch (error) {
      console.log(`  could not reach ${url}: ${(error as Error).message}. Is npm start running?`);
    }
    if (process.stdin.isTTY) rl.prompt();
  });
});
rl.on('close', () => {
  queue.then(() => process.exit(0));
});
if (process.stdin.isTTY) {
  rl.setPrompt('> ');
  rl.prompt();
}
