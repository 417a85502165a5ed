/**
 * Sending a lead's events with a controlled clock, a store that checks versions like DynamoDB's,
 * and a receiver that fails on demand: retried with backoff and the same id, given up on after
 * MAX_TRIES, claimed by one worker only, settled when a target is no longer configured.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { VersionConflictError } from '../../../functions/core/errors';
import {
  dispatchOutbound,
  type OutboundDeps,
  type PostResult,
} from '../../../functions/core/integrations/dispatch';
import { backoffMs, MAX_TRIES } from '../../../functions/core/integrations/events';
import type { OutboundRequest } from '../../../functions/core/integrations/payloads';
import type { Lead } from '../../../functions/core/leads/lead';
import type { LeadStore } from '../../../functions/core/ports';
import { content } from '../../helpers/content';
import { aLead } from '../../helpers/lead';
import { memoryLogger } from '../../helpers/log';

const HOOK = 'https://crm.example/hooks/amparo';
const SECRET = 'whsec-0123456789abcdefghijkl';

function memoryLeads(): LeadStore & { items: Map<string, Lead> } {
  const items = new Map<string, Lead>();
  return {
    items,
    get: async (id) => structuredClone(items.get(id)),
    listDay: async () => [...items.values()],
    openLeadOf: async () => undefined,
    async save(lead) {
      const stored = items.get(lead.leadId);
      if ((stored?.version ?? 0) !== lead.version - 1)
        throw new VersionConflictError(`lead ${lead.leadId}`, lead.version - 1);
      items.set(lead.leadId, structuredClone(lead));
    },
    delete: async (lead) => void items.delete(lead.leadId),
  };
}

let clock: Date;
let leads: ReturnType<typeof memoryLeads>;
let posted: OutboundRequest[];
let answer: (request: OutboundRequest) => PostResult;
let logs: string[];
let deps: OutboundDeps;

beforeEach(() => {
  clock = new Date('2027-03-14T17:30:00.000Z');
  leads = memoryLeads();
  posted = [];
  logs = [];
  answer = () => ({ ok: true, status: 204 });
  let n = 0;
  deps = {
    leads,
    strings: content().strings,
    publicBaseUrl: 'https://amparo.example',
    linkSecret: 'link-secret-0123456789abcdefghijklmnop',
    now: () => clock,
    log: memoryLogger(logs),
    outbound: {
      webhooks: { urls: [HOOK], secret: SECRET },
      clio: undefined,
      sender: {
        post: async (request) => {
          posted.push(request);
          return answer(request);
        },
      },
      newId: () => `evt-${++n}`,
    },
  };
});

const later = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
const stored = (id = 'L01HX7') => leads.items.get(id);
const idOf = (request: OutboundRequest) => JSON.parse(request.body).id as string;

describe('dispatchOutbound', () => {
  it('sends lead.created once and leaves nothing waiting', async () => {
    await leads.save(aLead());
    expect(await dispatchOutbound(deps, 'L01HX7')).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(posted).toHaveLength(1);
    expect(JSON.parse(posted[0]?.body ?? '{}').type).toBe('lead.created');
    expect(stored()?.outbound).toEqual({
      events: [],
      seen: { updates: 0, accepted: false, stage: 'new' },
    });
    expect(await dispatchOutbound(deps, 'L01HX7')).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(posted).toHaveLength(1);
  });

  it('retries a failing receiver after the backoff with the same event id, until a 2xx', async () => {
    await leads.save(aLead());
    let failures = 3;
    answer = () => (failures-- > 0 ? { ok: false, error: 'HTTP 503' } : { ok: true, status: 200 });
    await dispatchOutbound(deps, 'L01HX7');
    for (let attempt = 1; attempt <= 3; attempt++) {
      const target = stored()?.outbound?.events[0]?.targets[0];
      expect(target).toMatchObject({ status: 'pending', attempts: attempt, lastError: 'HTTP 503' });
      // Not before its time...
      later(backoffMs(attempt) - 1_000);
      await dispatchOutbound(deps, 'L01HX7');
      expect(posted).toHaveLength(attempt);
      // ...and at it.
      later(1_000);
      await dispatchOutbound(deps, 'L01HX7');
    }
    expect(posted).toHaveLength(4);
    expect(new Set(posted.map(idOf)).size).toBe(1);
    expect(stored()?.outbound?.events).toEqual([]);
    expect(logs.filter((l) => l.includes('lead_event_retry'))).toHaveLength(3);
    expect(logs.join('\n')).not.toContain('hooks/amparo');
  });

  it('gives up after MAX_TRIES and keeps the failure for the console', async () => {
    await leads.save(aLead());
    answer = () => ({ ok: false, error: 'timeout' });
    for (let i = 0; i < MAX_TRIES; i++) {
      await dispatchOutbound(deps, 'L01HX7');
      later(backoffMs(i + 1));
    }
    expect(posted).toHaveLength(MAX_TRIES);
    expect(stored()?.outbound?.events[0]?.targets[0]).toMatchObject({
      target: HOOK,
      status: 'failed',
      attempts: MAX_TRIES,
      lastError: 'timeout',
    });
    later(86_400_000);
    await dispatchOutbound(deps, 'L01HX7');
    expect(posted).toHaveLength(MAX_TRIES);
  });

  it('sends each target on its own: a failing one does not resend to the one that took it', async () => {
    await leads.save(aLead({ contact: { name: 'Rosa Diaz' } }));
    deps.outbound.clio = { url: 'https://grow.clio.com/inbox_leads', token: 'clio-token' };
    answer = (r) => (r.url === HOOK ? { ok: false, error: 'HTTP 500' } : { ok: true, status: 201 });
    await dispatchOutbound(deps, 'L01HX7');
    later(backoffMs(1));
    answer = () => ({ ok: true, status: 200 });
    await dispatchOutbound(deps, 'L01HX7');
    expect(posted.map((r) => r.url)).toEqual([HOOK, 'https://grow.clio.com/inbox_leads', HOOK]);
    expect(JSON.parse(posted[1]?.body ?? '{}').inbox_lead.from_source).toBe('Amparo');
  });

  it('announces an accept and a stage change made since, and Clio only the new lead', async () => {
    await leads.save(aLead());
    deps.outbound.clio = { url: 'https://grow.clio.com/inbox_leads', token: 'clio-token' };
    await dispatchOutbound(deps, 'L01HX7');
    const lead = stored() as Lead;
    await leads.save({
      ...lead,
      version: lead.version + 1,
      status: 'accepted',
      stage: 'contacted',
    });
    await dispatchOutbound(deps, 'L01HX7');
    const types = posted.map((r) => (r.url === HOOK ? JSON.parse(r.body).type : 'clio'));
    expect(types).toEqual(['lead.created', 'clio', 'lead.accepted', 'lead.status']);
    const status = JSON.parse(posted[3]?.body ?? '{}');
    expect(status.lead.stage).toBe('contacted');
  });

  it('lets only one of two workers racing send', async () => {
    await leads.save(aLead());
    await Promise.all([dispatchOutbound(deps, 'L01HX7'), dispatchOutbound(deps, 'L01HX7')]);
    expect(posted).toHaveLength(1);
  });

  it('sends again after a claim that ran out (a worker that died mid-send), with the same id', async () => {
    await leads.save(aLead());
    const real = deps.outbound.sender;
    deps.outbound.sender = {
      post: async () => {
        throw new Error('the worker died');
      },
    };
    await expect(dispatchOutbound(deps, 'L01HX7')).rejects.toThrow('the worker died');
    deps.outbound.sender = real;
    await dispatchOutbound(deps, 'L01HX7');
    expect(posted).toHaveLength(0);
    later(2 * 60_000);
    await dispatchOutbound(deps, 'L01HX7');
    expect(posted).toHaveLength(1);
    expect(stored()?.outbound?.events).toEqual([]);
  });

  it('settles an event whose target is no longer configured, without posting', async () => {
    await leads.save(aLead());
    answer = () => ({ ok: false, error: 'HTTP 500' });
    await dispatchOutbound(deps, 'L01HX7');
    deps.outbound.webhooks = undefined;
    later(backoffMs(1));
    await dispatchOutbound(deps, 'L01HX7');
    expect(posted).toHaveLength(1);
    expect(stored()?.outbound?.events[0]?.targets[0]).toMatchObject({
      status: 'failed',
      lastError: 'no longer configured',
    });
  });

  it('marks a change seen when the targets are gone, so it is not owed (and read) forever', async () => {
    await leads.save(aLead());
    await dispatchOutbound(deps, 'L01HX7');
    deps.outbound.webhooks = undefined;
    const lead = stored() as Lead;
    await leads.save({ ...lead, version: lead.version + 1, status: 'accepted' });
    await dispatchOutbound(deps, 'L01HX7');
    expect(stored()?.outbound?.seen.accepted).toBe(true);
    const version = stored()?.version;
    await dispatchOutbound(deps, 'L01HX7');
    expect(stored()?.version).toBe(version);
    expect(posted).toHaveLength(1);
  });

  it('does nothing for a lead never seen when nothing is configured', async () => {
    await leads.save(aLead());
    deps.outbound.webhooks = undefined;
    await dispatchOutbound(deps, 'L01HX7');
    expect(stored()?.outbound).toBeUndefined();
    expect(stored()?.version).toBe(1);
  });
});
