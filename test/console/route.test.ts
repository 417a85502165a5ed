import { describe, expect, it } from 'vitest';
import {
  boardHash,
  cleanFilters,
  hasFilters,
  leadHash,
  leadPath,
  leadsPath,
  parseHash,
} from '../../functions/web/console/route.js';

describe('the board filters in the address', () => {
  it('writes only the filters that are set, in a fixed order', () => {
    expect(boardHash({})).toBe('#/');
    expect(boardHash({ q: 'Ana López', status: 'new', urgency: '' })).toBe(
      '#/?status=new&q=Ana+L%C3%B3pez',
    );
  });

  it('reads back what it wrote, so a reload keeps the filters', () => {
    const filters = {
      status: 'consult-booked',
      urgency: 'emergency',
      flag: 'u-visa',
      language: 'es',
      channel: 'sms',
      q: '+1 (213) 555-0100 & co',
    };
    expect(parseHash(boardHash(filters))).toEqual({ screen: 'board', filters });
  });

  it('drops unknown filters and values outside the lists', () => {
    expect(parseHash('#/?status=won&urgency=high&channel=fax&evil=1&flag=<script>')).toEqual({
      screen: 'board',
      filters: { urgency: 'high' },
    });
  });

  it('treats an empty, bare or unknown address as the board without filters', () => {
    for (const hash of ['', '#', '#/', '#/nowhere?status=new', undefined])
      expect(parseHash(hash)).toEqual({ screen: 'board', filters: {} });
  });

  it('trims the search and keeps it to 100 characters', () => {
    expect(cleanFilters({ q: `  ${'x'.repeat(150)}  ` }).q).toHaveLength(100);
    expect(cleanFilters({ q: '   ' })).toEqual({});
    expect(hasFilters({ q: ' ' })).toBe(false);
    expect(hasFilters({ channel: 'web' })).toBe(true);
  });

  it('does not take inherited names for allowed values', () => {
    expect(cleanFilters({ status: 'toString', urgency: '__proto__' })).toEqual({});
  });
});

describe('a lead in the address', () => {
  it('round-trips an id with characters that need escaping', () => {
    const id = 'lead#01/ñ?x';
    expect(leadHash(id)).toBe('#/leads/lead%2301%2F%C3%B1%3Fx');
    expect(parseHash(leadHash(id))).toEqual({ screen: 'lead', id });
  });

  it('reads a malformed escape as the board, not a crash', () => {
    expect(parseHash('#/leads/%E0%A4%A')).toEqual({ screen: 'board', filters: {} });
  });
});

describe('the API paths', () => {
  it('asks for the leads with the filters that are set and the cursor', () => {
    expect(leadsPath({})).toBe('/api/staff/leads');
    expect(leadsPath({ urgency: 'high', q: 'ana' }, 'abc=')).toBe(
      '/api/staff/leads?urgency=high&q=ana&cursor=abc%3D',
    );
  });

  it('escapes a lead id in its path', () => {
    expect(leadPath('a/b')).toBe('/api/staff/leads/a%2Fb');
  });
});
