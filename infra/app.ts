/**
 * The CDK app (`cdk.json` runs `npx tsx infra/app.ts`): reads the deployment configuration,
 * builds the content bundle (validating every content file), and defines the one Amparo stack
 * with cdk-nag's AwsSolutions checks applied.
 */
import { resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { buildAmparoApp } from './build-app';

const app = new App();
buildAmparoApp(app, resolve(import.meta.dirname, '..'));
app.synth();
