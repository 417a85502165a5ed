/**
 * CloudFront and AWS WAF in front of the HTTP API (infra/edge.ts, infra/waf.ts; issue 12,
 * item 9): the rate rules with their limits, the distribution that carries them, the secret that
 * keeps the API's own URL from being a way around them, and where the web ACL lives when the
 * stack is deployed outside us-east-1.
 */
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { RATE_RULES } from '../../infra/waf';
import { synthStack, TEST_CONTEXT } from './synth';

type Resource = { Type: string; Properties: Record<string, unknown> };
interface Rule {
  Name: string;
  Priority: number;
  Action: { Block?: { CustomResponse: Record<string, unknown> } };
  Statement: { RateBasedStatement: Record<string, unknown> & { ScopeDownStatement: unknown } };
  VisibilityConfig: { SampledRequestsEnabled: boolean };
}

let template: Template;
let resources: Record<string, Resource>;
const only = (type: string) => {
  const found = Object.entries(resources).filter(([, r]) => r.Type === type);
  expect(found, type).toHaveLength(1);
  return found[0] as [string, Resource];
};

beforeAll(() => {
  template = Template.fromStack(synthStack({ bundle: false }).stack);
  resources = template.toJSON().Resources;
});

describe('the WAF web ACL', () => {
  const rules = () => (only('AWS::WAFv2::WebACL')[1].Properties.Rules as Rule[]) ?? [];
  const rule = (name: string) => rules().find((r) => r.Name === name);

  it('is for CloudFront, allows by default, and keeps no sample of any request', () => {
    const acl = only('AWS::WAFv2::WebACL')[1].Properties;
    expect(acl.Scope).toBe('CLOUDFRONT');
    expect(acl.DefaultAction).toEqual({ Allow: {} });
    expect(acl.VisibilityConfig).toMatchObject({ SampledRequestsEnabled: false });
    for (const r of rules()) expect(r.VisibilityConfig.SampledRequestsEnabled).toBe(false);
  });

  it('blocks an address after 10 new conversations in 5 minutes', () => {
    expect(RATE_RULES.newConversations).toEqual({ limit: 10, windowSeconds: 300 });
    const r = rule('NewConversationsPerAddress');
    expect(r?.Statement.RateBasedStatement).toMatchObject({
      Limit: 10,
      EvaluationWindowSec: 300,
      AggregateKeyType: 'IP',
    });
    const scope = JSON.stringify(r?.Statement.RateBasedStatement.ScopeDownStatement);
    expect(scope).toContain('"SearchString":"POST"');
    expect(scope).toContain('"SearchString":"/api/conversations"');
    expect(scope).toContain('"PositionalConstraint":"EXACTLY"');
  });

  it('blocks an address after 300 requests in 5 minutes, the Twilio webhook aside', () => {
    expect(RATE_RULES.requests).toEqual({ limit: 300, windowSeconds: 300 });
    const r = rule('RequestsPerAddress');
    expect(r?.Statement.RateBasedStatement).toMatchObject({
      Limit: 300,
      EvaluationWindowSec: 300,
      AggregateKeyType: 'IP',
    });
    const scope = r?.Statement.RateBasedStatement.ScopeDownStatement as {
      NotStatement: { Statement: { ByteMatchStatement: Record<string, unknown> } };
    };
    expect(scope.NotStatement.Statement.ByteMatchStatement).toMatchObject({
      SearchString: '/webhooks/twilio/',
      PositionalConstraint: 'STARTS_WITH',
    });
  });

  it('answers 429 with Retry-After and the API error shape', () => {
    const acl = only('AWS::WAFv2::WebACL')[1].Properties;
    for (const r of rules()) {
      expect(r.Action.Block?.CustomResponse).toEqual({
        ResponseCode: 429,
        CustomResponseBodyKey: 'rate-limited',
        ResponseHeaders: [{ Name: 'retry-after', Value: '300' }],
      });
    }
    const body = (acl.CustomResponseBodies as Record<string, { Content: string }>)['rate-limited'];
    expect(JSON.parse(body?.Content ?? '{}').error.code).toBe('rate_limited');
  });
});

