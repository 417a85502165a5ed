/**
 * Lead events, pure: the signature a receiver checks, the envelope and Clio Grow's shape, which
 * events a lead owes, the backoff, and where the due-time index places a lead waiting for them.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DUE_ESCALATE, DUE_SEND, leadDueIndex } from '../../../functions/adapters/keys';
import {
  backoffMs,
  CLIO_TARGET,
  KEEP_FAILED,
  type OutboundEvent,
  outboundDueAt,
  owedTypes,
  pruned,
  withOwedEvents,
} from '../../../functions/core/integrations/events';
import {
  clioRequest,
  splitName,
  webhookRequest,
} from '../../../functions/core/integrations/payloads';
import { signatureHeader } from '../../../functions/core/integrations/signature';
import { LeadJsonSchema, leadJson } from '../../../functions/core/leads/json';
import { content } from '../../helpers/content';
import { aLead } from '../../helpers/lead';

const NOW = new Date('2027-03-14T17:30:00.000Z');
const HOOK = 'https://crm.example/hooks/amparo';
let n = 0;
const newId = () => `evt-${++n}`;

describe('the signature', () => {
  it('is t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">', () => {
    const body = '{"id":"evt-1"}';
    const header = signatureHeader('whsec-0123456789abcdefghijkl', body, NOW);
    const t = Math.floor(NOW.getTime() / 1000);
    const v1 = createHmac('sha256', 'whsec-0123456789abcdefghijkl')
      .update(`${t}.${body}`)
      .digest('hex');
    expect(header).toBe(`t=${t},v1=${v1}`);
    expect(v1).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with the body and with the time', () => {
    const a = signatureHeader('s'.repeat(24), '{"a":1}', NOW);
    expect(signatureHeader('s'.repeat(24), '{"a":2}', NOW)).not.toBe(a);
    expect(signatureHeader('s'.repeat(24), '{"a":1}', new Date(NOW.getTime() + 1000))).not.toBe(a);
  });
});

describe('the webhook request', () => {
  it('is {id, type, createdAt, lead: lead.json}, signed over the exact body sent', () => {
    const lead = aLead({ contact: { name: 'María López García', phone: '+12135550100' } });
    const event = { id: 'evt-9', type: 'lead.created' as const, createdAt: NOW.toISOString() };
    const request = webhookRequest(HOOK, event, lead, 'whsec-0123456789abcdefghijkl', NOW);
    const body = JSON.parse(request.body);
    expect(Object.keys(body)).toEqual(['id', 'type', 'createdAt', 'lead']);
    expect(body).toMatchObject({ id: 'evt-9', type: 'lead.created' });
    expect(LeadJsonSchema.parse(body.lead)).toEqual(leadJson(lead));
    expect(request.headers['X-Amparo-Signature']).toBe(
      signatureHeader('whsec-0123456789abcdefghijkl', request.body, NOW),
    );
    expect(request.headers['Content-Type']).toBe('application/json');
  });
});

describe('the Clio Grow request', () => {
  it("is Clio's documented inbox_lead shape, the message with urgency, options and transcript", () => {
    const lead = aLead({
      contact: { name: 'María López García', phone: '+12135550100', email: 'maria@example.com' },
      flags: [{ id: 'bond', reasons: ['detained'], complications: [], missing: [] }],
    });
    const request = clioRequest('https://grow.clio.com/inbox_leads', lead, {
      token: 'clio-token-123',
      strings: content().strings,
      transcript: 'https://amparo.example/leads/L01HX7?sig=abc',
      referringUrl: 'https://amparo.example',
    });
    const body = JSON.parse(request.body);
    expect(Object.keys(body).sort()).toEqual(['inbox_lead', 'inbox_lead_token']);
    expect(body.inbox_lead_token).toBe('clio-token-123');
    expect(body.inbox_lead).toEqual({
      from_first: 'María',
      from_last: 'López García',
      from_email: 'maria@example.com',
      from_phone: '+12135550100',
      from_message: expect.any(String),
      referring_url: 'https://amparo.example',
      from_source: 'Amparo',
    });
    expect(body.inbox_lead.from_message).toContain('EMERGENCY');
    expect(body.inbox_lead.from_message).toContain('Bond hearing');
    expect(body.inbox_lead.from_message).toContain('https://amparo.example/leads/L01HX7?sig=abc');
    expect(request.headers.Accept).toBe('application/json');
  });

  it('names someone with one name or none, since Clio requires both fields', () => {
    expect(splitName('Rosa')).toEqual({ first: 'Rosa', last: '-' });
    expect(splitName(undefined)).toEqual({ first: 'Unknown', last: '-' });
  });
});

describe('the events a lead owes', () => {
  it('is lead.created the first time, to every webhook and Clio Grow', () => {
    const lead = aLead();
    expect(owedTypes(lead)).toEqual(['lead.created']);
    const outbound = withOwedEvents(lead, [HOOK, CLIO_TARGET], NOW, newId);
    expect(outbound?.events).toHaveLength(1);
    expect(outbound?.events[0]).toMatchObject({
      type: 'lead.created',
      createdAt: NOW.toISOString(),
      targets: [
        { target: HOOK, status: 'pending', attempts: 0 },
        { target: CLIO_TARGET, status: 'pending', attempts: 0 },
      ],
    });
    expect(outbound?.seen).toEqual({ updates: 0, accepted: false, stage: 'new' });
  });

  it('then one per change: an update sent again, an accept, a stage change (not to Clio)', () => {
    const first = aLead();
    const outbound = withOwedEvents(first, [HOOK, CLIO_TARGET], NOW, newId);
    const seen = aLead({ outbound: { ...outbound, events: [] } as never });
    expect(owedTypes(seen)).toEqual([]);
    const changed = {
      ...seen,
      status: 'accepted' as const,
      stage: 'contacted' as const,
      updates: [{ at: NOW.toISOString(), reason: 'intake-ended' as const, changes: [] }],
    };
    expect(owedTypes(changed)).toEqual(['lead.updated', 'lead.accepted', 'lead.status']);
    const next = withOwedEvents(changed, [HOOK, CLIO_TARGET], NOW, newId);
    expect(next?.events.map((e) => [e.type, e.targets.map((t) => t.target)])).toEqual([
      ['lead.updated', [HOOK]],
      ['lead.accepted', [HOOK]],
      ['lead.status', [HOOK]],
    ]);
    expect(next?.seen).toEqual({ updates: 1, accepted: true, stage: 'contacted' });
  });

  it('owes nothing and changes nothing when no target is configured', () => {
    const lead = aLead();
    expect(withOwedEvents(lead, [], NOW, newId)).toBeUndefined();
  });
});

describe('backoff', () => {
  it('doubles from 30 seconds and stops at 2 hours', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(12)).toBe(7_200_000);
    expect(backoffMs(30)).toBe(7_200_000);
  });
});

describe('the due-time index', () => {
  const event = (targets: OutboundEvent['targets']): OutboundEvent => ({
    id: 'evt-x',
    type: 'lead.created',
    createdAt: NOW.toISOString(),
    targets,
  });
  const seen = { updates: 0, accepted: false, stage: 'new' };
  const retrying = (at: string) =>
    event([{ target: HOOK, status: 'pending', attempts: 2, nextAttemptAt: at }]);

  it('holds a lead whose email went out while an event waits, at its next try', () => {
    const lead = aLead({
      urgency: 'normal',
      delivery: { status: 'sent', attempts: 1 },
      outbound: { events: [retrying('2027-03-14T18:00:00.000Z')], seen },
    });
    expect(outboundDueAt(lead)).toBe('2027-03-14T18:00:00.000Z');
    expect(leadDueIndex(lead)).toEqual({ duepk: DUE_SEND, dueAt: '2027-03-14T18:00:00.000Z' });
  });

  it('holds it at once when it owes an event (an accept), and not when all is sent', () => {
    const done = aLead({
      urgency: 'normal',
      delivery: { status: 'sent', attempts: 1 },
      outbound: { events: [], seen },
    });
    expect(leadDueIndex(done)).toBeUndefined();
    const accepted = { ...done, status: 'accepted' as const };
    expect(leadDueIndex(accepted)).toEqual({ duepk: DUE_SEND, dueAt: done.createdAt });
  });

  it('keeps an emergency waiting for both in the send partition from when it was routed', () => {
    const lead = aLead({
      delivery: { status: 'sent', attempts: 1 },
      outbound: { events: [retrying('2027-03-14T19:00:00.000Z')], seen },
    });
    expect(leadDueIndex({ ...lead, outbound: undefined })).toEqual({
      duepk: DUE_ESCALATE,
      dueAt: lead.routing.at,
    });
    expect(leadDueIndex(lead)).toEqual({ duepk: DUE_SEND, dueAt: lead.routing.at });
  });

  it('drops events fully sent and keeps only the last given up on', () => {
    const sent = { ...event([{ target: HOOK, status: 'sent', attempts: 1 }]), id: 'sent' };
    const failed = Array.from({ length: KEEP_FAILED + 2 }, (_, i) => ({
      ...event([{ target: HOOK, status: 'failed', attempts: 30, lastError: 'HTTP 500' }]),
      id: `failed-${i}`,
    }));
    const open = { ...retrying(NOW.toISOString()), id: 'open' };
    const kept = pruned([sent, ...failed, open]);
    expect(kept.map((e) => e.id)).toEqual([...failed.slice(2).map((e) => e.id), 'open']);
  });
});
