import { describe, expect, it } from 'vitest';
import { leadLinks, signLeadLink, verifyLeadLink } from '../../functions/core/leads/links';

const SECRET = 's'.repeat(43);
const NOW = new Date('2026-11-25T18:00:00Z');

describe('signed lead links', () => {
  it('verifies its own signature and says who it was for', () => {
    const sig = signLeadLink(SECRET, 'lead-1', 'accept', 'ana-ruiz', NOW);
    expect(verifyLeadLink(SECRET, 'lead-1', 'accept', sig, NOW)).toBe('ana-ruiz');
  });

  it.each([
    ['another lead', 'lead-2', 'accept'],
    ['another action', 'lead-1', 'decline'],
  ] as const)('refuses a link moved to %s', (_name, leadId, action) => {
    const sig = signLeadLink(SECRET, 'lead-1', 'accept', 'ana-ruiz', NOW);
    expect(verifyLeadLink(SECRET, leadId, action, sig, NOW)).toBeUndefined();
  });

  it('refuses a tampered signature, another attorney, another secret and garbage', () => {
    const sig = signLeadLink(SECRET, 'lead-1', 'accept', 'ana-ruiz', NOW);
    const [expires, , mac] = sig.split('.');
    expect(
      verifyLeadLink(SECRET, 'lead-1', 'accept', `${expires}.bob-lee.${mac}`, NOW),
    ).toBeUndefined();
    expect(
      verifyLeadLink(SECRET, 'lead-1', 'accept', `${Number(expires) + 1}.ana-ruiz.${mac}`, NOW),
    ).toBeUndefined();
    expect(verifyLeadLink('x'.repeat(43), 'lead-1', 'accept', sig, NOW)).toBeUndefined();
    expect(verifyLeadLink(SECRET, 'lead-1', 'accept', 'nonsense', NOW)).toBeUndefined();
    expect(verifyLeadLink(SECRET, 'lead-1', 'accept', undefined, NOW)).toBeUndefined();
  });

  it('refuses an expired link', () => {
    const sig = signLeadLink(SECRET, 'lead-1', 'view', 'ana-ruiz', NOW);
    const later = new Date(NOW.getTime() + 15 * 86_400_000);
    expect(verifyLeadLink(SECRET, 'lead-1', 'view', sig, later)).toBeUndefined();
  });

  it('builds the three links of API.md', () => {
    const links = leadLinks('https://amparo.example', SECRET, 'lead-1', 'ana-ruiz', NOW);
    expect(links.transcript).toMatch(/^https:\/\/amparo\.example\/leads\/lead-1\?sig=/);
    expect(links.accept).toMatch(/^https:\/\/amparo\.example\/leads\/lead-1\/accept\?sig=/);
    expect(links.decline).toMatch(/^https:\/\/amparo\.example\/leads\/lead-1\/decline\?sig=/);
  });
});
