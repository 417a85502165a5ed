import { describe, expect, it } from 'vitest';
import { explain } from '../../functions/web/console/http.js';
import { groupLeads, leadRow, needsAttention } from '../../functions/web/console/leads.js';
import type { BoardLead } from '../../functions/web/console/types';

function lead(id: string, over: Partial<BoardLead> = {}): BoardLead {
  return {
    leadId: id,
    createdAt: '2026-12-08T05:40:00Z',
    urgency: 'normal',
    flags: [],
    name: null,
    location: null,
    language: 'es',
    channel: 'web',
    status: 'new',
    offer: 'new',
    routedTo: null,
    conflicts: [],
    possibleDuplicateOf: null,
    ...over,
  };
}

describe('which leads need attention', () => {
  it('is an emergency or high urgency that is still new', () => {
    expect(needsAttention(lead('a', { urgency: 'emergency' }))).toBe(true);
    expect(needsAttention(lead('a', { urgency: 'high' }))).toBe(true);
    expect(needsAttention(lead('a', { urgency: 'normal' }))).toBe(false);
    expect(needsAttention(lead('a', { urgency: 'emergency', status: 'contacted' }))).toBe(false);
    expect(needsAttention(lead('a', { urgency: 'toString' }))).toBe(false);
  });

  it('puts emergencies first, then high, newest first in each; the rest keep their order', () => {
    const leads = [
      lead('n1', { createdAt: '2026-12-09T10:00:00Z' }),
      lead('h-new', { urgency: 'high', createdAt: '2026-12-09T09:00:00Z' }),
      lead('e-old', { urgency: 'emergency', createdAt: '2026-12-01T09:00:00Z' }),
      lead('c1', { urgency: 'emergency', status: 'contacted', createdAt: '2026-12-08T09:00:00Z' }),
      lead('e-new', { urgency: 'emergency', createdAt: '2026-12-08T08:00:00Z' }),
      lead('h-old', { urgency: 'high', createdAt: '2026-11-30T09:00:00Z' }),
      lead('n2', { createdAt: '2026-11-29T10:00:00Z' }),
    ];
    const { attention, others } = groupLeads(leads);
    expect(attention.map((l) => l.leadId)).toEqual(['e-new', 'e-old', 'h-new', 'h-old']);
    expect(others.map((l) => l.leadId)).toEqual(['n1', 'c1', 'n2']);
  });

  it('keeps a lead seen twice (overlapping pages) once', () => {
    const { others } = groupLeads([lead('a'), lead('b'), lead('a')]);
    expect(others.map((l) => l.leadId)).toEqual(['a', 'b']);
  });
});

describe('a row of the board', () => {
  it('says everything in words, with a placeholder for a missing name', () => {
    const row = leadRow(
      lead('L1', {
        urgency: 'emergency',
        flags: ['bond', 'u-visa'],
        channel: 'sms',
        routedTo: { attorneyId: 'ana', name: 'Ana Robles' },
        location: 'Adelanto, CA',
      }),
      { locale: 'en-US', timeZone: 'America/Los_Angeles', now: '2026-12-10T00:00:00Z' },
    );
    expect({ ...row, created: row.created.replace(/\s/g, ' ') }).toEqual({
      id: 'L1',
      href: '#/leads/L1',
      name: 'Name not given',
      named: false,
      createdAt: '2026-12-08T05:40:00Z',
      created: 'Dec 7, 9:40 PM',
      urgency: { level: 'emergency', label: 'Emergency', icon: '!!' },
      status: 'New',
      offer: 'Not accepted yet',
      flags: ['Bond hearing', 'U visa'],
      language: 'Spanish',
      channel: 'Text message',
      location: 'Adelanto, CA',
      assigned: 'Ana Robles',
      warnings: [],
      attention: true,
    });
  });

  it('warns of conflicts and a possible duplicate', () => {
    const row = leadRow(
      lead('L2', {
        name: 'María',
        conflicts: [{ name: 'Luis Ramírez', role: 'adverse' }, 'Another match'],
        possibleDuplicateOf: 'L0',
      }),
    );
    expect(row.warnings).toEqual([
      {
        kind: 'conflict',
        text: '2 possible conflicts',
        detail: 'Luis Ramírez, adverse; Another match',
      },
      { kind: 'duplicate', text: 'Possible duplicate', detail: '', href: '#/leads/L0' },
    ]);
    expect(row.assigned).toBe('Intake team');
  });
});

describe('what a failed call means', () => {
  it('sends a 401 to sign-in, and names 403 and 404', () => {
    expect(explain({ status: 401 }).kind).toBe('signin');
    expect(explain({ status: 403 })).toEqual({
      kind: 'forbidden',
      message: 'You cannot do that.',
      retry: false,
    });
    expect(explain({ status: 404 }).message).toBe('No such lead');
  });

  it("shows the server's message otherwise, with a retry", () => {
    expect(
      explain({ status: 400, body: { error: { code: 'bad', message: 'note: too long' } } }),
    ).toEqual({ kind: 'error', message: 'note: too long', retry: true });
    expect(explain({ status: 502, body: null }).message).toMatch(/\(502\)/);
    expect(explain({ status: 429, retryAfter: 30 }).message).toMatch(/30 seconds/);
    expect(explain(null).message).toMatch(/could not reach/);
  });
});
