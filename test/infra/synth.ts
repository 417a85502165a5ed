/**
 * One synthesized Amparo stack for an infra test file, with a firm's configuration as CDK context
 * (no AMPARO_* variables from the developer's shell leak in): a firm that is not the example
 * (test/infra/fixtures/), since the synth refuses the example firm and roster without demo=true.
 */
import { resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { buildAmparoApp } from '../../infra/build-app';

export const TEST_CONTEXT = {
  stackName: 'AmparoTest',
  firmFile: 'test/infra/fixtures/firm.yaml',
  rosterFile: 'test/infra/fixtures/roster.yaml',
  senderAddress: 'intake@firm.example',
  allowedOrigins: 'https://www.firm.example, https://firm.example',
  alarmEmail: 'it-admin@firm.example',
  twilioAccountSid: `AC${'0'.repeat(32)}`,
  twilioFromNumber: '+12135550142',
  twilioApiKeySid: `SK${'0'.repeat(32)}`,
  twilioWhatsAppFrom: '+12135550143',
  whatsAppTemplates: `accepted.en=HX${'1'.repeat(32)},reminder.es=HX${'2'.repeat(32)}`,
};

/**
 * `bundle: false` skips esbuild (CDK's bundling-stacks context) for tests of the template's
 * properties; the nag test bundles, as `npm run synth` does, and checks the assets.
 */
export function synthStack(
  options: { bundle: boolean },
  context: Record<string, unknown> = TEST_CONTEXT,
  /** The CDK CLI's variables, e.g. CDK_DEFAULT_REGION for a deployment outside us-east-1. */
  env: Record<string, string> = {},
) {
  const app = new App({
    context: { ...context, ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) },
  });
  const stack = buildAmparoApp(app, resolve(import.meta.dirname, '../..'), env);
  return { app, stack };
}
