import { describe, expect, it } from 'vitest';
import {
  abandonedSteps,
  bars,
  conversationRow,
  dayColumns,
  formatDay,
  groupConversations,
  percent,
  STAGES,
  stepName,
  totalsTable,
} from '../../functions/web/console/funnel-model.js';
import {
  cleanRange,
  conversationsHash,
  conversationsPath,
  funnelHash,
  funnelPath,
  parseHash,
} from '../../functions/web/console/route.js';

const plain = (s: string) => s.replace(/\s/g, ' ');

describe('the funnel and conversations in the address', () => {
  it('reads back the dates it wrote, and drops what is not a day', () => {
    const range = { from: '2026-11-08', to: '2026-12-07' };
    expect(funnelHash(range)).toBe('#/funnel?from=2026-11-08&to=2026-12-07');
    expect(parseHash(funnelHash(range))).toEqual({ screen: 'funnel', range });
    expect(parseHash('#/funnel?from=<script>&to=2026-12-07&x=1')).toEqual({
      screen: 'funnel',
      range: { to: '2026-12-07' },
    });
    expect(funnelHash({})).toBe('#/funnel');
    expect(funnelPath({})).toBe('/api/staff/funnel');
    expect(funnelPath({ from: '2026-12-01' })).toBe('/api/staff/funnel?from=2026-12-01');
    expect(cleanRange({ from: ' 2026-12-01 ', to: 7 })).toEqual({ from: '2026-12-01' });
  });

  it('keeps waiting=true for the conversations, and nothing else', () => {
    expect(parseHash(conversationsHash(true))).toEqual({ screen: 'conversations', waiting: true });
    expect(parseHash('#/conversations?waiting=1')).toEqual({
      screen: 'conversations',
      waiting: false,
    });
    expect(conversationsPath(true)).toBe('/api/staff/conversations?waiting=true');
    expect(conversationsPath(false)).toBe('/api/staff/conversations');
  });

  it('still treats an unknown address as the board', () => {
    expect(parseHash('#/funnels')).toEqual({ screen: 'board', filters: {} });
  });
});

describe('the funnel model', () => {
  const totals = {
    started: 20,
    consented: 15,
    qualified: 5,
    accepted: 2,
    retained: 0,
    abandonedAt: { consent: 5, detained: 2, matter: 2 },
  };

  it('gives each stage its share of the conversations started', () => {
    expect(bars(totals, STAGES).map((b) => [b.label, b.value, b.percent])).toEqual([
      ['Started', 20, '100%'],
      ['Consented', 15, '75%'],
      ['Qualified', 5, '25%'],
      ['Accepted by an attorney', 2, '10%'],
      ['Retained', 0, '0%'],
    ]);
    expect(bars({}, STAGES)[1]).toMatchObject({ value: 0, share: 0, percent: '–' });
    expect(percent(1, 3)).toBe('33%');
  });

  it('names the steps the abandoned stopped at, the most first', () => {
    expect(abandonedSteps(totals, { detained: 'Detained now', consent: 'consent' })).toEqual([
      { step: 'consent', label: 'Consent', count: 5 },
      { step: 'detained', label: 'Detained now', count: 2 },
      { step: 'matter', label: 'matter', count: 2 },
    ]);
    expect(stepName('heard', {})).toBe('Confirming what they wrote');
  });

  it('shows calendar days as they are, in any time zone', () => {
    expect(plain(formatDay('2026-12-07', { locale: 'en-US', year: 2026 }))).toBe('Dec 7');
    expect(plain(formatDay('2025-01-01', { locale: 'en-US', year: 2026 }))).toBe('Jan 1, 2025');
    expect(formatDay('nonsense')).toBe('nonsense');
    const days = dayColumns(
      [
        { day: '2026-12-06', started: 2, qualified: 1 },
        { day: '2026-12-07', started: 5, qualified: 0 },
      ],
      { locale: 'en-US', year: 2026 },
    );
    expect(days.max).toBe(5);
    expect(days.busiest?.day).toBe('2026-12-07');
  });

  it('makes the totals table: a row per measure, a column for all and each channel and language', () => {
    const t = totalsTable({
      totals: { started: 3 },
      byChannel: { web: { started: 2 }, sms: { started: 1 } },
      byLanguage: { en: { started: 3 }, es: {} },
    });
    expect(t.groups.map((g) => g.label ?? g.key)).toEqual([
      'all',
      'Web chat',
      'Text message',
      'English',
      'Spanish',
    ]);
    expect(t.rows[0]).toEqual({ key: 'started', label: 'Started', values: [3, 2, 1, 3, 0] });
  });
});

describe('the conversations model', () => {
  it('puts those waiting for a person first and words each row', () => {
    const list = [
      { conversationId: 'a', waiting: false },
      { conversationId: 'b', waiting: true },
    ];
    expect(groupConversations(list).waiting.map((c) => c.conversationId)).toEqual(['b']);
    const row = conversationRow(
      {
        conversationId: 'b',
        channel: 'sms',
        language: 'es',
        step: 'consent',
        stepLabel: 'consent',
        startedAt: '2026-12-08T05:40:00Z',
        lastMessageAt: '2026-12-08T06:40:00Z',
        waiting: true,
        idle: false,
      },
      { locale: 'en-US', timeZone: 'America/Los_Angeles', now: '2026-12-10T12:00:00Z' },
    );
    expect({ ...row, last: plain(row.last) }).toMatchObject({
      step: 'Consent',
      channel: 'Text message',
      language: 'Spanish',
      last: 'Dec 7, 10:40 PM',
      waiting: true,
    });
  });
});
