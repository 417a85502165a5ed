/**
 * The whole product on AWS in one stack: the single DynamoDB table (same keys as
 * functions/adapters/dynamo-store.ts ensureTable), the API Lambda behind an HTTP API with
 * CloudFront and AWS WAF in front (infra/edge.ts, infra/waf.ts), the lead-delivery Lambda on the
 * table's stream with a dead-letter queue, the escalation timer, the secrets, SES permission for
 * the firm's identity, log groups and alarms (infra/alarms.ts). Resource names are generated; only
 * the stack name is chosen.
 */
import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as secrets from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import {
  CONVERSATIONS_INDEX,
  CONVERSATIONS_INDEX_ATTRIBUTES,
  DUE_INDEX,
  TTL_ATTRIBUTE,
} from '../functions/adapters/keys';
import { Alarms, WEBHOOK_ROUTE_KEYS } from './alarms';
import type { LambdaName } from './bundling';
import type { InfraConfig } from './config';
import { Edge } from './edge';
import { amparoFunction, retainedLogGroup } from './functions';
import { acknowledgeFindings } from './nag';
import { addOutputs } from './outputs';
import { EdgeFirewall } from './waf';

export interface AmparoStackProps extends StackProps {
  config: InfraConfig;
  /** The project root (prompts/, knowledge/, functions/, package-lock.json). */
  root: string;
  /** The prebuilt content (infra/content.ts), copied into each function's asset. */
  contentDir: string;
  /** The firm's name, for the alarm topic. */
  firmName: string;
  /**
   * The WAF web ACL's ARN when it lives in its own us-east-1 stack (infra/waf.ts); unset, the
   * web ACL is made here, which CloudFormation accepts only in us-east-1.
   */
  webAclArn?: string;
}

/** Stage-wide throttling, and the Twilio webhook's own (one firm's texting is far below it). */
const STAGE_THROTTLE = { rateLimit: 50, burstLimit: 100 };
const WEBHOOK_THROTTLE = { rateLimit: 10, burstLimit: 20 };

export class AmparoStack extends Stack {
  readonly table: dynamodb.ITable;
  readonly api: HttpApi;
  readonly edge: Edge;
  readonly functions: Record<LambdaName, NodejsFunction>;

  constructor(scope: Construct, id: string, props: AmparoStackProps) {
    super(scope, id, props);
    const { config } = props;

    const key = new kms.Key(this, 'DataKey', {
      description: 'Amparo: encrypts the intake table (client data) and the alarm topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // A table restored from point-in-time recovery replaces the stack's own, which stays
    // (retained) but is no longer made here: infra/README.md "Restoring the table".
    this.table =
      config.tableName && config.tableStreamArn
        ? dynamodb.Table.fromTableAttributes(this, 'RestoredTable', {
            tableName: config.tableName,
            tableStreamArn: config.tableStreamArn,
            encryptionKey: key,
          })
        : this.ownTable(key);

    // Filled in by the admin after deploy (infra/README.md); until then a random value that no
    // Twilio request can match, so every webhook is refused.
    const twilioToken = new secrets.Secret(this, 'TwilioAuthToken', {
      description: 'Amparo: the Twilio auth token (put the value from the Twilio console here)',
      generateSecretString: { passwordLength: 32, excludePunctuation: true },
    });
    // Texts go out with a Twilio API key (a Restricted key can only create messages), never with
    // the auth token: filled in by the admin after deploy, like the token.
    const sending = config.twilioAccountSid && config.twilioFromNumber && config.twilioApiKeySid;
    const twilioApiKeySecret = sending
      ? new secrets.Secret(this, 'TwilioApiKeySecret', {
          description: 'Amparo: the secret of the Twilio API key that sends texts (put it here)',
          generateSecretString: { passwordLength: 32, excludePunctuation: true },
        })
      : undefined;
    const linkSecret = new secrets.Secret(this, 'LinkSecret', {
      description: 'Amparo: signs lead links and codes (generated; rotating it voids sent links)',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });

    // Lead events for the firm's systems (README "Signed webhooks", "Clio Grow"): the webhooks'
    // signing secret is generated (the admin gives its value to the receiver); Clio Grow's inbox
    // token is filled in by the admin after deploy, like the Twilio token.
    const leadWebhookSecret = config.leadWebhookUrls.length
      ? new secrets.Secret(this, 'LeadWebhookSecret', {
          description: 'Amparo: signs lead webhooks (X-Amparo-Signature); give it to the receiver',
          generateSecretString: { passwordLength: 48, excludePunctuation: true },
        })
      : undefined;
    const clioGrowToken = config.clioGrow
      ? new secrets.Secret(this, 'ClioGrowInboxToken', {
          description: 'Amparo: the Clio Grow Lead Inbox token (Clio Grow: Settings, Integrations)',
          generateSecretString: { passwordLength: 32, excludePunctuation: true },
        })
      : undefined;

    this.api = new HttpApi(this, 'Api', {
      description: 'Amparo: web chat, widget, Twilio webhook, lead links',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: config.allowedOrigins,
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.OPTIONS],
        allowHeaders: ['authorization', 'content-type'],
        exposeHeaders: ['retry-after'],
        maxAge: Duration.minutes(10),
      },
    });
    const accessLogs = retainedLogGroup(this, 'ApiAccessLogs', config);
    const stage = new HttpStage(this, 'Stage', {
      httpApi: this.api,
      autoDeploy: true,
      throttle: STAGE_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // Ids, route, status and latency: no IP address, no path (it can carry a signed link).
        format: AccessLogFormat.custom(
          JSON.stringify({
            // Constant: the dimension of the alarms' metrics drawn from this log (infra/alarms.ts).
            deployment: this.stackName,
            requestId: '$context.requestId',
            time: '$context.requestTime',
            method: '$context.httpMethod',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationStatus: '$context.integrationStatus',
            error: '$context.error.message',
          }),
        ),
      },
    });
    // Clients, Twilio and lead links reach the API only through CloudFront and its WAF.
    const webAclArn = props.webAclArn ?? new EdgeFirewall(this, 'Firewall').webAcl.attrArn;
    this.edge = new Edge(this, 'Edge', {
      api: this.api,
      webAclArn,
      domain:
        config.domainName && config.certificateArn
          ? { name: config.domainName, certificateArn: config.certificateArn }
          : undefined,
    });
    const publicBaseUrl = this.edge.url;

