/**
 * A firm's admin following infra/README.md: the synth refuses the example firm, roster and values
 * (unless demo=true), names the key and the copy step when a file is missing, reads the firm's
 * committed deployment file so a redeploy without -c deploys the same values, normalises origins
 * as browsers send them, and checks the SES identity against the sender.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { CONVERSATIONS_INDEX, DUE_INDEX, TTL_ATTRIBUTE } from '../../functions/adapters/keys';
import { buildAmparoApp } from '../../infra/build-app';
import { InfraConfigError, infraConfig } from '../../infra/config';
import { TEST_CONTEXT } from './synth';

const ROOT = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Synthesizes without bundling, as `npm run synth` would read this configuration. */
function synth(context: Record<string, unknown>, env: Record<string, string> = {}) {
  const app = new App({ context: { ...context, 'aws:cdk:bundling-stacks': [] } });
  return buildAmparoApp(app, ROOT, env);
}

const fromContext = (context: Record<string, unknown>) => (key: string) => context[key];
const { firmFile, rosterFile, ...firmValues } = TEST_CONTEXT;

describe('the example firm and roster', { timeout: 120_000 }, () => {
  it('are refused when no firm file is set, naming the key and the copy step', () => {
    const attempt = () => synth({ ...firmValues, rosterFile });
    expect(attempt).toThrow(InfraConfigError);
    expect(attempt).toThrow(/firmFile \(in firm\/deploy\.json.*\): not set/);
    expect(attempt).toThrow(/cp prompts\/firm\.yaml firm\/firm\.yaml/);
  });

  it('are refused when named outright', () => {
    expect(() => synth({ ...TEST_CONTEXT, rosterFile: 'prompts/roster.example.yaml' })).toThrow(
      /rosterFile .*prompts\/roster\.example\.yaml is the example the project ships/,
    );
    expect(() => synth({ ...TEST_CONTEXT, firmFile: './prompts/../prompts/firm.yaml' })).toThrow(
      /firmFile .*is the example/,
    );
  });

  it('a missing file is named with its key, not an ENOENT trace', () => {
    const attempt = () => synth({ ...TEST_CONTEXT, rosterFile: 'prompts/roster.yaml' });
    expect(attempt).toThrow(InfraConfigError);
    expect(attempt).toThrow(/rosterFile .*prompts\/roster\.yaml does not exist/);
    expect(attempt).not.toThrow(/ENOENT/);
  });

  it('example values are refused too: the sender, the alarm address, the origins', () => {
    const attempt = () =>
      synth({ firmFile, rosterFile, senderAddress: 'leads@example.com', stackName: 'X' });
    expect(attempt).toThrow(/senderAddress .*leads@example\.com is an example value/);
    expect(attempt).toThrow(/alarmEmail .*admin@example\.com is an example value/);
    expect(attempt).toThrow(/allowedOrigins .*https:\/\/www\.example\.com is an example value/);
  });

  it("copies left as the examples are (the example's name, @example.com attorneys) are refused", () => {
    const dir = mkdtempSync(join(tmpdir(), 'amparo-copies-'));
    dirs.push(dir);
    copyFileSync(join(ROOT, 'prompts/firm.yaml'), join(dir, 'firm.yaml'));
    copyFileSync(join(ROOT, 'prompts/roster.example.yaml'), join(dir, 'roster.yaml'));
    const attempt = () =>
      synth({
        ...firmValues,
        firmFile: join(dir, 'firm.yaml'),
        rosterFile: join(dir, 'roster.yaml'),
      });
    expect(attempt).toThrow(/the name is still "Example Immigration Defense"/);
    expect(attempt).toThrow(/rosterFile: example addresses .*intake@example\.com/);
  });

  it('deploy as a demonstration only with demo=true, which the synth says loudly', () => {
    const stack = synth({ stackName: 'AmparoDemo', demo: 'true' });
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('demo'));
    expect(warnings).toHaveLength(1);
    expect(Template.fromStack(stack).toJSON().Description).toMatch(/Example Immigration Defense/);
  });
});

