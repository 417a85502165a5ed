/**
 * The Amparo stack's properties that matter (STYLE.md "test/infra"): the table as the code
 * expects it and protected, least-privilege grants, secrets out of the environment, the lead
 * stream with its dead-letter queue and partial batch responses, alarms, CORS and the outputs.
 */
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DynamoDBClient,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureTable } from '../../functions/adapters/dynamo-store';
import { DUE_INDEX, TTL_ATTRIBUTE } from '../../functions/adapters/keys';
import { synthStack, TEST_CONTEXT } from './synth';

type Resource = { Type: string; Properties: Record<string, unknown> } & Record<string, unknown>;
type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

let template: Template;
let resources: Record<string, Resource>;

const logicalId = (type: string, pathPart: string) => {
  const found = Object.entries(resources).filter(
    ([id, r]) => r.Type === type && id.startsWith(pathPart),
  );
  expect(found, `${type} ${pathPart}`).toHaveLength(1);
  return found[0]?.[0] as string;
};
const propsOf = (type: string, pathPart: string) =>
  resources[logicalId(type, pathPart)]?.Properties ?? {};
const envOf = (name: string) =>
  (
    propsOf('AWS::Lambda::Function', `${name}Function`).Environment as {
      Variables: Record<string, unknown>;
    }
  ).Variables;
const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

/** Every statement of every policy attached to a role. */
function statementsOf(roleId: string): Statement[] {
  return Object.values(resources)
    .filter(
      (r) =>
        r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles).includes(`"${roleId}"`),
    )
    .flatMap((r) => (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

beforeAll(() => {
  template = Template.fromStack(synthStack({ bundle: false }).stack);
  resources = template.toJSON().Resources;
});

describe('the table', () => {
  it('has exactly the keys, index and TTL attribute that ensureTable creates locally', async () => {
    const ddb = mockClient(DynamoDBClient);
    ddb.on(DescribeTableCommand).resolves({ Table: { TableStatus: 'ACTIVE' } });
    ddb.on(UpdateTimeToLiveCommand).resolves({});
    ddb.on(CreateTableCommand).resolves({});
    await ensureTable(new DynamoDBClient({ region: 'us-east-1' }), 'amparo');
    const local = ddb.commandCalls(CreateTableCommand)[0]?.args[0].input as CreateTableCommandInput;
    const ttl = ddb.commandCalls(UpdateTimeToLiveCommand)[0]?.args[0].input;
    ddb.restore();

    const table = resources[logicalId('AWS::DynamoDB::Table', 'Table')]?.Properties ?? {};
    expect(table.KeySchema).toEqual(local.KeySchema);
    const byName = (a: { AttributeName?: string }, b: { AttributeName?: string }) =>
      String(a.AttributeName).localeCompare(String(b.AttributeName));
    expect([...(table.AttributeDefinitions as [])].sort(byName)).toEqual(
      [
        ...(local.AttributeDefinitions ?? []),
        { AttributeName: 'dueAt', AttributeType: 'S' },
        { AttributeName: 'duepk', AttributeType: 'S' },
      ].sort(byName),
    );
    // The same indexes (gsi1, and the console's conversations with only their summary: keys.ts
    // 14), plus the escalation timer's due-time index, AWS only (functions/adapters/keys.ts, 10).
    const indexes = table.GlobalSecondaryIndexes as Array<{ IndexName: string }>;
    const others = indexes.filter((i) => i.IndexName === DUE_INDEX);
    expect(indexes.filter((i) => i.IndexName !== DUE_INDEX)).toEqual(local.GlobalSecondaryIndexes);
    expect(local.GlobalSecondaryIndexes?.find((i) => i.IndexName === 'gsi3')?.Projection).toEqual({
      ProjectionType: 'INCLUDE',
      NonKeyAttributes: [
        'id',
        'createdAt',
        'sumStep',
        'sumStatus',
        'sumConsented',
        'sumChannel',
        'sumLanguage',
        'sumLastMessageAt',
        'sumWaiting',
        'expiresAt',
      ],
    });
    expect(others).toEqual([
      {
        IndexName: DUE_INDEX,
        KeySchema: [
          { AttributeName: 'duepk', KeyType: 'HASH' },
          { AttributeName: 'dueAt', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ]);
    expect(table.BillingMode).toBe(local.BillingMode);
    expect(table.TimeToLiveSpecification).toEqual(ttl?.TimeToLiveSpecification);
    expect(TTL_ATTRIBUTE).toBe('expiresAt');
  });

  it('is encrypted with a customer-managed key that rotates', () => {
    const keyId = logicalId('AWS::KMS::Key', 'DataKey');
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
      },
    });
  });

  it('has point-in-time recovery, deletion protection, a stream, and is retained', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      }),
    });
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
  });
});

