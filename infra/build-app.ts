/**
 * Builds the Amparo stack into an app: shared by infra/app.ts and the infra tests, so what is
 * tested is what `cdk deploy` deploys.
 */
import { Annotations, type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AmparoStack } from './amparo-stack';
import { exampleKeys, infraConfig } from './config';
import { buildContentDir } from './content';

export function buildAmparoApp(
  app: App,
  root: string,
  env: Record<string, string | undefined> = process.env,
): AmparoStack {
  const config = infraConfig((key) => app.node.tryGetContext(key), env);
  const { dir, firm } = buildContentDir({
    root,
    firmFile: config.firmFile,
    rosterFile: config.rosterFile,
  });
  const firmName = config.firmName ?? firm.name;
  const stack = new AmparoStack(app, config.stackName, {
    description: `Amparo intake assistant for ${firmName}`,
    config,
    root,
    contentDir: dir,
    firmName,
  });
  const examples = exampleKeys(config);
  if (examples.length) {
    Annotations.of(stack).addWarningV2(
      'amparo:example-config',
      `Example values in use for ${examples.join(', ')}: set them before deploying (infra/README.md).`,
    );
  }
  // cdk-nag 3 is a policy-validation plugin: any unacknowledged finding stops the synth.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return stack;
}