describe('the CloudFront distribution', () => {
  interface DistributionConfig {
    WebACLId: unknown;
    DefaultCacheBehavior: Record<string, unknown> & { AllowedMethods: string[] };
    Origins: {
      DomainName: unknown;
      CustomOriginConfig: unknown;
      OriginCustomHeaders: { HeaderName: string; HeaderValue: unknown }[];
    }[];
  }
  const config = () =>
    only('AWS::CloudFront::Distribution')[1].Properties.DistributionConfig as DistributionConfig;

  it('carries the web ACL and sends everything to the HTTP API, uncached, over TLS 1.2', () => {
    const [aclId] = only('AWS::WAFv2::WebACL');
    const [apiId] = only('AWS::ApiGatewayV2::Api');
    expect(config().WebACLId).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });
    const behavior = config().DefaultCacheBehavior;
    // Managed-CachingDisabled and Managed-AllViewerExceptHostHeader (Authorization included).
    expect(behavior.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    expect(behavior.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
    expect(behavior.AllowedMethods).toContain('POST');
    const [origin] = config().Origins;
    expect(JSON.stringify(origin?.DomainName)).toContain(apiId);
    expect(origin?.CustomOriginConfig).toEqual({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
    });
  });

  it('sends the API a secret from Secrets Manager, never written into the template', () => {
    const [secretId] = Object.entries(resources).find(
      ([id, r]) => r.Type === 'AWS::SecretsManager::Secret' && id.startsWith('EdgeOriginSecret'),
    ) as [string, Resource];
    const [header] = config().Origins[0]?.OriginCustomHeaders ?? [];
    expect(header?.HeaderName).toBe('x-amparo-edge');
    expect(header?.HeaderValue).toEqual({
      'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']],
    });
    const api = Object.entries(resources).find(([id]) => id.startsWith('ApiFunction'))?.[1];
    const env = api?.Properties.Environment as { Variables: Record<string, unknown> } | undefined;
    expect(env?.Variables.EDGE_SECRET_ARN).toEqual({ Ref: secretId });
  });

  it("gives the API the viewer's address in a header the client cannot set", () => {
    const [fnId, fn] = only('AWS::CloudFront::Function');
    expect(config().DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [fnId, 'FunctionARN'] } },
    ]);
    const code = String(fn.Properties.FunctionCode);
    expect(code).toContain("request.headers['x-amparo-viewer'] = { value: event.viewer.ip }");
    expect(code).toContain("delete request.headers['x-amparo-edge']");
  });
});

describe('outside us-east-1', () => {
  it('puts the web ACL in a stack of its own in us-east-1 and reads its ARN across regions', () => {
    const { app, stack } = synthStack({ bundle: false }, TEST_CONTEXT, {
      CDK_DEFAULT_REGION: 'eu-west-1',
      CDK_DEFAULT_ACCOUNT: '123456789012',
    });
    const waf = app.node.tryFindChild(`${TEST_CONTEXT.stackName}Waf`);
    expect(stack.region).toBe('eu-west-1');
    expect((waf as typeof stack | undefined)?.region).toBe('us-east-1');
    const main = Template.fromStack(stack);
    main.resourceCountIs('AWS::WAFv2::WebACL', 0);
    Template.fromStack(waf as typeof stack).hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
    });
    const distribution = Object.values(main.toJSON().Resources as Record<string, Resource>).find(
      (r) => r.Type === 'AWS::CloudFront::Distribution',
    );
    const config = distribution?.Properties.DistributionConfig as { WebACLId: unknown } | undefined;
    expect(JSON.stringify(config?.WebACLId)).toMatch(/ExportsReader.*\/cdk\/exports\/.*WebAcl/);
  });

  it('keeps it in the one stack in us-east-1', () => {
    const { app, stack } = synthStack({ bundle: false }, TEST_CONTEXT, {
      CDK_DEFAULT_REGION: 'us-east-1',
      CDK_DEFAULT_ACCOUNT: '123456789012',
    });
    expect(app.node.tryFindChild(`${TEST_CONTEXT.stackName}Waf`)).toBeUndefined();
    Template.fromStack(stack).resourceCountIs('AWS::WAFv2::WebACL', 1);
  });
});
