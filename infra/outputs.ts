/**
 * The stack's outputs: what the admin pastes into the firm's site and the Twilio console, and the
 * secrets to fill in after deploy (infra/README.md). Every URL is CloudFront's (infra/edge.ts).
 */
import { CfnOutput } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

export interface OutputValues {
  /** PUBLIC_BASE_URL: https://<distribution>.cloudfront.net. */
  base: string;
  twilioTokenArn: string;
  /** Only when texts are sent (infra/config.ts twilioApiKeySid). */
  twilioApiKeySecretArn: string | undefined;
  tableName: string;
  dataKeyArn: string;
  /** The delivery dead-letter queue, to purge once its leads are redelivered (infra/README.md "Runbook"). */
  dlqUrl: string;
  /** The link secret, for its rotation. */
  linkSecretArn: string;
}

export function addOutputs(scope: Construct, values: OutputValues): void {
  const { base } = values;
  new CfnOutput(scope, 'ChatUrl', {
    description: 'The demo page with the chat',
    value: `${base}/`,
  });
  new CfnOutput(scope, 'WidgetTag', {
    description: "The tag to paste into the firm's site",
    value: `<script src="${base}/widget.js" data-api="${base}" defer></script>`,
  });
  new CfnOutput(scope, 'TwilioWebhookUrl', {
    description: 'The Twilio number\'s "A message comes in" webhook (HTTP POST)',
    value: `${base}/webhooks/twilio/sms`,
  });
  new CfnOutput(scope, 'TwilioAuthTokenSecretArn', {
    description: 'Put the Twilio auth token into this secret after deploy',
    value: values.twilioTokenArn,
  });
  if (values.twilioApiKeySecretArn) {
    new CfnOutput(scope, 'TwilioApiKeySecretArn', {
      description: "Put the Twilio API key's secret into this secret after deploy",
      value: values.twilioApiKeySecretArn,
    });
  }
  new CfnOutput(scope, 'TableName', { value: values.tableName });
  new CfnOutput(scope, 'DataKeyArn', { value: values.dataKeyArn });
  new CfnOutput(scope, 'DeliveryDlqUrl', {
    description: 'Stream records of leads that failed every retry: purge once redelivered',
    value: values.dlqUrl,
  });
  new CfnOutput(scope, 'LinkSecretArn', {
    description: 'Signs lead links: rotate with put-secret-value (infra/README.md)',
    value: values.linkSecretArn,
  });
}
