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

describe("the firm's own domain", () => {
  const CERT =
    'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';
  const DOMAIN = { domainName: 'Intake.Firm.example', certificateArn: CERT };
  const synthWith = (extra: Record<string, unknown>) =>
    Template.fromStack(synthStack({ bundle: false }, { ...TEST_CONTEXT, ...extra }).stack);
  const outputs = (t: Template) =>
    t.toJSON().Outputs as Record<string, { Value: unknown; Description?: string }>;

  it('is on the distribution with its certificate and TLS 1.2, and is every public URL', () => {
    const t = synthWith(DOMAIN);
    const [, distribution] = Object.entries(t.toJSON().Resources as Record<string, Resource>).find(
      ([, r]) => r.Type === 'AWS::CloudFront::Distribution',
    ) as [string, Resource];
    const config = distribution.Properties.DistributionConfig as Record<string, unknown>;
    expect(config.Aliases).toEqual(['intake.firm.example']);
    expect(config.ViewerCertificate).toEqual({
      AcmCertificateArn: CERT,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    // The URL Twilio signs, the lead links and the widget tag: the firm's name, not CloudFront's.
    const bases = Object.values(t.toJSON().Resources as Record<string, Resource>)
      .filter((r) => r.Type === 'AWS::Lambda::Function')
      .map((r) => (r.Properties.Environment as { Variables: Record<string, unknown> }).Variables);
    expect(bases.map((v) => v.PUBLIC_BASE_URL)).toEqual(
      Array(4).fill('https://intake.firm.example'),
    );
    const out = outputs(t);
    expect(out.WidgetTag?.Value).toBe(
      '<script src="https://intake.firm.example/widget.js" data-api="https://intake.firm.example" defer></script>',
    );
    expect(out.TwilioWebhookUrl?.Value).toBe('https://intake.firm.example/webhooks/twilio/sms');
    // Where the firm's DNS record points.
    expect(JSON.stringify(out.DnsTarget?.Value)).toContain('DomainName');
  });

  it('without it, the URLs are CloudFront’s and there is no DNS target', () => {
    const out = outputs(template);
    expect(JSON.stringify(out.TwilioWebhookUrl?.Value)).toContain('EdgeDistribution');
    expect(out.DnsTarget).toBeUndefined();
  });

  it('needs its certificate, from us-east-1', () => {
    const attempt = (extra: Record<string, unknown>) => () => synthWith(extra);
    expect(attempt({ domainName: 'intake.firm.example' })).toThrow(
      /certificateArn .*domainName and certificateArn go together/,
    );
    expect(attempt({ certificateArn: CERT })).toThrow(/domainName .*go together/);
    expect(attempt({ ...DOMAIN, certificateArn: CERT.replace('us-east-1', 'us-west-2') })).toThrow(
      /certificateArn .*CloudFront only uses certificates from us-east-1/,
    );
    expect(attempt({ ...DOMAIN, domainName: 'https://intake.firm.example' })).toThrow(
      /domainName .*not a host name/,
    );
  });
});

describe('the demo page', () => {
  const variables = (t: Template) =>
    Object.entries(t.toJSON().Resources as Record<string, Resource>)
      .filter(([id, r]) => r.Type === 'AWS::Lambda::Function' && id.startsWith('ApiFunction'))
      .map(
        ([, r]) => (r.Properties.Environment as { Variables: Record<string, unknown> }).Variables,
      )[0];
  const chatUrl = (t: Template) =>
    JSON.stringify((t.toJSON().Outputs as Record<string, { Value: unknown }>).ChatUrl?.Value);

  it("is off in a firm's deployment: ChatUrl is the chat page itself", () => {
    expect(variables(template)?.DEMO_PAGE).toBe('off');
    expect(chatUrl(template)).toMatch(/\/chat"\]\]\}$/);
  });

  it('is on when asked for (demoPage=true)', () => {
    const t = Template.fromStack(
      synthStack({ bundle: false }, { ...TEST_CONTEXT, demoPage: 'true' }).stack,
    );
    expect(variables(t)?.DEMO_PAGE).toBe('on');
    expect(chatUrl(t)).toMatch(/\/"\]\]\}$/);
  });
});