describe('the functions', () => {
  it('run Node.js 22 on arm64 with a log group that expires', () => {
    for (const name of ['Api', 'Delivery', 'Escalation']) {
      const fn = resources[logicalId('AWS::Lambda::Function', `${name}Function`)]?.Properties;
      expect(fn?.Runtime).toBe('nodejs22.x');
      expect(fn?.Architectures).toEqual(['arm64']);
      expect(fn?.Handler).toBe('index.handler');
      const logGroup = logicalId('AWS::Logs::LogGroup', `${name}Logs`);
      expect(fn?.LoggingConfig).toEqual({ LogGroup: { Ref: logGroup } });
      expect(resources[logGroup]?.Properties.RetentionInDays).toBe(30);
    }
  });

  it('hold secret ARNs in their environment, never the secrets', () => {
    const env = envOf;
    const api = env('Api');
    expect(api.TWILIO_AUTH_TOKEN).toBeUndefined();
    expect(api.LINK_SECRET).toBeUndefined();
    expect(api.TWILIO_AUTH_TOKEN_SECRET_ARN).toEqual({
      Ref: logicalId('AWS::SecretsManager::Secret', 'TwilioAuthToken'),
    });
    const linkSecret = { Ref: logicalId('AWS::SecretsManager::Secret', 'LinkSecret') };
    for (const name of ['Api', 'Staff', 'Delivery', 'Escalation']) {
      expect(env(name).LINK_SECRET_ARN).toEqual(linkSecret);
      expect(env(name).LINK_SECRET).toBeUndefined();
    }
    expect(env('Delivery').MAIL_TRANSPORT).toBe('ses');
    expect(env('Delivery').MAIL_FROM).toBe('intake@firm.example');
    // The escalation timer queries the table's due-time index (functions/lambda/delivery-deps.ts).
    expect(env('Escalation').DUE_INDEX).toBe('on');
    // The link secret is generated by the stack.
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ PasswordLength: 48 }),
    });
  });

  it('send texts with the Twilio API key, whose secret only the API, staff and timer functions read', () => {
    const api = envOf('Api');
    const keySecret = logicalId('AWS::SecretsManager::Secret', 'TwilioApiKeySecret');
    expect(api.TWILIO_API_KEY_SID).toBe(`SK${'0'.repeat(32)}`);
    expect(api.TWILIO_API_KEY_SECRET_ARN).toEqual({ Ref: keySecret });
    expect(api.TWILIO_API_KEY_SECRET).toBeUndefined();
    const readers = Object.values(resources)
      .filter(
        (r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties).includes(keySecret),
      )
      .map((r) => JSON.stringify(r.Properties.Roles));
    // The clients' API, the console's takeover texting a client, and the timer's hearing reminders.
    expect(readers).toHaveLength(3);
    expect(readers.join()).toContain(logicalId('AWS::IAM::Role', 'ApiRole'));
    expect(readers.join()).toContain(logicalId('AWS::IAM::Role', 'StaffRole'));
    expect(readers.join()).toContain(logicalId('AWS::IAM::Role', 'EscalationRole'));
    expect(envOf('Escalation').TWILIO_API_KEY_SECRET_ARN).toEqual({ Ref: keySecret });
    expect(envOf('Escalation').TWILIO_FROM_NUMBER).toBe(api.TWILIO_FROM_NUMBER);
    // WhatsApp: the sender and the templates, for the same three (replies, takeover, reminders).
    for (const fn of ['Api', 'Staff', 'Escalation']) {
      expect(envOf(fn).TWILIO_WHATSAPP_FROM).toBe('+12135550143');
      expect(envOf(fn).WHATSAPP_TEMPLATES).toBe(TEST_CONTEXT.whatsAppTemplates);
    }
    // The lead emails' function texts nobody, and holds no key.
    expect(envOf('Delivery').TWILIO_API_KEY_SECRET_ARN).toBeUndefined();
    // Nor does the timer read the webhook's auth token.
    expect(envOf('Escalation').TWILIO_AUTH_TOKEN_SECRET_ARN).toBeUndefined();
  });

  it('let the API read and write items of the table and nothing else of it', () => {
    const role = logicalId('AWS::IAM::Role', 'ApiRole');
    const tableId = logicalId('AWS::DynamoDB::Table', 'Table');
    const statements = statementsOf(role);
    const dynamo = statements.flatMap(actionsOf).filter((a) => a.startsWith('dynamodb:'));
    expect(dynamo.sort()).toEqual(
      [
        'dynamodb:ConditionCheckItem',
        'dynamodb:DeleteItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
      ].sort(),
    );
    for (const s of statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')))) {
      expect(JSON.stringify(s.Resource)).toContain(tableId);
    }
    const all = statements.flatMap(actionsOf);
    expect(all.filter((a) => a.includes('*'))).toEqual([]);
    expect(all).not.toContain('dynamodb:DeleteTable');
    // Email only as the SES identity (next test): staff sign-in links and accept notices.
    expect(all.filter((a) => a.startsWith('ses:')).sort()).toEqual([
      'ses:SendEmail',
      'ses:SendRawEmail',
    ]);
    expect(all.some((a) => a.startsWith('sqs:'))).toBe(false);
  });

  it('let the functions send email only as the configured SES identity', () => {
    // The API: staff sign-in links and the notices of an accept or decline; the others, leads.
    expect(envOf('Api').MAIL_TRANSPORT).toBe('ses');
    for (const name of ['Api', 'Delivery', 'Escalation']) {
      const ses = statementsOf(logicalId('AWS::IAM::Role', `${name}Role`)).filter((s) =>
        actionsOf(s).some((a) => a.startsWith('ses:')),
      );
      expect(ses).toHaveLength(1);
      expect(actionsOf(ses[0] as Statement).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
      const arn = JSON.stringify(ses[0]?.Resource);
      expect(arn).toContain(':identity/firm.example');
      expect(arn).not.toContain('*');
    }
  });
});

