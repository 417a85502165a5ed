/**
 * axe-core's WCAG 2.1 A and AA rules run in a page or frame of real Chromium, for every page the
 * tests drive (the widget, the console, the lead transcript page).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The violations found, as "rule-id [targets]"; by default only serious and critical ones (the
 * projects' bar), or every one with `{ all: true }`.
 */
export async function axeViolations(
  target: Page | Frame,
  options: { all?: boolean } = {},
): Promise<string[]> {
  await target.evaluate(AXE);
  const result = await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe;
    return (await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })) as { violations: { id: string; impact: string; nodes: { target: unknown }[] }[] };
  });
  return result.violations
    .filter((v) => options.all || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}
