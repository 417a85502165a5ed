/**
 * The CDK app (`cdk.json` runs `npx tsx infra/app.ts`): reads the deployment configuration,
 * builds the content bundle (validating every content file), and defines the one Amparo stack
 * with cdk-nag's AwsSolutions checks applied.
 */
import { resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { buildAmparoApp } from './build-app';
import { InfraConfigError } from './config';

const app = new App();
try {
  buildAmparoApp(app, resolve(import.meta.dirname, '..'));
} catch (error) {
  // A configuration mistake is the admin's to fix: the message says how, a stack trace would not.
  if (!(error instanceof InfraConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
app.synth();
