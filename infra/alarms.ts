/**
 * The alarms that tell the firm's admin something is wrong, by email through one encrypted SNS
 * topic, and again when it is over (OK): lead emails refused (SES sandbox, an unverified identity)
 * and leads given up on, from the delivery functions' own metrics (functions/lambda/metrics.ts);
 * SES's bounce and complaint rates; Twilio webhooks refused (an unfilled or rotated auth token)
 * and bursts of 429s, from the API's access log; the HTTP API's 5xx rate, each function's errors
 * and throttles, any lead record in the delivery dead-letter queue (a lead that may never have
 * been emailed), DynamoDB throttles.
 */
import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRIC, METRICS_DIMENSION, METRICS_NAMESPACE } from '../functions/lambda/metrics';

export interface AlarmsProps {
  firmName: string;
  alarmEmail: string;
  key: kms.IKey;
  api: HttpApi;
  functions: lambda.IFunction[];
  dlq: sqs.IQueue;
  table: dynamodb.ITable;
  /** The deployment's name (the stack's): the dimension of the functions' metrics. */
  deployment: string;
  /** The HTTP API's access log (JSON lines with routeKey and status). */
  accessLogs: logs.ILogGroup;
}

/** The Twilio webhook's route, as API Gateway writes it in the access log. */
export const WEBHOOK_ROUTE_KEYS = [
  'POST /webhooks/twilio/sms',
  'POST /webhooks/twilio/whatsapp',
] as const;
/** 429s in 5 minutes that make a burst: far more than one person tapping, less than a script. */
export const RATE_LIMITED_BURST = 50;
/**
 * SES reviews an account at a 5% bounce rate or a 0.1% complaint rate (and may pause it at 10% and
 * 0.5%); the alarms go off before that, at 4% and 0.08% (as fractions, as SES publishes them).
 */
export const SES_BOUNCE_RATE = 0.04;
export const SES_COMPLAINT_RATE = 0.0008;

const FIVE_MINUTES = Duration.minutes(5);

