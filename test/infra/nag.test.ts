/**
 * cdk-nag's AwsSolutions pack over the whole stack: no finding, error or warning, may be left
 * unacknowledged, and every acknowledgment carries a reason of its own.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FILES, loadBundledContent } from '../../functions/adapters/content-bundle';
import { ACKNOWLEDGMENTS } from '../../infra/nag';
import { synthStack, TEST_CONTEXT } from './synth';

let synthesized: ReturnType<typeof synthStack>;

beforeAll(() => {
  synthesized = synthStack({ bundle: true });
});

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing unacknowledged in the stack', () => {
    const report = new AwsSolutionsChecks().validateScope(synthesized.stack);
    const findings = report.violations.map(
      (v) => `${v.severity} ${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath)}`,
    );
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  it("finds nothing with the firm's own domain and certificate (TLS 1.2 required, not acknowledged)", () => {
    const { stack } = synthStack(
      { bundle: false },
      {
        ...TEST_CONTEXT,
        domainName: 'intake.firm.example',
        certificateArn:
          'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
      },
    );
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations.map((v) => `${v.severity} ${v.ruleName}`)).toEqual([]);
    const acknowledged = JSON.stringify(stack.node.findAll().map((c) => c.node.metadata));
    expect(acknowledged).not.toContain('AwsSolutions-CFR4');
  });

  it('finds nothing in either stack when the WAF stack is apart, for a region other than us-east-1', () => {
    const { app } = synthStack({ bundle: false }, TEST_CONTEXT, {
      CDK_DEFAULT_REGION: 'us-west-2',
      CDK_DEFAULT_ACCOUNT: '123456789012',
    });
    const stacks = app.node.children.filter((c): c is Stack => c instanceof Stack);
    expect(stacks.map((s) => `${s.stackName} ${s.region}`).sort()).toEqual([
      'AmparoTest us-west-2',
      'AmparoTestWaf us-east-1',
    ]);
    for (const stack of stacks) {
      const report = new AwsSolutionsChecks().validateScope(stack);
      expect(report.violations.map((v) => `${v.severity} ${v.ruleName}`)).toEqual([]);
    }
  });

  // Bundles the three functions: well over the default 30 s on a busy two-core machine.
  it('is registered on the app, so a finding stops the synth; the assets hold the content', {
    timeout: 120_000,
  }, () => {
    // The plugin runs at synth and throws on any violation; here there is none.
    const assembly = synthesized.app.synth();
    const template = assembly.getStackByName(synthesized.stack.stackName).template as {
      Resources: Record<string, { Type: string; Properties: { Code?: { S3Key?: string } } }>;
    };
    const functions = Object.entries(template.Resources).filter(
      ([, r]) => r.Type === 'AWS::Lambda::Function' && r.Properties.Code?.S3Key,
    );
    expect(functions.map(([id]) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
      'ApiFunction',
      'DeliveryFunction',
      'EscalationFunction',
      'StaffFunction',
    ]);
    for (const [, fn] of functions) {
      const hash = String(fn.Properties.Code?.S3Key).replace(/\.zip$/, '');
      const files = readdirSync(join(assembly.directory, `asset.${hash}`)).sort();
      expect(files).toEqual([...BUNDLE_FILES, 'index.mjs', 'index.mjs.map'].sort());
      // What the function reads at its cold start is all there (chat.js once was not).
      expect(() => loadBundledContent(join(assembly.directory, `asset.${hash}`))).not.toThrow();
    }
  });

  it('reports a finding that is not acknowledged, and stops the synth on it', () => {
    // A key without rotation, on its own: the same checker must flag it, so an empty report
    // above means the stack is clean, not that nothing was checked.
    const app = new App();
    const stack = new Stack(app, 'Probe');
    new kms.Key(stack, 'Unrotated', { enableKeyRotation: false });
    const rules = new AwsSolutionsChecks().validateScope(stack).violations.map((v) => v.ruleName);
    expect(rules).toContain('AwsSolutions-KMS5');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).toThrow();
  });

  it('gives each acknowledgment a reason specific to this product', () => {
    const reasons = Object.values(ACKNOWLEDGMENTS);
    expect(new Set(reasons).size).toBe(reasons.length);
    for (const reason of reasons) expect(reason.length).toBeGreaterThan(80);
  });
});