describe('lead delivery', () => {
  it('reads the stream, filtered to pending lead items, with a DLQ and partial batch responses', () => {
    const queue = logicalId('AWS::SQS::Queue', 'DeliveryDlq');
    const mapping = Object.values(resources).find(
      (r) => r.Type === 'AWS::Lambda::EventSourceMapping',
    )?.Properties;
    expect(mapping?.FunctionName).toEqual({
      Ref: logicalId('AWS::Lambda::Function', 'DeliveryFunction'),
    });
    expect(mapping?.EventSourceArn).toEqual({
      'Fn::GetAtt': [logicalId('AWS::DynamoDB::Table', 'Table'), 'StreamArn'],
    });
    expect(mapping?.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    expect(mapping?.BisectBatchOnFunctionError).toBe(true);
    expect(mapping?.DestinationConfig).toEqual({
      OnFailure: { Destination: { 'Fn::GetAtt': [queue, 'Arn'] } },
    });
    const pattern = JSON.parse(
      (mapping?.FilterCriteria as { Filters: { Pattern: string }[] } | undefined)?.Filters[0]
        ?.Pattern ?? '{}',
    );
    expect(pattern.dynamodb.NewImage.type).toEqual({ S: ['lead'] });
    expect(pattern.dynamodb.NewImage.delivery).toEqual({ M: { status: { S: ['pending'] } } });
  });

  it('runs the escalation timer every minute', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [logicalId('AWS::Lambda::Function', 'EscalationFunction'), 'Arn'] },
        }),
      ],
    });
  });
});