describe("the firm's committed deployment file", { timeout: 120_000 }, () => {
  /** The guide's steps: copy the examples, make them the firm's, write the deployment file. */
  function followTheGuide(values: Record<string, unknown> = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'amparo-guide-'));
    dirs.push(dir);
    const firm = readFileSync(join(ROOT, 'prompts/firm.yaml'), 'utf8')
      .replace('name: Example Immigration Defense', 'name: Robles Immigration Law')
      .replace('phone: (213) 555-0142', 'phone: (619) 555-0170');
    writeFileSync(join(dir, 'firm.yaml'), firm);
    const roster = readFileSync(join(ROOT, 'prompts/roster.example.yaml'), 'utf8').replace(
      /@example\.(com|org)/g,
      '@robleslaw.com',
    );
    writeFileSync(join(dir, 'roster.yaml'), roster);
    const example = JSON.parse(readFileSync(join(ROOT, 'infra/deploy.example.json'), 'utf8'));
    const file = join(dir, 'deploy.json');
    writeFileSync(
      file,
      JSON.stringify({
        ...example,
        stackName: 'AmparoRobles',
        firmFile: join(dir, 'firm.yaml'),
        rosterFile: join(dir, 'roster.yaml'),
        senderAddress: 'intake@robleslaw.com',
        allowedOrigins: ['https://www.robleslaw.com', 'https://robleslaw.com'],
        alarmEmail: 'it@robleslaw.com',
        ...values,
      }),
    );
    return file;
  }

  it('is all a redeploy needs: no -c, the same values', () => {
    const stack = synth({ config: followTheGuide() });
    const template = Template.fromStack(stack);
    expect(stack.stackName).toBe('AmparoRobles');
    expect(template.toJSON().Description).toMatch(/Robles Immigration Law/);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ MAIL_FROM: 'intake@robleslaw.com' }) },
    });
    template.hasResourceProperties('AWS::SNS::Subscription', { Endpoint: 'it@robleslaw.com' });
  });

  it('is overridden by -c for one deploy, and by AMPARO_* variables', () => {
    const file = followTheGuide();
    const config = (context: Record<string, unknown>, env: Record<string, string> = {}) =>
      infraConfig(fromContext(context), env, JSON.parse(readFileSync(file, 'utf8')));
    expect(config({}).alarmEmail).toBe('it@robleslaw.com');
    expect(config({}, { AMPARO_ALARM_EMAIL: 'ops@robleslaw.com' }).alarmEmail).toBe(
      'ops@robleslaw.com',
    );
    expect(config({ alarmEmail: 'night@robleslaw.com' }).alarmEmail).toBe('night@robleslaw.com');
  });

  it('copied from infra/deploy.example.json but not edited, it is refused', () => {
    const example = JSON.parse(readFileSync(join(ROOT, 'infra/deploy.example.json'), 'utf8'));
    const file = followTheGuide({
      senderAddress: example.senderAddress,
      allowedOrigins: example.allowedOrigins,
      alarmEmail: example.alarmEmail,
    });
    const attempt = () => synth({ config: file });
    expect(attempt).toThrow(/senderAddress \(in .*deploy\.json.*AMPARO_SENDER_ADDRESS\)/);
    expect(attempt).toThrow(/alarmEmail .*is an example value/);
    expect(attempt).toThrow(/allowedOrigins .*https:\/\/example\.com are example values/);
  });

  it('refuses keys it does not know (a typo would silently fall back)', () => {
    const file = followTheGuide({ alarmEmails: 'it@robleslaw.com' });
    expect(() => synth({ config: file })).toThrow(/unknown keys: alarmEmails/);
  });

  it('named but missing is an error, not the examples', () => {
    expect(() => synth({ config: 'firm/staging.json' })).toThrow(
      /config \(context or AMPARO_CONFIG\): firm\/staging\.json does not exist/,
    );
  });
});

describe('values that pass but would break', { timeout: 120_000 }, () => {
  const origins = (allowedOrigins: string) =>
    infraConfig(fromContext({ allowedOrigins }), {}).allowedOrigins;

  it('origins are normalised as browsers send them', () => {
    expect(origins('https://WWW.Firm.com, https://firm.com:443/, https://firm.com:8443')).toEqual([
      'https://www.firm.com',
      'https://firm.com',
      'https://firm.com:8443',
    ]);
    expect(origins('http://localhost:3000')).toEqual(['http://localhost:3000']);
  });

  it('origins with a wildcard, a query, a path or plain http are refused', () => {
    for (const bad of [
      'https://*',
      'https://*.firm.com',
      'https://firm.com?x=1',
      'https://firm.com/intake',
      'https://firm.com#chat',
      'http://firm.com',
      'https://user:pw@firm.com',
      'firm.com',
    ]) {
      expect(() => origins(bad), bad).toThrow(/allowedOrigins/);
    }
  });

  it('the normalised origins are what CORS and the app get', () => {
    const stack = synth({ ...TEST_CONTEXT, allowedOrigins: 'https://WWW.Firm.example:443' });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://www.firm.example'] }),
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({ ALLOWED_ORIGINS: 'https://www.firm.example' }),
      },
    });
  });

  it('an SES identity that does not cover the sender is refused', () => {
    const config = (senderAddress: string, sesIdentity: string) =>
      infraConfig(fromContext({ senderAddress, sesIdentity }), {});
    expect(() => config('intake@firm.com', 'otherfirm.com')).toThrow(
      /sesIdentity .*otherfirm\.com does not cover the sender intake@firm\.com/,
    );
    expect(() => config('intake@firm.com', 'leads@firm.com')).toThrow(/does not cover/);
    expect(() => config('intake@firm.com', 'notfirm.com')).toThrow(/does not cover/);
    expect(config('intake@mail.firm.com', 'firm.com').sesIdentity).toBe('firm.com');
    expect(config('Intake@Firm.com', 'intake@firm.com').sesIdentity).toBe('intake@firm.com');
  });

  it('an SES identity ARN is used as written, not turned into identity/arn:…', () => {
    const arn = 'arn:aws:ses:us-west-2:123456789012:identity/firm.example';
    const template = Template.fromStack(synth({ ...TEST_CONTEXT, sesIdentity: arn }));
    const policies = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(policies).toContain(`"${arn}"`);
    expect(policies).not.toContain('identity/arn:');
    expect(() =>
      infraConfig(
        fromContext({
          senderAddress: 'intake@firm.com',
          sesIdentity: 'arn:aws:ses:us-east-1:123456789012:identity/other.com',
        }),
        {},
      ),
    ).toThrow(/does not cover/);
  });
});

