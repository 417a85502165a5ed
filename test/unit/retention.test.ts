/**
 * The retention rules (functions/core/retention.ts) and the firm setting they read,
 * `retentionDays` in prompts/firm.yaml: a bad value stops the app at load with a message that
 * says which setting and what it takes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadContent } from '../../functions/adapters/content-files';
import { FirmSchema } from '../../functions/core/content';
import {
  DEFAULT_RETENTION_DAYS,
  isExpired,
  leadExpiry,
  pointerExpiry,
} from '../../functions/core/retention';
import { aLead, LEAD_AT } from '../helpers/lead';

const firm = parse(readFileSync('prompts/firm.yaml', 'utf8')) as Record<string, unknown>;
const DAY = 86_400;
const epoch = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const later = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY * 1000);

describe('the firm setting retentionDays', () => {
  it('is 365 days when the firm file does not say', () => {
    const { retentionDays: _, ...rest } = firm;
    expect(FirmSchema.parse(rest).retentionDays).toBe(DEFAULT_RETENTION_DAYS);
    expect(DEFAULT_RETENTION_DAYS).toBe(365);
  });

  it.each([[0], [-1], [29], [90.5], ['365'], ['1 year'], [36500], [null]])(
    'refuses %j with a message that names the setting and its range',
    (value) => {
      const result = FirmSchema.safeParse({ ...firm, retentionDays: value });
      expect(result.success).toBe(false);
      const issue = result.error?.issues[0];
      expect(issue?.path).toEqual(['retentionDays']);
      expect(issue?.message).toMatch(/whole number of days from 30 to 3650/);
    },
  );

  it('stops the content load with the file, the setting and the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'amparo-firm-'));
    const file = join(dir, 'firm.yaml');
    writeFileSync(file, stringify({ ...firm, retentionDays: 0 }));
    expect(() => loadContent({ root: process.cwd(), firmFile: file })).toThrow(
      /firm\.yaml is invalid:\n {2}retentionDays: .*whole number of days from 30 to 3650/,
    );
  });
});

describe('how long a lead is kept', () => {
  it('is the period after its last change: made, merged, re-routed, accepted or sent', () => {
    const lead = aLead();
    expect(leadExpiry(lead, 365)).toBe(epoch(LEAD_AT) + 365 * DAY);
    const accepted = aLead({
      status: 'accepted',
      acceptedBy: { attorneyId: 'ana-ruiz', at: later(LEAD_AT, 40).toISOString() },
    });
    expect(leadExpiry(accepted, 365)).toBe(epoch(LEAD_AT) + 405 * DAY);
    const rerouted = aLead({ routing: { at: later(LEAD_AT, 2).toISOString() } });
    expect(leadExpiry(rerouted, 100)).toBe(epoch(LEAD_AT) + 102 * DAY);
    const sent = aLead({
      delivery: { status: 'sent', attempts: 1, sentAt: later(LEAD_AT, 1).toISOString() },
    });
    expect(leadExpiry(sent, 30)).toBe(epoch(LEAD_AT) + 31 * DAY);
  });

  it("keeps the phone's pointer only while a second intake may merge, never past the lead", () => {
    const lead = aLead({ createdAt: LEAD_AT, updatedAt: LEAD_AT });
    expect(pointerExpiry(lead, 365)).toBe(epoch(LEAD_AT) + 30 * DAY);
    const merged = aLead({ createdAt: LEAD_AT, updatedAt: later(LEAD_AT, 20).toISOString() });
    expect(pointerExpiry(merged, 365)).toBe(epoch(LEAD_AT) + 30 * DAY);
    expect(pointerExpiry(lead, 30)).toBeLessThanOrEqual(leadExpiry(lead, 30));
  });

  it('counts an item as gone from the second its expiresAt is reached', () => {
    const now = new Date(LEAD_AT);
    expect(isExpired(undefined, now)).toBe(false);
    expect(isExpired(epoch(LEAD_AT) + 1, now)).toBe(false);
    expect(isExpired(epoch(LEAD_AT), now)).toBe(true);
  });
});
