/**
 * The lead events' infrastructure (README "Signed webhooks", "Clio Grow"): with webhook URLs and
 * Clio Grow configured, their secrets exist, only the functions that deliver leads get the
 * variables and may read the secrets, the stream also hands over leads whose events are due, and
 * cdk-nag finds nothing unacknowledged; an http URL is refused at synth; without them, nothing.
 */
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { infraConfig } from '../../infra/config';
import { synthStack, TEST_CONTEXT } from './synth';

const HOOKS = [
  'https://crm.firm.example/hooks/amparo',
  'https://hooks.zapier.com/hooks/catch/1/a/',
];
const WITH = {
  ...TEST_CONTEXT,
  leadWebhookUrls: HOOKS,
  clioGrow: true,
  clioGrowUrl: 'https://eu.grow.clio.com/inbox_leads',
};

let synthesized: ReturnType<typeof synthStack>;
let template: Template;
beforeAll(() => {
  synthesized = synthStack({ bundle: false }, WITH);
  template = Template.fromStack(synthesized.stack);
});

const secretId = (template: Template, description: RegExp) =>
  Object.entries(template.findResources('AWS::SecretsManager::Secret')).find(([, r]) =>
    description.test(String(r.Properties?.Description)),
  )?.[0];

describe('with webhooks and Clio Grow', { timeout: 120_000 }, () => {
  it('makes the signing secret and the inbox token secret', () => {
    expect(secretId(template, /signs lead webhooks/)).toBeTruthy();
    expect(secretId(template, /Clio Grow Lead Inbox token/)).toBeTruthy();
  });

  it('gives the URLs and the secrets to the delivery and timer functions only', () => {
    const webhook = secretId(template, /signs lead webhooks/) ?? '';
    const clio = secretId(template, /Clio Grow Lead Inbox token/) ?? '';
    const functions = Object.values(template.findResources('AWS::Lambda::Function'));
    const withEvents = functions.filter(
      (f) => f.Properties?.Environment?.Variables?.LEAD_WEBHOOK_URLS !== undefined,
    );
    expect(functions).toHaveLength(4);
    expect(withEvents).toHaveLength(2);
    for (const fn of withEvents) {
      expect(fn.Properties.Environment.Variables).toMatchObject({
        LEAD_WEBHOOK_URLS: HOOKS.join(','),
        LEAD_WEBHOOK_SECRET_ARN: { Ref: webhook },
        CLIO_GROW_INBOX_TOKEN_SECRET_ARN: { Ref: clio },
        CLIO_GROW_URL: 'https://eu.grow.clio.com/inbox_leads',
      });
      // Never the values: only ARNs.
      expect(JSON.stringify(fn.Properties.Environment.Variables)).not.toMatch(
        /LEAD_WEBHOOK_SECRET"|CLIO_GROW_INBOX_TOKEN"/,
      );
    }
    // Read by exactly the two roles of those functions.
    const readers = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p.Properties.PolicyDocument).includes(`"Ref":"${webhook}"`),
    );
    expect(readers).toHaveLength(2);
    const roles = readers.flatMap((p) => p.Properties.Roles.map((r: { Ref: string }) => r.Ref));
    expect(roles.every((r: string) => /Delivery|Escalation/.test(r))).toBe(true);
  });

  it('hands the delivery function a lead in the send partition (events owed or due) too', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FilterCriteria: {
        Filters: Match.arrayWith([
          { Pattern: Match.stringLikeRegexp('"duepk":\\{"S":\\["DUE"\\]\\}') },
        ]),
      },
    });
  });

  it('leaves cdk-nag nothing unacknowledged', () => {
    const report = new AwsSolutionsChecks().validateScope(synthesized.stack);
    expect(
      report.violations.map(
        (v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath)}`,
      ),
    ).toEqual([]);
  });
});

describe('the configuration', () => {
  const config = (values: Record<string, unknown>) => infraConfig((k) => values[k], {});
  it('reads the URLs as a list or a comma-separated string, and refuses an http one', () => {
    expect(config({ leadWebhookUrls: HOOKS }).leadWebhookUrls).toEqual(HOOKS);
    expect(config({ leadWebhookUrls: HOOKS.join(', ') }).leadWebhookUrls).toEqual(HOOKS);
    expect(() => config({ leadWebhookUrls: 'http://crm.firm.example/hook' })).toThrow(
      /leadWebhookUrls .*is not an https URL/,
    );
    expect(() => config({ clioGrowUrl: 'http://grow.clio.com/inbox_leads' })).toThrow(
      /clioGrowUrl/,
    );
  });

  it('without them, no secret and no variable', () => {
    const plain = Template.fromStack(synthStack({ bundle: false }).stack);
    expect(secretId(plain, /signs lead webhooks|Clio Grow/)).toBeUndefined();
    expect(JSON.stringify(plain.toJSON())).not.toMatch(/LEAD_WEBHOOK|CLIO_GROW/);
  });
});
