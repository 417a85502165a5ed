/**
 * A lead email SES refuses is not lost in silence: the delivery functions count it in the metric
 * line they write (CloudWatch's Embedded Metric Format), and the stack's alarm watches exactly that
 * metric, under the deployment name the stack gives the functions, at a threshold one refusal
 * reaches. Run against DynamoDB Local with a mailer that fails as SES does in its sandbox.
 */
import { resolve } from 'node:path';
import { TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../functions/adapters/content-files';
import { leadWrites } from '../../functions/adapters/dynamo-leads';
import { leadKey } from '../../functions/adapters/keys';
import { loadRoster } from '../../functions/adapters/roster-file';
import type { LeadEmail } from '../../functions/core/leads/email';
import type { Mailer } from '../../functions/core/ports';
import { buildDeliveryDeps } from '../../functions/deps';
import { streamHandler, timerHandler } from '../../functions/lambda/delivery-handlers';
import {
  emfMetrics,
  METRIC,
  METRICS_DIMENSION,
  METRICS_NAMESPACE,
  meteredMailer,
} from '../../functions/lambda/metrics';
import { aLead } from '../helpers/lead';
import { memoryLogger } from '../helpers/log';
import { freshTable } from '../helpers/server';
import { synthStack } from '../infra/synth';
import { streamEvent, streamRecord } from './events';

const ROOT = resolve(import.meta.dirname, '../..');
const DEPLOYMENT = 'AmparoTest';

/** SES's answer in the sandbox to an address nobody verified. */
class MessageRejected extends Error {
  override name = 'MessageRejected';
}

let table: Awaited<ReturnType<typeof freshTable>>;
const content = loadContent({ root: ROOT });
const roster = loadRoster(resolve(ROOT, 'prompts/roster.example.yaml'));

beforeAll(async () => {
  table = await freshTable();
});
afterAll(() => table.client.destroy());

function delivery(mailer: Mailer) {
  const lines: string[] = [];
  const logs: string[] = [];
  const metrics = emfMetrics({ deployment: DEPLOYMENT, write: (l) => lines.push(l) });
  const deps = buildDeliveryDeps({
    config: {
      TABLE_NAME: table.tableName,
      PUBLIC_BASE_URL: 'https://d111111abcdef8.cloudfront.net',
      MAIL_FROM: 'intake@firm.example',
    },
    client: table.client,
    roster,
    firm: content.firm,
    strings: content.strings,
    linkSecret: 'delivery-metrics-link-secret-0123456789abcdef',
    mailer: meteredMailer(mailer, metrics),
    log: memoryLogger(logs),
  });
  const emf = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { deps, metrics, emf, logs };
}

const refusing: Mailer = {
  send: () => Promise.reject(new MessageRejected('Email address is not verified.')),
};

async function storeLead(leadId: string) {
  const lead = aLead({ leadId, createdAt: new Date().toISOString() });
  await table.client.send(
    new TransactWriteItemsCommand({
      TransactItems: leadWrites(table.tableName, lead, content.firm.timeZone),
    }),
  );
  return lead;
}

let synthesized: Template | undefined;
/** The stack's alarm on one of the functions' metrics, as synthesized (once: it takes seconds). */
function alarmOn(metricName: string) {
  synthesized ??= Template.fromStack(synthStack({ bundle: false }).stack);
  const template = synthesized;
  const alarms = Object.values(
    template.findResources('AWS::CloudWatch::Alarm', {
      Properties: { MetricName: metricName, Namespace: METRICS_NAMESPACE },
    }),
  );
  expect(alarms).toHaveLength(1);
  const functions = template.findResources('AWS::Lambda::Function');
  const deployments = Object.values(functions).map(
    (f) => f.Properties.Environment?.Variables?.METRICS_DEPLOYMENT,
  );
  return { alarm: alarms[0]?.Properties, deployments };
}

describe('when SES refuses a lead email', () => {
  it('the stream handler counts the refusal and the retry in one EMF line', async () => {
    const { deps, metrics, emf, logs } = delivery(refusing);
    const lead = await storeLead('L-metrics-1');
    const result = await streamHandler(
      deps,
      metrics,
    )(streamEvent(streamRecord({ ...leadKey(lead.leadId), type: 'lead', ...lead })));

    // A refused email is not a broken record: Lambda must not retry it (the lead retries itself).
    expect(result.batchItemFailures).toEqual([]);
    expect(logs.join('\n')).toMatch(/lead_delivery_retry[\s\S]*MessageRejected/);
    const [line, ...more] = emf();
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      [METRICS_DIMENSION]: DEPLOYMENT,
      [METRIC.emailFailures]: 1,
      [METRIC.deliveryRetries]: 1,
      _aws: {
        CloudWatchMetrics: [{ Namespace: METRICS_NAMESPACE, Dimensions: [[METRICS_DIMENSION]] }],
      },
    });
    const declared = (
      line?._aws as { CloudWatchMetrics: Array<{ Metrics: Array<{ Name: string }> }> } | undefined
    )?.CloudWatchMetrics[0]?.Metrics.map((m) => m.Name);
    expect(declared).toEqual(
      expect.arrayContaining([METRIC.emailFailures, METRIC.deliveryRetries]),
    );
    expect(line?.[METRIC.leadsSent]).toBeUndefined();
  });

  it('the timer counts refusals too, and each invocation writes its own line', async () => {
    const { deps, metrics, emf } = delivery(refusing);
    await storeLead('L-metrics-2');
    await timerHandler(deps, metrics)();
    await timerHandler(deps, metrics)();
    const lines = emf();
    expect(lines).toHaveLength(2);
    // Every lead still due on this table is tried at least once, and each try is refused.
    expect(Number(lines[0]?.[METRIC.emailFailures])).toBeGreaterThanOrEqual(1);
    expect(lines[0]?.[METRIC.emailsSent]).toBeUndefined();
  });

  it('an email SES accepts is counted as sent, not refused', async () => {
    const sent: LeadEmail[] = [];
    const { deps, metrics, emf } = delivery({
      send: async (email) => {
        sent.push(email as LeadEmail);
        return { messageId: `m-${sent.length}` };
      },
    });
    const lead = await storeLead('L-metrics-3');
    await streamHandler(
      deps,
      metrics,
    )(streamEvent(streamRecord({ ...leadKey(lead.leadId), type: 'lead', ...lead })));
    expect(emf()[0]).toMatchObject({ [METRIC.leadsSent]: 1, [METRIC.emailsSent]: sent.length });
    expect(emf()[0]?.[METRIC.emailFailures]).toBeUndefined();
  });

  it('the stack alarms on that very metric, at one refusal, and says when it is over', {
    timeout: 120_000,
  }, () => {
    const { alarm, deployments } = alarmOn(METRIC.emailFailures);
    expect(alarm).toMatchObject({
      Dimensions: [{ Name: METRICS_DIMENSION, Value: DEPLOYMENT }],
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(alarm.OKActions).toHaveLength(1);
    expect(alarm.AlarmActions).toEqual(alarm.OKActions);
    // The functions publish under the name the alarm watches.
    expect(new Set(deployments)).toEqual(new Set([DEPLOYMENT]));
  });

  it('a lead given up on after every retry has its own alarm', () => {
    const { alarm } = alarmOn(METRIC.deliveryFailures);
    expect(alarm).toMatchObject({ Threshold: 1, Dimensions: [{ Value: DEPLOYMENT }] });
  });

  it('the timer sends the hearing reminders due, counts them, and a failed one has its own alarm', async () => {
    const { deps, metrics, emf } = delivery({ send: async () => ({ messageId: 'm' }) });
    const lead = aLead({
      leadId: 'L-metrics-reminder',
      createdAt: new Date(Date.now() - 86_400_000).toISOString(),
      delivery: { status: 'sent', attempts: 1, sentAt: new Date().toISOString() },
      reminders: {
        consent: {
          given: true,
          version: '1',
          language: 'en',
          channel: 'sms',
          at: new Date().toISOString(),
        },
        language: 'en',
        phone: '+12133734253',
        hearing: { date: '2099-01-14' },
        items: [
          // Due a minute ago: the timer sends it.
          {
            kind: 'week',
            via: 'sms',
            hearingDate: '2099-01-14',
            at: new Date(Date.now() - 60_000).toISOString(),
            status: 'scheduled',
            tries: 0,
          },
        ],
      },
    });
    await table.client.send(
      new TransactWriteItemsCommand({
        TransactItems: leadWrites(table.tableName, lead, content.firm.timeZone),
      }),
    );
    const texts: string[] = [];
    const reminders = {
      leads: deps.leads,
      sender: {
        send: async (m: { to: string; body: string }) => ({ id: String(texts.push(m.body)) }),
      },
      mailer: deps.mailer,
      mailFrom: deps.mailFrom,
      content,
      // At 10:00 in the firm's zone: outside the quiet hours whatever the test's own clock says.
      now: () => new Date('2098-12-31T18:00:00Z'),
      log: deps.log,
    };
    await timerHandler(deps, metrics, reminders)();
    expect(texts).toHaveLength(1);
    expect(emf()[0]).toMatchObject({ [METRIC.remindersSent]: 1 });
    const { alarm } = alarmOn(METRIC.reminderFailures);
    expect(alarm).toMatchObject({ Threshold: 1, Dimensions: [{ Value: DEPLOYMENT }] });
  });
});
