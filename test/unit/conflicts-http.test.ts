/**
 * PUT and GET /api/staff/conflicts (functions/http/staff-conflicts.ts) through app.request: the
 * session (401), the admin role (403), the console's origin, a bad CSV (400 naming the line, and
 * nothing changed), an upload as CSV and as JSON rows, and who uploaded it when.
 */
import { resolve } from 'node:path';
import { Hono } from 'hono';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadNameTables } from '../../functions/adapters/conflicts-file';
import { loadRoster } from '../../functions/adapters/roster-file';
import type { ConflictRow } from '../../functions/core/conflicts/conflicts';
import {
  type ConflictListMeta,
  type ConflictListStore,
  conflictChecker,
} from '../../functions/core/conflicts/source';
import type { AuditEntry, StaffSession, StaffStore } from '../../functions/core/ports';
import { hashSecret } from '../../functions/core/secrets';
import type { StaffDeps } from '../../functions/core/staff/sign-in';
import { respondToError } from '../../functions/http/errors';
import type { StaffRouteDeps } from '../../functions/http/staff';
import { staffConflictRoutes } from '../../functions/http/staff-conflicts';

const BASE = 'http://amparo.test';
const NOW = new Date('2026-12-07T15:00:00Z');
const roster = loadRoster(resolve('prompts/roster.example.yaml'));
const tables = loadNameTables(process.cwd());
const SESSIONS: Record<string, string> = {
  admin: 'marcus.whitfield@example.com',
  staff: 'rosa.mendez@example.com',
  attorney: 'ana.robles@example.com',
};

let stored: { meta?: ConflictListMeta; rows: ConflictRow[]; writes: number };
let audit: AuditEntry[];

function app() {
  const sessions = new Map(
    Object.entries(SESSIONS).map(([cookie, email]): [string, StaffSession] => [
      hashSecret(cookie),
      { hash: hashSecret(cookie), email, createdAt: NOW.toISOString(), expiresAt: '2099-01-01' },
    ]),
  );
  const staff = {
    getSession: async (hash: string) => sessions.get(hash),
    audit: async (entry: AuditEntry) => {
      audit.push(entry);
    },
  } as unknown as StaffStore;
  const store: ConflictListStore = {
    meta: async () => stored.meta,
    rows: async () => stored.rows,
    replace: async (rows, who, expected) => {
      stored.writes++;
      const version = (expected?.version ?? 0) + 1;
      stored.rows = rows;
      stored.meta = {
        uploadId: `u${version}`,
        count: rows.length,
        uploadedAt: who.at,
        uploadedBy: who.by,
        parts: 1,
        version,
      };
      return stored.meta;
    },
  };
  const auth = { staff, roster, now: () => NOW, publicBaseUrl: BASE } as unknown as StaffDeps;
  const deps = { auth, leads: { now: () => NOW } } as unknown as StaffRouteDeps;
  const checker = conflictChecker({
    store,
    fileRows: [{ name: 'Ana Ruiz', role: 'client', matter: '' }],
    tables,
    now: () => NOW,
  });
  const hono = new Hono().route('/api/staff', staffConflictRoutes(deps, checker));
  hono.onError((error, c) => respondToError(c, error, { info: () => {}, error: () => {} }));
  return hono;
}

const put = (who: string | null, body: string, type = 'text/csv; charset=utf-8', origin = BASE) =>
  app().request(`${BASE}/api/staff/conflicts`, {
    method: 'PUT',
    headers: {
      'content-type': type,
      origin,
      ...(who ? { cookie: `amparo_staff=${who}` } : {}),
    },
    body,
  });
const get = (who: string | null) =>
  app().request(`${BASE}/api/staff/conflicts`, {
    headers: who ? { cookie: `amparo_staff=${who}` } : {},
  });

const CSV = 'name,role,matter\n"López García, María",adverse,2023-114\nJosé Pérez,former-client,\n';

beforeEach(() => {
  stored = { rows: [], writes: 0 };
  audit = [];
});

describe('PUT /api/staff/conflicts', () => {
  it('is a 401 without a session', async () => {
    const res = await put(null, CSV);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthorized');
    expect(stored.writes).toBe(0);
  });

  it('is a 403 for staff and attorneys who are not admins', async () => {
    for (const who of ['staff', 'attorney']) {
      const res = await put(who, CSV);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        error: { code: 'forbidden', message: 'Only an admin can upload the conflict list.' },
      });
    }
    expect(stored.writes).toBe(0);
  });

  it('is a 403 from another origin', async () => {
    const res = await put('admin', CSV, 'text/csv', 'https://evil.example');
    expect(res.status).toBe(403);
    expect(stored.writes).toBe(0);
  });

  it('is a 400 naming the line of a bad row, and changes nothing', async () => {
    const res = await put('admin', 'name,role,matter\nAna Ruiz,client,1\nJosé Pérez,enemy,2\n');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        code: 'invalid_request',
        message: 'line 3: role must be client, former-client or adverse',
      },
    });
    expect(stored.writes).toBe(0);
    expect(audit).toEqual([]);
    expect(await (await get('admin')).json()).toEqual({ source: 'file', count: 1 });
  });

  it('is a 400 for text that is not UTF-8, and a 415 for another type', async () => {
    const latin1 = await app().request(`${BASE}/api/staff/conflicts`, {
      method: 'PUT',
      headers: { 'content-type': 'text/csv', origin: BASE, cookie: 'amparo_staff=admin' },
      body: new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0xe9, 0x0a]),
    });
    expect(latin1.status).toBe(400);
    expect((await put('admin', CSV, 'application/x-www-form-urlencoded')).status).toBe(415);
    expect(stored.writes).toBe(0);
  });

  it('stores a CSV and says how many names, who and when; it then wins over the file', async () => {
    const res = await put('admin', `\uFEFF${CSV}`);
    expect(res.status).toBe(200);
    const summary = {
      source: 'upload',
      count: 2,
      uploadedAt: '2026-12-07T15:00:00.000Z',
      uploadedBy: 'marcus.whitfield@example.com',
    };
    expect(await res.json()).toEqual(summary);
    expect(stored.rows[0]).toEqual({
      name: 'López García, María',
      role: 'adverse',
      matter: '2023-114',
    });
    expect(audit).toEqual([
      {
        at: '2026-12-07T15:00:00.000Z',
        by: 'marcus.whitfield@example.com',
        action: 'conflicts-upload',
        detail: '2 names',
      },
    ]);
    expect(await (await get('staff')).json()).toEqual(summary);
  });

  it('stores JSON rows, and refuses a bad one naming the field', async () => {
    const rows = [{ name: 'Ana Ruiz', role: 'client', matter: 'M-1' }];
    const ok = await put('admin', JSON.stringify({ rows }), 'application/json');
    expect(ok.status).toBe(200);
    expect(stored.rows).toEqual(rows);
    const bad = await put(
      'admin',
      JSON.stringify({ rows: [{ name: 'X Y', role: 'judge' }] }),
      'application/json',
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^rows\.0\.role: /);
    expect(stored.rows).toEqual(rows);
  });
});

describe('GET /api/staff/conflicts', () => {
  it('is a 401 without a session', async () => {
    expect((await get(null)).status).toBe(401);
  });

  it('says the file is used until a list is uploaded', async () => {
    expect(await (await get('attorney')).json()).toEqual({ source: 'file', count: 1 });
  });
});
