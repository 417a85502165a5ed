/**
 * A DynamoDB that accepts connections and never answers: each attempt must time out, the SDK must
 * retry, and the turn must end in a 503 within seconds instead of hanging (the client's deadlines
 * in functions/adapters/dynamo-client.ts).
 */
import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DYNAMO_MAX_ATTEMPTS,
  DYNAMO_TIMEOUTS,
  dynamoClient,
} from '../../functions/adapters/dynamo-client';
import { silentLogger } from '../../functions/adapters/log';
import { createApp } from '../../functions/http/app';
import { localDeps } from '../../functions/local/deps';

const sockets = new Set<Socket>();
let requests = 0;
const blackHole = createServer((socket) => {
  sockets.add(socket);
  socket.on('data', (chunk) => {
    if (chunk.toString('latin1').startsWith('POST ')) requests++;
  });
  socket.on('close', () => sockets.delete(socket));
});
let endpoint = '';
beforeAll(async () => {
  await new Promise<void>((done) => blackHole.listen(0, '127.0.0.1', () => done()));
  const address = blackHole.address();
  endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((done) => blackHole.close(() => done()));
});

describe('a hung database', () => {
  it('times out each attempt, retries, and answers 503 with Retry-After instead of hanging', async () => {
    const client = dynamoClient(endpoint, 'us-east-1');
    const deps = localDeps({
      client,
      tableName: 'hung',
      root: process.cwd(),
      log: silentLogger,
      twilio: { authToken: 'x'.repeat(32), publicBaseUrl: 'http://amparo.test' },
      sender: { send: async () => ({ id: '1' }) },
      mailer: { send: async () => ({ messageId: '1' }) },
      linkSecret: 'y'.repeat(40),
    });
    const app = createApp(deps);
    const started = performance.now();
    const res = await app.request('/api/conversations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const seconds = (performance.now() - started) / 1000;
    client.destroy();
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect((await res.json()).error.code).toBe('unavailable');
    // Every attempt reached the database and waited out its deadline, no more.
    expect(requests).toBe(DYNAMO_MAX_ATTEMPTS);
    const deadline = DYNAMO_TIMEOUTS.requestTimeout / 1000;
    expect(seconds).toBeGreaterThanOrEqual(DYNAMO_MAX_ATTEMPTS * deadline * 0.95);
    expect(seconds).toBeLessThan(DYNAMO_MAX_ATTEMPTS * deadline + 3);
  });
});
