/**
 * The alarms that tell the firm's admin something is wrong, by email through one encrypted SNS
 * topic: the HTTP API's 5xx rate, each function's errors and throttles, any lead record in the
 * delivery dead-letter queue (a lead that may never have been emailed), DynamoDB throttles.
 */
import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface AlarmsProps {
  firmName: string;
  alarmEmail: string;
  key: kms.IKey;
  api: HttpApi;
  functions: lambda.IFunction[];
  dlq: sqs.IQueue;
  table: dynamodb.ITable;
}

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
      return created;
    };
    const alarmOn = (metric: cloudwatch.IMetric) => ({
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });

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