describe('a table restored from point-in-time recovery', { timeout: 120_000 }, () => {
  const RESTORED = 'amparo-restored-20261207';
  const STREAM = `arn:aws:dynamodb:us-east-1:123456789012:table/${RESTORED}/stream/2026-12-07T09:00:00.000`;
  const config = (values: Record<string, unknown>) => infraConfig(fromContext(values), {});

  it('is used instead of the stack’s own table: functions, grants, stream, alarm and output', () => {
    const template = Template.fromStack(
      synth({ ...TEST_CONTEXT, tableName: RESTORED, tableStreamArn: STREAM }),
    );
    // The stack no longer makes a table (the old one is retained by its removal policy).
    template.resourceCountIs('AWS::DynamoDB::Table', 0);
    template.resourcePropertiesCountIs(
      'AWS::Lambda::Function',
      { Environment: { Variables: Match.objectLike({ TABLE_NAME: RESTORED }) } },
      4,
    );
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: STREAM,
    });
    const policies = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    for (const index of [
      '',
      '/index/gsi1',
      `/index/${DUE_INDEX}`,
      `/index/${CONVERSATIONS_INDEX}`,
    ]) {
      expect(policies).toContain(`table/${RESTORED}${index}"`);
    }
    // The throttle alarm watches the table in use.
    const alarms = JSON.stringify(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms).toContain(`{"Name":"TableName","Value":"${RESTORED}"}`);
    template.hasOutput('TableName', { Value: RESTORED });
  });

  it('without it, the stack makes and keeps its own table', () => {
    const template = Template.fromStack(synth(TEST_CONTEXT));
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it("the guide's restore commands turn on what the stack's own table has", () => {
    const guide = readFileSync(join(ROOT, 'infra/README.md'), 'utf8');
    const section = guide.slice(guide.indexOf('### Restoring the table'));
    const steps = section.slice(0, section.indexOf('\n### ', 5));
    const own = Template.fromStack(synth(TEST_CONTEXT)).findResources('AWS::DynamoDB::Table');
    const table = Object.values(own)[0]?.Properties as {
      StreamSpecification: { StreamViewType: string };
      TimeToLiveSpecification: { AttributeName: string };
    };
    expect(steps).toContain(`StreamViewType=${table.StreamSpecification.StreamViewType}`);
    expect(steps).toContain(`AttributeName=${table.TimeToLiveSpecification.AttributeName}`);
    expect(table.TimeToLiveSpecification.AttributeName).toBe(TTL_ATTRIBUTE);
    expect(steps).toContain('PointInTimeRecoveryEnabled=true');
    expect(steps).toContain('--deletion-protection-enabled');
    expect(steps).toMatch(/"tableName": .*\n\s*"tableStreamArn": /);
  });

  it('needs its stream, and the stream of that table', () => {
    expect(() => config({ tableName: RESTORED })).toThrow(
      /tableStreamArn .*tableName and tableStreamArn go together/,
    );
    expect(() => config({ tableStreamArn: STREAM })).toThrow(/tableName .*go together/);
    expect(() => config({ tableName: 'amparo-other', tableStreamArn: STREAM })).toThrow(
      /tableStreamArn .*is the stream of table amparo-restored-20261207, not of amparo-other/,
    );
    expect(() => config({ tableName: RESTORED, tableStreamArn: `table/${RESTORED}` })).toThrow(
      /tableStreamArn .*LatestStreamArn/,
    );
    expect(() => config({ tableName: 'a b', tableStreamArn: STREAM })).toThrow(
      /tableName .*not a DynamoDB table name/,
    );
    expect(config({ tableName: RESTORED, tableStreamArn: STREAM })).toMatchObject({
      tableName: RESTORED,
      tableStreamArn: STREAM,
    });
  });
});
