/**
 * `npm run sms`: try the SMS intake without Twilio. Each line you type is sent to the running
 * server (`npm start`) as a correctly signed Twilio webhook, and the replies are printed with
 * their SMS segment counts, as a phone would receive them.
 *
 *   npm run sms                      texts from +1 213 555 0100
 *   npm run sms -- --from +12135550199
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
import { segments } from '../functions/core/channels/sms/render';
import { parseTwiml } from '../functions/http/twilio';

const config = loadConfig();
const fromFlag = process.argv.indexOf('--from');
const from = fromFlag > 0 ? (process.argv[fromFlag + 1] ?? '') : '+12135550100';
const tokenFile = join(config.DATA_DIR, 'twilio-dev-token');
const token =
  config.TWILIO_AUTH_TOKEN ?? (existsSync(tokenFile) ? readFileSync(tokenFile, 'utf8').trim() : '');
if (!token) {
  console.error(
    'No TWILIO_AUTH_TOKEN and no dev token in .data/: start the server first (npm start).',
  );
  process.exit(1);
}
const url = `${config.PUBLIC_BASE_URL}/webhooks/twilio/sms`;

async function send(body: string): Promise<void> {
  const params: Record<string, string> = {
    MessageSid: `SM${randomBytes(16).toString('hex')}`,
    AccountSid: `AC${'0'.repeat(32)}`,
    From: from,
    To: '+12135550142',
    Body: body,
    NumMedia: '0',
  };
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
    console.log(`\n[${count} segment${count === 1 ? '' : 's'}, ${encoding}]`);
    console.log(text);
  }
  console.log('');
}

console.log(`Texting ${url} from ${from}. Type a message and press Enter; Ctrl+D to quit.\n`);
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