    const common = {
      TABLE_NAME: this.table.tableName,
      PUBLIC_BASE_URL: publicBaseUrl,
      MAIL_FROM: config.senderAddress,
      LINK_SECRET_ARN: linkSecret.secretArn,
      METRICS_DEPLOYMENT: this.stackName,
      // The table has the due-time index (below): the escalation timer queries it.
      DUE_INDEX: 'on',
      NODE_OPTIONS: '--enable-source-maps',
    };
    // Sending texts (the chat's replies and codes; the timer's hearing reminders).
    const texting: Record<string, string> =
      config.twilioAccountSid &&
      config.twilioFromNumber &&
      config.twilioApiKeySid &&
      twilioApiKeySecret
        ? {
            TWILIO_ACCOUNT_SID: config.twilioAccountSid,
            TWILIO_FROM_NUMBER: config.twilioFromNumber,
            TWILIO_API_KEY_SID: config.twilioApiKeySid,
            TWILIO_API_KEY_SECRET_ARN: twilioApiKeySecret.secretArn,
            ...(config.twilioWhatsAppFrom
              ? { TWILIO_WHATSAPP_FROM: config.twilioWhatsAppFrom }
              : {}),
            ...(config.whatsAppTemplates ? { WHATSAPP_TEMPLATES: config.whatsAppTemplates } : {}),
          }
        : {};
    const apiEnvironment = {
      ...common,
      TWILIO_AUTH_TOKEN_SECRET_ARN: twilioToken.secretArn,
      EDGE_SECRET_ARN: this.edge.originSecret.secretArn,
      ALLOWED_ORIGINS: config.allowedOrigins.join(','),
      DEMO_PAGE: config.demoPage ? 'on' : 'off',
      // Staff sign-in links and accept/decline notices (lead emails go from the delivery function).
      MAIL_TRANSPORT: 'ses',
      ...texting,
    };
    const api = amparoFunction(this, 'api', props, apiEnvironment);
    // The staff console: the same app and settings, with /console and /api/staff (API Gateway
    // routes them here below), so the clients' function carries none of it.
    const staff = amparoFunction(this, 'staff', props, apiEnvironment);
    // Only the functions that deliver leads send their events: the webhooks and Clio Grow.
    const integrations: Record<string, string> = {
      ...(leadWebhookSecret
        ? {
            LEAD_WEBHOOK_URLS: config.leadWebhookUrls.join(','),
            LEAD_WEBHOOK_SECRET_ARN: leadWebhookSecret.secretArn,
          }
        : {}),
      ...(clioGrowToken
        ? {
            CLIO_GROW_INBOX_TOKEN_SECRET_ARN: clioGrowToken.secretArn,
            ...(config.clioGrowUrl ? { CLIO_GROW_URL: config.clioGrowUrl } : {}),
          }
        : {}),
    };
    const delivery = amparoFunction(this, 'delivery', props, {
      ...common,
      MAIL_TRANSPORT: 'ses',
      ...integrations,
    });
    // The timer: escalations and retries, and the hearing reminders (texted with the API key).
    const escalation = amparoFunction(this, 'escalation', props, {
      ...common,
      MAIL_TRANSPORT: 'ses',
      ...texting,
      ...integrations,
    });
    this.functions = { api, staff, delivery, escalation };

