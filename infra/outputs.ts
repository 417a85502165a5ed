/**
 * The stack's outputs: what the admin pastes into the firm's site and the Twilio console, and the
 * secrets to fill in after deploy (infra/README.md). Every URL is CloudFront's (infra/edge.ts).
 */
import { CfnOutput } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

export interface OutputValues {
  /** PUBLIC_BASE_URL: https://<the firm's domain> or https://<distribution>.cloudfront.net. */
  base: string;
  /** Whether `/` serves the demo page; else ChatUrl is the chat page itself. */
  demoPage: boolean;
  /** With a custom domain: the distribution's own name, the target of the firm's DNS record. */
  distributionDomainName: string | undefined;
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
    description: values.demoPage ? 'The demo page with the chat' : 'The chat page, to try it',
    value: values.demoPage ? `${base}/` : `${base}/chat`,
  });
  if (values.distributionDomainName) {
    new CfnOutput(scope, 'DnsTarget', {
      description: "Point the firm's domain here: a CNAME (or Route 53 alias) record",
      value: values.distributionDomainName,
    });
  }
  new CfnOutput(scope, 'WidgetTag', {
    description: "The tag to paste into the firm's site",
    value: `<script src="${base}/widget.js" data-api="${base}" defer></script>`,
  });
  new CfnOutput(scope, 'TwilioWebhookUrl', {
    description: 'The Twilio number\'s "A message comes in" webhook (HTTP POST)',
    value: `${base}/webhooks/twilio/sms`,
  });
  new CfnOutput(scope, 'TwilioWhatsAppWebhookUrl', {
    description: 'The WhatsApp sender\'s "A message comes in" webhook (HTTP POST)',
    value: `${base}/webhooks/twilio/whatsapp`,
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