export class Alarms extends Construct {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: `Amparo alarms (${props.firmName})`.slice(0, 100),
      masterKey: props.key,
      enforceSSL: true,
    });
    // CloudWatch publishes to the encrypted topic with the key.
    props.key.grant(
      new iam.ServicePrincipal('cloudwatch.amazonaws.com'),
      'kms:Decrypt',
      'kms:GenerateDataKey',
    );
    this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    const action = new SnsAction(this.topic);
    const alarm = (
      name: string,
      description: string,
      options: Omit<cloudwatch.AlarmProps, 'alarmDescription'>,
    ) => {
      const created = new cloudwatch.Alarm(this, name, {
        alarmDescription: description,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        ...options,
      });
      created.addAlarmAction(action);
      // The all-clear too, so nobody has to look whether it is still happening.
      created.addOkAction(action);
      return created;
    };
    const alarmOn = (metric: cloudwatch.IMetric) => ({
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });

    const amparo = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName,
        dimensionsMap: { [METRICS_DIMENSION]: props.deployment },
        period: FIVE_MINUTES,
        statistic: 'Sum',
      });
    alarm(
      'LeadEmailsRefused',
      'A lead email was refused (SES sandbox, unverified identity, bad address): leads are not reaching the firm. The lead is retried; check SES and npm run leads',
      alarmOn(amparo(METRIC.emailFailures)),
    );
    alarm(
      'LeadDeliveryFailed',
      'A lead was given up on after every retry: nobody was emailed. Redeliver it (infra/README.md "Runbook")',
      alarmOn(amparo(METRIC.deliveryFailures)),
    );
    alarm(
      'HearingReminderFailed',
      'A hearing reminder was given up on (every try failed, or a send was interrupted): the client may not get it. See the lead page in the console and Twilio',
      alarmOn(amparo(METRIC.reminderFailures)),
    );
    alarm('SesBounceRate', 'The SES bounce rate is near the 5% at which SES reviews the account', {
      metric: new cloudwatch.Metric({
        namespace: 'AWS/SES',
        metricName: 'Reputation.BounceRate',
        period: Duration.hours(1),
        statistic: 'Maximum',
      }),
      threshold: SES_BOUNCE_RATE,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    alarm(
      'SesComplaintRate',
      'The SES complaint rate is near the 0.1% at which SES reviews the account',
      {
        metric: new cloudwatch.Metric({
          namespace: 'AWS/SES',
          metricName: 'Reputation.ComplaintRate',
          period: Duration.hours(1),
          statistic: 'Maximum',
        }),
        threshold: SES_COMPLAINT_RATE,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      },
    );

    // From the access log: counted by CloudWatch Logs as the lines arrive, no code involved.
    // The access log's lines carry the deployment's name (infra/amparo-stack.ts), so its metrics
    // have the same dimension as the functions'.
    const accessLogMetric = (id: string, metricName: string, pattern: logs.IFilterPattern) => {
      new logs.MetricFilter(this, id, {
        logGroup: props.accessLogs,
        metricNamespace: METRICS_NAMESPACE,
        metricName,
        filterPattern: pattern,
        metricValue: '1',
        dimensions: { [METRICS_DIMENSION]: '$.deployment' },
      });
      return amparo(metricName);
    };
    alarm(
      'TwilioWebhookRefused',
      'Twilio webhooks were refused (403): the auth token secret is not filled in, was rotated, or TwilioWebhookUrl differs from the URL Twilio calls. Texts are not answered and Twilio does not retry',
      alarmOn(
        accessLogMetric(
          'WebhookRefusedFilter',
          'TwilioWebhookRefused',
          logs.FilterPattern.all(
            logs.FilterPattern.any(
              ...WEBHOOK_ROUTE_KEYS.map((key) =>
                logs.FilterPattern.stringValue('$.routeKey', '=', key),
              ),
            ),
            logs.FilterPattern.stringValue('$.status', '=', '403'),
          ),
        ),
      ),
    );
    alarm(
      'RateLimitedBurst',
      `More than ${RATE_LIMITED_BURST} requests were refused with 429 in 5 minutes: a script, or limits too tight for real clients`,
      {
        ...alarmOn(
          accessLogMetric(
            'RateLimitedFilter',
            'RateLimited',
            logs.FilterPattern.stringValue('$.status', '=', '429'),
          ),
        ),
        threshold: RATE_LIMITED_BURST,
      },
    );

    const errors = props.api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' });
    const requests = props.api.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' });
    alarm('Api5xxRate', 'More than 5% of API requests failed with a 5xx in 5 minutes', {
      metric: new cloudwatch.MathExpression({
        expression: 'IF(requests > 0, 100 * errors / requests, 0)',
        usingMetrics: { errors, requests },
        period: FIVE_MINUTES,
        label: 'API 5xx rate (%)',
      }),
      threshold: 5,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    });

    props.functions.forEach((fn, index) => {
      const name = ['Api', 'Delivery', 'Escalation'][index] ?? `Function${index}`;
      alarm(
        `${name}Errors`,
        `The ${name.toLowerCase()} function failed (errors, timeouts)`,
        alarmOn(fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' })),
      );
      alarm(
        `${name}Throttles`,
        `The ${name.toLowerCase()} function was throttled (account concurrency)`,
        alarmOn(fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' })),
      );
    });

    alarm(
      'DeliveryDlqDepth',
      'A lead stream record failed every retry: check the lead was emailed (npm run leads)',
      alarmOn(
        props.dlq.metricApproximateNumberOfMessagesVisible({
          period: FIVE_MINUTES,
          statistic: 'Maximum',
        }),
      ),
    );

    const throttle = (metricName: string) =>
      props.table.metric(metricName, { period: FIVE_MINUTES, statistic: 'Sum' });
    alarm('TableThrottles', 'DynamoDB throttled reads or writes on the intake table', {
      ...alarmOn(
        new cloudwatch.MathExpression({
          expression: 'reads + writes',
          usingMetrics: {
            reads: throttle('ReadThrottleEvents'),
            writes: throttle('WriteThrottleEvents'),
          },
          period: FIVE_MINUTES,
          label: 'DynamoDB throttle events',
        }),
      ),
    });
  }
}
