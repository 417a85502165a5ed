/**
 * Builds the Amparo stack into an app: shared by infra/app.ts and the infra tests, so what is
 * tested is what `cdk deploy` deploys.
 *
 * The region is the CDK CLI's (CDK_DEFAULT_REGION, from the shell's AWS_REGION or profile). The
 * WAF web ACL for CloudFront must be created in us-east-1: deployed there (or with no region, as
 * in an offline synth), the Amparo stack holds it; deployed anywhere else, it goes into a second
 * stack, `<stackName>Waf`, in us-east-1, and the Amparo stack reads its ARN through CDK's
 * cross-region references (infra/README.md "Deploy outside us-east-1").
 */
import { Annotations, type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AmparoStack } from './amparo-stack';
import { exampleKeys, InfraConfigError, infraConfig } from './config';
import { buildContentDir } from './content';
import { deployableFiles, exampleContent, readDeployFile } from './deploy-check';
import { AmparoWafStack, WAF_REGION } from './waf';

export function buildAmparoApp(
  app: App,
  root: string,
  env: Record<string, string | undefined> = process.env,
): AmparoStack {
  const context = (key: string) => app.node.tryGetContext(key);
  const file = readDeployFile(root, context, env);
  const config = infraConfig(context, env, file.values, file.name);
  // The example firm, roster and values stop here, unless demo=true (infra/deploy-check.ts).
  const files = deployableFiles(config, root, file.name);
  const { dir, firm, roster } = buildContentDir({ root, ...files });
  const leftovers = config.demo ? [] : exampleContent(root, firm, roster);
  if (leftovers.length) {
    throw new InfraConfigError(
      `Not deployable as configured: your copies still hold the examples' values:\n${leftovers
        .map((l) => `  ${l}`)
        .join('\n')}`,
    );
  }
  const firmName = config.firmName ?? firm.name;
  const region = env.CDK_DEFAULT_REGION;
  const account = env.CDK_DEFAULT_ACCOUNT;
  const waf =
    region && region !== WAF_REGION
      ? new AmparoWafStack(app, `${config.stackName}Waf`, {
          description: `Amparo: the WAF web ACL for ${firmName}'s CloudFront (us-east-1)`,
          env: { account, region: WAF_REGION },
          crossRegionReferences: true,
        })
      : undefined;
  const stack = new AmparoStack(app, config.stackName, {
    description: `Amparo intake assistant for ${firmName}`,
    ...(region ? { env: { account, region } } : {}),
    crossRegionReferences: Boolean(waf),
    webAclArn: waf?.firewall.webAcl.attrArn,
    config,
    root,
    contentDir: dir,
    firmName,
  });
  const examples = exampleKeys(config);
  if (config.demo) {
    Annotations.of(stack).addWarningV2(
      'amparo:demo',
      `A demonstration (demo=true): the example firm and roster${examples.length ? ` and example values for ${examples.join(', ')}` : ''} are deployed; no firm should use it (infra/README.md).`,
    );
  }
  if (!config.domainName && !config.demo) {
    Annotations.of(stack).addWarningV2(
      'amparo:no-domain',
      'No domainName: the widget tag, the Twilio webhook and every lead link are on CloudFront\'s *.cloudfront.net name, which changes if the distribution is ever replaced. Use the firm\'s own name before going live (infra/README.md "Your own domain").',
    );
  }
  // cdk-nag 3 is a policy-validation plugin: any unacknowledged finding stops the synth.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return stack;
}
