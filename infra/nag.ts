/**
 * cdk-nag (AwsSolutions) findings this product accepts, each with the reason it is right here.
 * cdk-nag 3 acknowledges through CDK's own `Validations.of(construct).acknowledge`, on the one
 * construct concerned; anything not acknowledged stops `cdk synth` and fails
 * test/infra/nag.test.ts.
 */
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export interface AcknowledgedConstructs {
  secrets: {
    twilioToken: IConstruct;
    twilioApiKeySecret?: IConstruct;
    linkSecret: IConstruct;
    originSecret: IConstruct;
    leadWebhookSecret?: IConstruct;
    clioGrowToken?: IConstruct;
  };
  distribution: IConstruct;
  /** The distribution has the firm's ACM certificate (infra/config.ts domainName). */
  customCertificate: boolean;
  routes: (IConstruct | undefined)[];
  functions: IConstruct[];
  deliveryRole: IConstruct | undefined;
  dlq: IConstruct;
}

/** Every acknowledgment, by rule id: one list to review. */
export const ACKNOWLEDGMENTS = {
  twilioTokenRotation:
    'The Twilio auth token is issued by Twilio: the admin rotates it in the Twilio console and ' +
    'pastes the new value into this secret (infra/README.md); a rotation Lambda cannot do it.',
  twilioApiKeyRotation:
    "The Twilio API key's secret is shown once by Twilio when the key is made: the admin makes a " +
    'new key in the Twilio console, pastes its secret here and its SID into twilioApiKeySid, then ' +
    'deletes the old key (infra/README.md); a rotation Lambda cannot do it.',
  linkSecretRotation:
    'Rotating the link secret voids every signed transcript/accept/decline link already in ' +
    "attorneys' inboxes (valid 14 days); it is rotated by hand in a quiet period (infra/README.md).",
  originSecretRotation:
    'The CloudFront-to-API secret only proves that a request passed through CloudFront and its ' +
    'WAF; CloudFront reads it at deploy (a dynamic reference), so a Secrets Manager rotation ' +
    'would lock every client out until the next deploy. It is changed by hand with a deploy.',
  leadWebhookSecretRotation:
    "The lead webhooks' signing secret is also held by the firm's receivers (their CRM or " +
    'automation), which must change in step: it is rotated by hand with them (README "Signed ' +
    'webhooks"), since a rotation Lambda would make every receiver refuse every event.',
  clioGrowTokenRotation:
    "Clio Grow's Lead Inbox token is issued by Clio (Settings, Integrations): the admin pastes it " +
    'into this secret (README "Clio Grow"); a rotation Lambda cannot make Clio issue another.',
  geoRestriction:
    'People who need a deportation-defense firm write from abroad too (relatives in Mexico or ' +
    'Central America, someone already deported); a country block would turn them away.',
  edgeAccessLogs:
    "CloudFront's access logs would keep every client's IP address and full URL (signed lead " +
    "links) for people contacting a deportation firm; like the API's own access logs (ids, " +
    'route, status, no IP or path), they are left off. WAF metrics count what is blocked.',
  defaultCertificate:
    "The distribution uses CloudFront's default *.cloudfront.net certificate (no custom domain), " +
    'whose security policy CloudFront fixes; browsers and Twilio negotiate TLS 1.2 or 1.3, and a ' +
    'firm with its own domain can attach an ACM certificate with TLSv1.2_2021.',
  publicRoutes:
    'Public intake for anonymous people seeking help: each conversation is authorised by its ' +
    'bearer token in the app, the Twilio webhook by X-Twilio-Signature, lead links by HMAC ' +
    'signatures (API.md); an API Gateway authorizer has no identity to check here.',
  runtime:
    'Pinned to Node.js 22: the bundle is built (esbuild target node22) and tested as a Lambda ' +
    '(test/lambda) for it, with the AWS SDK v3 that runtime provides; a runtime upgrade is a ' +
    'deliberate change with a test run.',
  listStreams:
    'dynamodb:ListStreams (added by the DynamoDB event source) has no resource-level ' +
    "permissions; the other stream actions are scoped to this table's stream.",
  dlq:
    'This queue is itself the dead-letter destination of the lead stream; a queue behind it ' +
    'would only hide the failure. Any message in it alarms the admin.',
} as const;

const ack = (scope: IConstruct | undefined, id: string, reason: string) => {
  if (!scope) throw new Error(`nothing to acknowledge ${id} on`);
  Validations.of(scope).acknowledge({ id, reason });
};

export function acknowledgeFindings(on: AcknowledgedConstructs): void {
  ack(on.secrets.twilioToken, 'AwsSolutions-SMG4', ACKNOWLEDGMENTS.twilioTokenRotation);
  if (on.secrets.twilioApiKeySecret) {
    ack(on.secrets.twilioApiKeySecret, 'AwsSolutions-SMG4', ACKNOWLEDGMENTS.twilioApiKeyRotation);
  }
  ack(on.secrets.linkSecret, 'AwsSolutions-SMG4', ACKNOWLEDGMENTS.linkSecretRotation);
  ack(on.secrets.originSecret, 'AwsSolutions-SMG4', ACKNOWLEDGMENTS.originSecretRotation);
  if (on.secrets.leadWebhookSecret) {
    ack(
      on.secrets.leadWebhookSecret,
      'AwsSolutions-SMG4',
      ACKNOWLEDGMENTS.leadWebhookSecretRotation,
    );
  }
  if (on.secrets.clioGrowToken) {
    ack(on.secrets.clioGrowToken, 'AwsSolutions-SMG4', ACKNOWLEDGMENTS.clioGrowTokenRotation);
  }
  ack(on.distribution, 'AwsSolutions-CFR1', ACKNOWLEDGMENTS.geoRestriction);
  ack(on.distribution, 'AwsSolutions-CFR3', ACKNOWLEDGMENTS.edgeAccessLogs);
  // With the firm's own certificate the distribution requires TLSv1.2_2021: nothing to acknowledge.
  if (!on.customCertificate) {
    ack(on.distribution, 'AwsSolutions-CFR4', ACKNOWLEDGMENTS.defaultCertificate);
  }
  for (const route of on.routes) ack(route, 'AwsSolutions-APIG4', ACKNOWLEDGMENTS.publicRoutes);
  for (const fn of on.functions) ack(fn, 'AwsSolutions-L1', ACKNOWLEDGMENTS.runtime);
  ack(on.deliveryRole, 'AwsSolutions-IAM5[Resource::*]', ACKNOWLEDGMENTS.listStreams);
  ack(on.dlq, 'AwsSolutions-SQS3', ACKNOWLEDGMENTS.dlq);
}
