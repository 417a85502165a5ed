/**
 * One Amparo Lambda function as the stack deploys it: bundled by NodejsFunction with the shared
 * esbuild options (infra/bundling.ts) and the prebuilt content copied beside index.mjs, its own
 * role (no managed policy: only what the stack grants it) and its own log group with a retention.
 */
import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { BUNDLE_FILES } from '../functions/adapters/content-bundle';
import { LAMBDA_BUNDLE, LAMBDA_ENTRIES, type LambdaName } from './bundling';
import type { InfraConfig } from './config';

export interface FunctionProps {
  config: InfraConfig;
  /** The project root (functions/, package-lock.json). */
  root: string;
  /** The content bundle's files (BUNDLE_FILES), written at synth by infra/content.ts. */
  contentDir: string;
}

/** A log group with the configured retention (logs hold ids and statuses only). */
export function retainedLogGroup(scope: Construct, id: string, config: InfraConfig) {
  return new logs.LogGroup(scope, id, {
    retention: config.logRetentionDays as logs.RetentionDays,
    removalPolicy: RemovalPolicy.DESTROY,
  });
}

export function amparoFunction(
  scope: Construct,
  name: LambdaName,
  props: FunctionProps,
  environment: Record<string, string>,
): NodejsFunction {
  const id = name.charAt(0).toUpperCase() + name.slice(1);
  const logGroup = retainedLogGroup(scope, `${id}Logs`, props.config);
  const role = new iam.Role(scope, `${id}Role`, {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: `Amparo ${name} function`,
  });
  logGroup.grantWrite(role);
  // Every file loadBundledContent reads (a missing one fails the function's cold start).
  const files = BUNDLE_FILES.map((file) => `"${join(props.contentDir, file)}"`).join(' ');
  return new NodejsFunction(scope, `${id}Function`, {
    entry: join(props.root, LAMBDA_ENTRIES[name]),
    handler: 'handler',
    projectRoot: props.root,
    depsLockFilePath: join(props.root, 'package-lock.json'),
    runtime: lambda.Runtime.NODEJS_22_X,
    architecture: lambda.Architecture.ARM_64,
    // The API answers people typing: more memory is more CPU for the knowledge index at init.
    memorySize: name === 'api' || name === 'staff' ? 1024 : 512,
    // The console's funnel reads up to 184 days of items: up to API Gateway's 30 s.
    timeout: Duration.seconds(name === 'api' ? 15 : name === 'staff' ? 29 : 60),
    role,
    logGroup,
    environment,
    bundling: {
      forceDockerBundling: false,
      target: LAMBDA_BUNDLE.target,
      format: OutputFormat.ESM,
      minify: LAMBDA_BUNDLE.minify,
      sourceMap: LAMBDA_BUNDLE.sourcemap,
      sourcesContent: LAMBDA_BUNDLE.sourcesContent,
      externalModules: [...LAMBDA_BUNDLE.external],
      mainFields: [...LAMBDA_BUNDLE.mainFields],
      banner: LAMBDA_BUNDLE.banner,
      commandHooks: {
        beforeBundling: () => [],
        beforeInstall: () => [],
        // Beside index.mjs, where the function looks by default (LAMBDA_TASK_ROOT).
        afterBundling: (_input: string, output: string) => [`cp ${files} "${output}/"`],
      },
    },
  });
}
