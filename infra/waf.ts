/**
 * The WAF web ACL in front of Amparo (issue 12, item 9): rate-based rules per client address, on
 * the CloudFront distribution (infra/edge.ts). WAF cannot be attached to an API Gateway HTTP API
 * (only to REST API stages, CloudFront, ALB, AppSync, Cognito…), hence CloudFront; and a web ACL
 * for CloudFront (scope CLOUDFRONT) must be created in us-east-1. In us-east-1 it is part of the
 * Amparo stack; elsewhere it is the small `<stack>Waf` stack in us-east-1 whose ARN the Amparo
 * stack reads through CDK's cross-region references (infra/build-app.ts).
 *
 * No request is logged or sampled: WAF samples keep request headers (the chat's bearer token)
 * and paths (signed lead links); CloudWatch metrics count blocked requests per rule.
 */
import { Stack, type StackProps } from 'aws-cdk-lib';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/** Where a web ACL for CloudFront has to live. */
export const WAF_REGION = 'us-east-1';

/**
 * The limits, per client address (as CloudFront sees it), over WAF's 5-minute window. A person
 * chatting sends a few requests a minute; these leave room for many people behind one carrier
 * NAT, and stop a script long before it can fill attorneys' days with fake intakes. The Twilio
 * webhook is left out: its requests come from Twilio's few addresses, it is signed, and API
 * Gateway throttles its route on its own.
 */
export const RATE_RULES = {
  /** New conversations (POST /api/conversations): each fake intake needs one. */
  newConversations: { limit: 10, windowSeconds: 300 },
  /** Every other request but the Twilio webhook. */
  requests: { limit: 300, windowSeconds: 300 },
} as const;

/** The answer once an address is over a limit: 429, in the error shape of API.md. */
const RATE_LIMITED_BODY = JSON.stringify({
  error: {
    code: 'rate_limited',
    message: 'Too many requests from this address. Please wait a few minutes and try again.',
  },
});

const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: false,
});

const path = (
  constraint: 'EXACTLY' | 'STARTS_WITH',
  searchString: string,
): wafv2.CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint: constraint,
    searchString,
    textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
  },
});

function rateRule(
  name: string,
  priority: number,
  rule: { limit: number; windowSeconds: number },
  scopeDownStatement: wafv2.CfnWebACL.StatementProperty,
): wafv2.CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    statement: {
      rateBasedStatement: {
        limit: rule.limit,
        evaluationWindowSec: rule.windowSeconds,
        aggregateKeyType: 'IP',
        scopeDownStatement,
      },
    },
    action: {
      block: {
        customResponse: {
          responseCode: 429,
          customResponseBodyKey: 'rate-limited',
          responseHeaders: [{ name: 'retry-after', value: String(rule.windowSeconds) }],
        },
      },
    },
    visibilityConfig: visibility(`Amparo${name}`),
  };
}

/** The web ACL with Amparo's rate rules (scope CLOUDFRONT: its stack must be in us-east-1). */
export class EdgeFirewall extends Construct {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      description: 'Amparo: requests per client address, on CloudFront in front of the HTTP API',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('AmparoEdge'),
      customResponseBodies: {
        'rate-limited': { contentType: 'APPLICATION_JSON', content: RATE_LIMITED_BODY },
      },
      rules: [
        rateRule('NewConversationsPerAddress', 0, RATE_RULES.newConversations, {
          andStatement: {
            statements: [
              {
                byteMatchStatement: {
                  fieldToMatch: { method: {} },
                  positionalConstraint: 'EXACTLY',
                  searchString: 'POST',
                  textTransformations: [{ priority: 0, type: 'NONE' }],
                },
              },
              path('EXACTLY', '/api/conversations'),
            ],
          },
        }),
        rateRule('RequestsPerAddress', 1, RATE_RULES.requests, {
          notStatement: { statement: path('STARTS_WITH', '/webhooks/twilio/') },
        }),
      ],
    });
  }
}

/** The web ACL on its own, in us-east-1, for an Amparo stack deployed in another region. */
export class AmparoWafStack extends Stack {
  readonly firewall: EdgeFirewall;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    this.firewall = new EdgeFirewall(this, 'Firewall');
  }
}
