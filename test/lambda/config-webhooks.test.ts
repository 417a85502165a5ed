/**
 * The lead events' configuration: LEAD_WEBHOOK_URLS parsed with zod (a bad URL stops the start,
 * naming it), and on Lambda the signing secret and Clio Grow's token read from Secrets Manager by
 * ARN, only when they are used; locally the plain variables.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../functions/config';
import { lambdaRuntime } from '../../functions/lambda/runtime';

const reads: string[] = [];
const reader = {
  get: async (id: string) => {
    reads.push(id);
    return `value-of-${id}`;
  },
};

describe('LEAD_WEBHOOK_URLS and CLIO_GROW_*', () => {
  it('are a list of URLs, Clio Grow US by default; a bad URL stops the start naming the variable', () => {
    const config = loadConfig({
      LEAD_WEBHOOK_URLS: 'https://crm.example/hook, https://hooks.example/b',
    });
    expect(config.LEAD_WEBHOOK_URLS).toEqual([
      'https://crm.example/hook',
      'https://hooks.example/b',
    ]);
    expect(config.CLIO_GROW_URL).toBe('https://grow.clio.com/inbox_leads');
    expect(loadConfig({}).LEAD_WEBHOOK_URLS).toEqual([]);
    expect(() => loadConfig({ LEAD_WEBHOOK_URLS: 'ftp://crm.example/hook' })).toThrow(ConfigError);
    expect(() => loadConfig({ LEAD_WEBHOOK_URLS: 'not a url' })).toThrow(/LEAD_WEBHOOK_URLS/);
    expect(() => loadConfig({ LEAD_WEBHOOK_SECRET: 'short' })).toThrow(/LEAD_WEBHOOK_SECRET/);
  });

  it('on Lambda read the secret and the token by ARN, and nothing when not configured', async () => {
    reads.length = 0;
    const none = lambdaRuntime({ AWS_REGION: 'us-east-1' }, reader);
    expect(await none.leadWebhookSecret()).toBeUndefined();
    expect(await none.clioGrowInboxToken()).toBeUndefined();
    expect(reads).toEqual([]);
    const both = lambdaRuntime(
      {
        AWS_REGION: 'us-east-1',
        LEAD_WEBHOOK_URLS: 'https://crm.example/hook',
        LEAD_WEBHOOK_SECRET_ARN: 'arn:webhook',
        CLIO_GROW_INBOX_TOKEN_SECRET_ARN: 'arn:clio',
      },
      reader,
    );
    expect(await both.leadWebhookSecret()).toBe('value-of-arn:webhook');
    expect(await both.clioGrowInboxToken()).toBe('value-of-arn:clio');
  });

  it('locally take the plain variables', async () => {
    const local = lambdaRuntime(
      {
        AWS_REGION: 'us-east-1',
        LEAD_WEBHOOK_URLS: 'http://127.0.0.1:9999/hook',
        LEAD_WEBHOOK_SECRET: 'whsec-0123456789abcdefghijkl',
        CLIO_GROW_INBOX_TOKEN: 'clio-token-1',
      },
      reader,
    );
    expect(await local.leadWebhookSecret()).toBe('whsec-0123456789abcdefghijkl');
    expect(await local.clioGrowInboxToken()).toBe('clio-token-1');
  });
});