    // Least privilege on the table: item reads and writes the code makes, nothing on the table
    // itself (no DeleteTable, UpdateTable, Scan, export).
    for (const fn of [api, staff]) {
      this.grantItems(fn, key, [
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:DeleteItem',
        'dynamodb:ConditionCheckItem',
        'dynamodb:Query',
      ]);
    }
    for (const fn of [delivery, escalation]) {
      this.grantItems(fn, key, ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
    }
    for (const fn of [api, staff]) {
      twilioToken.grantRead(fn);
      this.edge.originSecret.grantRead(fn);
    }
    for (const fn of [api, staff, escalation]) twilioApiKeySecret?.grantRead(fn);
    for (const fn of [api, staff, delivery, escalation]) linkSecret.grantRead(fn);
    for (const fn of [delivery, escalation]) {
      leadWebhookSecret?.grantRead(fn);
      clioGrowToken?.grantRead(fn);
    }

    // An ARN given as the identity is used as written (not turned into identity/arn:…).
    const sesIdentityArn =
      config.sesIdentityArn ??
      this.formatArn({ service: 'ses', resource: 'identity', resourceName: config.sesIdentity });
    for (const fn of [api, staff, delivery, escalation]) {
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['ses:SendEmail', 'ses:SendRawEmail'],
          resources: [sesIdentityArn],
        }),
      );
    }

    // Twilio's SMS and WhatsApp webhooks: the API function, each route throttled on its own.
    const twilioIntegration = new HttpLambdaIntegration('TwilioIntegration', api);
    const webhookRoutes = WEBHOOK_ROUTE_KEYS.flatMap((key) =>
      this.api.addRoutes({
        path: key.replace(/^POST /, ''),
        methods: [HttpMethod.POST],
        integration: twilioIntegration,
      }),
    );
    // The staff console's page, assets, sign-in link and API, and the lead email's signed links
    // (attorneys open them): the staff function, so the clients' API bundle carries none of it.
    const staffIntegration = new HttpLambdaIntegration('StaffIntegration', staff);
    const staffRoutes = [
      '/console',
      '/console.js',
      '/console.css',
      '/console/{proxy+}',
      '/api/staff/{proxy+}',
      '/leads/{proxy+}',
    ].flatMap((path) =>
      this.api.addRoutes({ path, methods: [HttpMethod.ANY], integration: staffIntegration }),
    );
    // Everything else ($default): the Hono app routes it, and answers 404 itself.
    const defaultRoute = new HttpRoute(this, 'DefaultRoute', {
      httpApi: this.api,
      routeKey: HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration('ApiIntegration', api),
    });
    const cfnStage = stage.node.defaultChild as CfnStage;
    // RouteSettings is a JSON property: CloudFormation's own casing. The route must exist first.
    cfnStage.routeSettings = Object.fromEntries(
      WEBHOOK_ROUTE_KEYS.map((key) => [
        key,
        {
          ThrottlingRateLimit: WEBHOOK_THROTTLE.rateLimit,
          ThrottlingBurstLimit: WEBHOOK_THROTTLE.burstLimit,
        },
      ]),
    );
    for (const route of webhookRoutes) stage.node.addDependency(route);

    // The stream: only lead items waiting to be sent (new, retried after a claim, re-routed).
    const dlq = new sqs.Queue(this, 'DeliveryDlq', {
      retentionPeriod: Duration.days(14),
      // It holds stream batch metadata (shard, sequence numbers), never item data: SQS-managed
      // encryption suffices and keeps KMS wildcard grants off the delivery role.
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    delivery.addEventSource(
      new DynamoEventSource(this.table, {
        startingPosition: lambda.StartingPosition.LATEST,
        batchSize: 10,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(6),
        onFailure: new SqsDlq(dlq),
        filters: [
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.or('INSERT', 'MODIFY'),
            dynamodb: {
              NewImage: {
                type: { S: lambda.FilterRule.isEqual('lead') },
                delivery: { M: { status: { S: lambda.FilterRule.isEqual('pending') } } },
              },
            },
          }),
          // A lead in the due-time index's send partition (keys.ts pattern 10): also one whose
          // events for the webhooks or Clio Grow are owed (an accept, a stage change), sent at
          // once rather than at the next timer tick; one not due yet is read and left.
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.or('INSERT', 'MODIFY'),
            dynamodb: {
              NewImage: {
                type: { S: lambda.FilterRule.isEqual('lead') },
                duepk: { S: lambda.FilterRule.isEqual('DUE') },
              },
            },
          }),
        ],
      }),
    );

    new events.Rule(this, 'EscalationTimer', {
      description: 'Amparo: every minute, retries of failed lead emails and overdue emergencies',
      schedule: events.Schedule.rate(Duration.minutes(1)),
      targets: [new targets.LambdaFunction(escalation, { retryAttempts: 0 })],
    });

    new Alarms(this, 'Alarms', {
      firmName: props.firmName,
      alarmEmail: config.alarmEmail,
      key,
      api: this.api,
      functions: [api, staff, delivery, escalation],
      dlq,
      table: this.table,
      deployment: this.stackName,
      accessLogs,
    });

    addOutputs(this, {
      base: publicBaseUrl,
      demoPage: config.demoPage,
      distributionDomainName: config.domainName
        ? this.edge.distribution.distributionDomainName
        : undefined,
      twilioTokenArn: twilioToken.secretArn,
      twilioApiKeySecretArn: twilioApiKeySecret?.secretArn,
      tableName: this.table.tableName,
      dataKeyArn: key.keyArn,
      dlqUrl: dlq.queueUrl,
      linkSecretArn: linkSecret.secretArn,
    });

    acknowledgeFindings({
      secrets: {
        twilioToken,
        twilioApiKeySecret,
        linkSecret,
        originSecret: this.edge.originSecret,
        leadWebhookSecret,
        clioGrowToken,
      },
      distribution: this.edge.distribution,
      customCertificate: Boolean(config.domainName),
      routes: [...webhookRoutes, defaultRoute, ...staffRoutes],
      functions: [api, staff, delivery, escalation],
      deliveryRole: delivery.role,
      dlq,
    });
  }

  /** The same key schema as ensureTable (functions/adapters/dynamo-store.ts), on-demand. */
  private ownTable(key: kms.IKey): dynamodb.Table {
    const table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      stream: dynamodb.StreamViewType.NEW_IMAGE,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    table.addGlobalSecondaryIndex({
      indexName: 'gsi1',
      partitionKey: { name: 'gsi1pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'gsi1sk', type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });
    // The escalation timer's (functions/adapters/keys.ts pattern 10): sparse, only leads with
    // something due, so a pass reads those instead of a week of leads. AWS only: the local
    // worker reads the week (ensureTable makes no such index).
    table.addGlobalSecondaryIndex({
      indexName: DUE_INDEX,
      partitionKey: { name: 'duepk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'dueAt', type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });
    // The console's conversations by day (pattern 14), as ensureTable makes it: only the summary
    // a turn writes on the item is copied, never the transcript or the answers.
    table.addGlobalSecondaryIndex({
      indexName: CONVERSATIONS_INDEX,
      partitionKey: { name: 'gsi3pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'gsi3sk', type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.INCLUDE,
      nonKeyAttributes: CONVERSATIONS_INDEX_ATTRIBUTES,
    });
    return table;
  }

  private grantItems(fn: lambda.IFunction, key: kms.IKey, actions: string[]) {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions,
        resources: [
          this.table.tableArn,
          `${this.table.tableArn}/index/gsi1`,
          `${this.table.tableArn}/index/${DUE_INDEX}`,
          `${this.table.tableArn}/index/${CONVERSATIONS_INDEX}`,
        ],
      }),
    );
    // DynamoDB uses the table's key on the caller's behalf.
    key.grant(fn, 'kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey');
  }
}