describe('the HTTP API', () => {
  it('allows only the configured origins', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ['https://www.firm.example', 'https://firm.example'],
      }),
    });
  });

  it('throttles the stage and the Twilio webhook routes (SMS and WhatsApp)', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: Match.objectLike({
        ThrottlingRateLimit: 50,
        ThrottlingBurstLimit: 100,
      }),
      RouteSettings: {
        'POST /webhooks/twilio/sms': { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 },
        'POST /webhooks/twilio/whatsapp': { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 },
      },
      AccessLogSettings: Match.objectLike({ Format: Match.stringLikeRegexp('requestId') }),
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'POST /webhooks/twilio/sms',
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'POST /webhooks/twilio/whatsapp',
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default' });
  });

  it("gives the functions CloudFront's URL as PUBLIC_BASE_URL, the URL Twilio signs", () => {
    const distribution = logicalId('AWS::CloudFront::Distribution', 'EdgeDistribution');
    const url = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distribution, 'DomainName'] }]] };
    expect(envOf('Api').PUBLIC_BASE_URL).toEqual(url);
    expect(envOf('Delivery').PUBLIC_BASE_URL).toEqual(url);
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.TwilioWebhookUrl?.Value).toEqual({
      'Fn::Join': [
        '',
        ['https://', { 'Fn::GetAtt': [distribution, 'DomainName'] }, '/webhooks/twilio/sms'],
      ],
    });
    expect(outputs.TwilioWhatsAppWebhookUrl?.Value).toEqual({
      'Fn::Join': [
        '',
        ['https://', { 'Fn::GetAtt': [distribution, 'DomainName'] }, '/webhooks/twilio/whatsapp'],
      ],
    });
  });
});

describe('alarms and outputs', () => {
  const alarms = () =>
    Object.values(resources)
      .filter((r) => r.Type === 'AWS::CloudWatch::Alarm')
      .map((r) => r.Properties);

  it('alarm on API 5xx rate, function errors and throttles, DLQ depth, table throttles', () => {
    const topic = logicalId('AWS::SNS::Topic', 'AlarmsTopic');
    const all = alarms();
    for (const alarm of all) expect(alarm.AlarmActions).toEqual([{ Ref: topic }]);
    const json = all.map((a) => JSON.stringify(a));
    const has = (...parts: string[]) =>
      expect(json.filter((j) => parts.every((p) => j.includes(p))).length).toBeGreaterThan(0);
    has('"MetricName":"5xx"', '"MetricName":"Count"', '100 * errors / requests');
    for (const name of ['Api', 'Delivery', 'Escalation']) {
      const fn = logicalId('AWS::Lambda::Function', `${name}Function`);
      has('"MetricName":"Errors"', fn);
      has('"MetricName":"Throttles"', fn);
    }
    has('"MetricName":"ApproximateNumberOfMessagesVisible"', 'DeliveryDlq');
    has('ReadThrottleEvents', 'WriteThrottleEvents');
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'it-admin@firm.example',
    });
  });

  it('outputs the chat URL, the widget tag and the Twilio webhook URL', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    const value = (name: string) => JSON.stringify(outputs[name]?.Value);
    expect(value('ChatUrl')).toContain('EdgeDistribution');
    expect(value('WidgetTag')).toMatch(/<script src=\\".*\/widget\.js\\" data-api=\\"/);
    expect(value('TwilioWebhookUrl')).toContain('/webhooks/twilio/sms');
    expect(value('TwilioAuthTokenSecretArn')).toContain('TwilioAuthToken');
  });
});

describe('the staff console', () => {
  it('is its own function, with the API function’s settings, behind the console’s routes', () => {
    const staff = envOf('Staff');
    const api = envOf('Api');
    expect(staff).toEqual(api);
    const integration = Object.entries(resources).find(
      ([, r]) =>
        r.Type === 'AWS::ApiGatewayV2::Integration' &&
        JSON.stringify(r.Properties.IntegrationUri).includes(
          logicalId('AWS::Lambda::Function', 'StaffFunction'),
        ),
    )?.[0];
    expect(integration).toBeDefined();
    const keys = Object.values(resources)
      .filter(
        (r) =>
          r.Type === 'AWS::ApiGatewayV2::Route' &&
          JSON.stringify(r.Properties.Target).includes(String(integration)),
      )
      .map((r) => r.Properties.RouteKey)
      .sort();
    expect(keys).toEqual([
      'ANY /api/staff/{proxy+}',
      'ANY /console',
      'ANY /console.css',
      'ANY /console.js',
      'ANY /console/{proxy+}',
      'ANY /leads/{proxy+}',
    ]);
  });
});
