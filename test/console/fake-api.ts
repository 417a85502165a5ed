/**
 * A stand-in for the staff API (API.md "Staff (the console)"), in memory, so the console can be
 * driven in a real browser before the real endpoints exist. It serves the page as the server
 * will: console.html, the bundled main.js as /console.js and console.css, under the console's CSP.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { CONSOLE_CSP } from '../../functions/http/console';

const DIR = fileURLToPath(new URL('../../functions/web/console/', import.meta.url));

/** The page's policy, as the server sends it. */
export const CSP = CONSOLE_CSP;

type Json = Record<string, unknown>;
export type FakeLead = Json & {
  leadId: string;
  createdAt: string;
  status: string;
  urgency: string;
};

const ATTORNEYS = [
  { attorneyId: 'ana', name: 'Ana Robles' },
  { attorneyId: 'ben', name: 'Ben Ortiz' },
];

export function fakeLeads(): FakeLead[] {
  const base = {
    flags: [] as string[],
    location: 'Los Angeles, CA',
    language: 'es',
    channel: 'web',
    offer: 'new',
    routedTo: ATTORNEYS[0],
    conflicts: [] as unknown[],
    possibleDuplicateOf: null as string | null,
  };
  const at = (h: number) => new Date(Date.UTC(2026, 11, 8, 12 - h)).toISOString();
  return [
    {
      ...base,
      leadId: 'L7',
      createdAt: at(0),
      urgency: 'normal',
      status: 'new',
      name: 'Rosa Díaz',
    },
    {
      ...base,
      leadId: 'L6',
      createdAt: at(1),
      urgency: 'emergency',
      status: 'new',
      name: 'José Hernández',
      flags: ['bond', 'u-visa'],
      channel: 'sms',
      location: 'Adelanto ICE Processing Center',
      conflicts: [{ name: 'José Hernández', role: 'adverse', matter: 'M-2024-17' }],
    },
    { ...base, leadId: 'L5', createdAt: at(2), urgency: 'high', status: 'new', name: null },
    {
      ...base,
      leadId: 'L4',
      createdAt: at(3),
      urgency: 'normal',
      status: 'contacted',
      name: '<img src=x onerror="window.pwned=1">',
      possibleDuplicateOf: 'L7',
      language: 'en',
    },
    {
      ...base,
      leadId: 'L3',
      createdAt: at(4),
      urgency: 'high',
      status: 'retained',
      name: 'Ana Pérez',
    },
    {
      ...base,
      leadId: 'L2',
      createdAt: at(5),
      urgency: 'normal',
      status: 'closed',
      name: 'Luis Gómez',
    },
    {
      ...base,
      leadId: 'L1',
      createdAt: at(6),
      urgency: 'normal',
      status: 'new',
      name: 'Marta Ruiz',
    },
  ];
}

/** The lead page's lead: the board's fields and the rest of the shape. */
function detail(lead: FakeLead, notes: Json[]): Json {
  const flags = (lead.flags as string[]).map((id) => ({
    id,
    title: id === 'bond' ? 'Bond hearing' : 'U visa',
    reasons: [`Reason for ${id}: detained 2 days ago`],
  }));
  return {
    ...lead,
    updatedAt: lead.createdAt,
    urgencyReasons: lead.urgency === 'normal' ? [] : ['Detained now'],
    flags,
    acceptedBy: null,
    routingReasons: 'Ana Robles: speaks Spanish, covers CA, focus detained',
    notices: [
      { tone: 'warn', text: 'Prefers contact after 6 PM.' },
      {
        tone: 'danger',
        text: 'NOT safe to call: the abuser reads the phone. Write only by email.',
      },
    ],
    summary: [
      {
        title: 'Detention',
        rows: [
          ['Who is detained', 'Her husband, José'],
          ['Where held', 'Adelanto'],
        ],
      },
      { title: 'Contact', rows: [['Phone', '+1 213 555 0100']] },
    ],
    questions: [{ text: '¿Cuánto cuesta la fianza?', at: lead.createdAt }],
    notes,
    conversationId: `C-${lead.leadId}`,
  };
}

const DAY_MS = 86_400_000;
const dayAfter = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** Counts of one day, channel and language. */
function counts(started: number, i: number) {
  const consented = Math.max(0, started - 1);
  const qualified = Math.floor(consented / 2);
  const abandoned = started - consented + (i % 2);
  return {
    started,
    consented,
    inProgress: 0,
    qualified,
    referred: i % 3 === 0 ? 1 : 0,
    declined: 0,
    abandoned,
    abandonedAt: (abandoned
      ? { consent: started - consented, ...(i % 2 ? { detained: 1 } : {}) }
      : {}) as Record<string, number>,
    accepted: Math.min(qualified, 1),
    retained: i % 4 === 0 ? Math.min(qualified, 1) : 0,
  };
}

type Counts = ReturnType<typeof counts>;
function sum(into: Counts, from: Counts) {
  for (const key of Object.keys(from) as (keyof Counts)[]) {
    if (key === 'abandonedAt') {
      const at = into.abandonedAt as Record<string, number>;
      for (const [step, n] of Object.entries(from.abandonedAt as Record<string, number>)) {
        at[step] = (at[step] ?? 0) + n;
      }
    } else into[key] += from[key];
  }
}

/** A funnel as `GET /api/staff/funnel` answers it: web in Spanish and texts in English. */
export function fakeFunnel(from = '2026-11-08', to = '2026-12-07') {
  const zero = () => counts(0, 1);
  const totals = { ...zero(), abandonedAt: {} };
  const byChannel = { web: { ...zero(), abandonedAt: {} }, sms: { ...zero(), abandonedAt: {} } };
  const byLanguage = { en: { ...zero(), abandonedAt: {} }, es: { ...zero(), abandonedAt: {} } };
  const byDay = [];
  const days = [];
  for (let i = 0, day = from; day <= to; i++, day = dayAfter(day, 1)) {
    const total = { day, ...zero(), abandonedAt: {} };
    for (const [channel, language, started] of [
      ['web', 'es', (i * 7) % 5],
      ['sms', 'en', (i * 3) % 4],
    ] as const) {
      if (!started) continue;
      const c = counts(started, i);
      days.push({ day, channel, language, ...c });
      sum(total, c);
      sum(totals, c);
      sum(byChannel[channel], c);
      sum(byLanguage[language], c);
    }
    byDay.push(total);
  }
  return {
    from,
    to,
    timeZone: 'America/Los_Angeles',
    asOf: '2026-12-07T20:00:00.000Z',
    abandonedAfterHours: 24,
    completeFrom: '2026-11-08',
    totals,
    byChannel,
    byLanguage,
    byDay,
    days,
    stepLabels: { consent: 'consent', detained: '<b>Detained now</b>' },
  };
}

export function fakeConversations() {
  const at = (h: number) => new Date(Date.UTC(2026, 11, 8, 12 - h)).toISOString();
  return [
    {
      conversationId: 'C3',
      channel: 'sms',
      language: 'es',
      startedAt: at(3),
      lastMessageAt: at(1),
      step: 'phone',
      stepLabel: 'Phone',
      waiting: true,
      idle: false,
    },
    {
      conversationId: 'C2',
      channel: 'web',
      language: 'en',
      startedAt: at(2),
      lastMessageAt: at(2),
      step: 'detained',
      stepLabel: 'Detained now',
      waiting: false,
      idle: false,
    },
    {
      conversationId: 'C1',
      channel: 'web',
      language: 'es',
      startedAt: at(40),
      lastMessageAt: at(30),
      step: 'consent',
      stepLabel: 'consent',
      waiting: false,
      idle: true,
    },
  ];
}

export interface FakeMessage {
  role: 'bot' | 'user' | 'staff';
  text: string;
  at: string;
  name?: string;
}

/** A conversation as `GET /api/staff/conversations/{id}` reads it. */
export interface FakeLive {
  conversationId: string;
  channel: 'web' | 'sms';
  language: string;
  step: string;
  done: boolean;
  takeover: { by: string; name: string; at: string } | null;
  transcript: FakeMessage[];
  /** How a text to this client goes (SMS only): sent, or the reason it is not. */
  texts: 'sent' | 'opted-out' | 'not-safe' | 'no-phone';
}

/** The conversations of the list, live: C3 waits for a person, C2 is Ben's, C1 is quiet. */
export function fakeLive(): Map<string, FakeLive> {
  const at = (h: number) => new Date(Date.UTC(2026, 11, 8, 12 - h)).toISOString();
  const all: FakeLive[] = [
    {
      conversationId: 'C3',
      channel: 'sms',
      language: 'es',
      step: 'phone',
      done: false,
      takeover: null,
      texts: 'opted-out',
      transcript: [
        { role: 'bot', text: 'Hola. Soy el asistente del despacho.\n¿En qué le ayudo?', at: at(3) },
        { role: 'user', text: 'Detuvieron a mi hermano <b>ayer</b>', at: at(3) },
        { role: 'bot', text: '¿A qué número le llamamos?', at: at(2) },
        { role: 'user', text: 'quiero hablar con una persona', at: at(1) },
      ],
    },
    {
      conversationId: 'C2',
      channel: 'web',
      language: 'en',
      step: 'detained',
      done: false,
      takeover: { by: 'ben@firm.example', name: 'Ben Ortiz', at: at(1) },
      texts: 'sent',
      transcript: [
        { role: 'bot', text: 'Hello. Is someone detained right now?', at: at(2) },
        { role: 'bot', text: 'A person of the firm joined: Ben Ortiz.', at: at(1) },
        { role: 'staff', text: 'Hi, this is Ben. How can I help?', at: at(1), name: 'Ben Ortiz' },
      ],
    },
    {
      conversationId: 'C1',
      channel: 'web',
      language: 'es',
      step: 'consent',
      done: false,
      takeover: null,
      texts: 'sent',
      transcript: [{ role: 'bot', text: '¿Acepta las condiciones?', at: at(40) }],
    },
    {
      conversationId: 'C9',
      channel: 'web',
      language: 'en',
      step: 'done',
      done: true,
      takeover: null,
      texts: 'sent',
      transcript: [{ role: 'bot', text: 'Thank you. An attorney will call you.', at: at(50) }],
    },
  ];
  return new Map(all.map((c) => [c.conversationId, c]));
}

export interface FakeApi {
  url: string;
  leads: FakeLead[];
  live: Map<string, FakeLive>;
  role: 'admin' | 'attorney' | 'staff';
  calls: string[];
  /** The next calls to these paths fail with this status, once each. */
  failNext: Map<string, number>;
  /** The client writes in a live conversation (the console sees it on its next poll). */
  clientSays(id: string, text: string): void;
  close(): Promise<void>;
}

/** The live view as the server answers it: messages from index `after` on. */
function liveView(c: FakeLive, after = 0) {
  return {
    conversationId: c.conversationId,
    channel: c.channel,
    language: c.language,
    step: c.step,
    done: c.done,
    takeover: c.takeover,
    seq: c.transcript.length,
    messages: c.transcript.slice(after).map((m, i) => ({ index: after + i, ...m })),
  };
}

function delivery(c: FakeLive) {
  if (c.channel === 'web') return { by: 'web' };
  return c.texts === 'sent' ? { by: 'sms', sent: true } : { by: 'sms', sent: false, why: c.texts };
}

export async function startFakeApi(): Promise<FakeApi> {
  const js = buildSync({
    entryPoints: [`${DIR}main.js`],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
  }).outputFiles[0]?.text;
  const html = readFileSync(`${DIR}console.html`, 'utf8');
  const css = readFileSync(`${DIR}console.css`, 'utf8');
  const notes = new Map<string, Json[]>();
  const history = new Map<string, Json[]>();
  const api: FakeApi = {
    url: '',
    leads: fakeLeads(),
    live: fakeLive(),
    role: 'admin',
    calls: [],
    failNext: new Map(),
    clientSays(id, text) {
      api.live.get(id)?.transcript.push({ role: 'user', text, at: new Date().toISOString() });
    },
    close: () => new Promise((done) => server.close(() => done())),
  };

  function send(res: ServerResponse, status: number, body?: unknown, type = 'application/json') {
    const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
    if (body !== undefined) headers['Content-Type'] = type;
    res.writeHead(status, headers);
    res.end(
      body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    );
  }
  const error = (res: ServerResponse, status: number, code: string, message: string) =>
    send(res, status, { error: { code, message } });

  async function readJson(req: IncomingMessage): Promise<Json> {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    return raw ? JSON.parse(raw) : {};
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url || '/', 'http://x');
    const path = url.pathname;
    const signedIn = /(?:^|;\s*)amparo_staff=ok/.test(req.headers.cookie || '');
    api.calls.push(`${req.method} ${path}${url.search}`);
    const failing = api.failNext.get(`${req.method} ${path}`);
    if (failing) {
      api.failNext.delete(`${req.method} ${path}`);
      return error(res, failing, 'injected', `Injected failure ${failing}`);
    }
    if (path === '/console') {
      res.setHeader('Content-Security-Policy', CSP);
      return send(res, 200, html, 'text/html; charset=utf-8');
    }
    if (path === '/console.js') return send(res, 200, js, 'application/javascript; charset=utf-8');
    if (path === '/console.css') return send(res, 200, css, 'text/css; charset=utf-8');
    if (path === '/console/sign-in') {
      const ok = url.searchParams.get('token') === 'ok';
      res.writeHead(302, {
        Location: ok ? '/console' : '/console?signin=expired',
        ...(ok ? { 'Set-Cookie': 'amparo_staff=ok; HttpOnly; SameSite=Strict; Path=/' } : {}),
      });
      return res.end();
    }
    if (path === '/api/staff/sign-in' && req.method === 'POST') return send(res, 202, {});
    if (!path.startsWith('/api/staff/')) return error(res, 404, 'not-found', 'Not found');
    if (!signedIn) return error(res, 401, 'unauthorized', 'Sign in first');
    const me = { email: 'ana@firm.example', name: 'Ana Robles', role: api.role };
    if (path === '/api/staff/me') return send(res, 200, me);
    if (path === '/api/staff/sign-out') {
      res.writeHead(204, { 'Set-Cookie': 'amparo_staff=; Max-Age=0; Path=/' });
      return res.end();
    }
    if (path === '/api/staff/funnel' && req.method === 'GET') {
      const q = url.searchParams;
      const to = q.get('to') || '2026-12-07';
      const from = q.get('from') || dayAfter(to, -29);
      if (from > to) return error(res, 400, 'invalid_request', 'from: must not be after to');
      return send(res, 200, fakeFunnel(from, to));
    }
    if (path === '/api/staff/conversations' && req.method === 'GET') {
      const waiting = url.searchParams.get('waiting') === 'true';
      const list = fakeConversations().filter((c) => !waiting || c.waiting);
      return send(res, 200, { conversations: list, more: false });
    }
    const live = /^\/api\/staff\/conversations\/([^/]+)(?:\/(takeover|messages|release))?$/.exec(
      path,
    );
    if (live) {
      const c = api.live.get(decodeURIComponent(live[1] || ''));
      if (!c) return error(res, 404, 'not-found', 'The conversation was not found');
      const action = live[2];
      const now = new Date().toISOString();
      if (!action && req.method === 'GET') {
        const after = url.searchParams.get('after');
        if (after !== null && !/^\d+$/.test(after))
          return error(res, 400, 'invalid_request', 'after: must be a whole number');
        return send(res, 200, liveView(c, Number(after || 0)));
      }
      if (!action || req.method !== 'POST') return error(res, 405, 'method', 'Method not allowed');
      const body = await readJson(req);
      if (action === 'takeover') {
        if (c.done) return error(res, 409, 'ended', 'This conversation has ended.');
        if (c.takeover && c.takeover.by !== me.email)
          return error(res, 409, 'taken-by-other', `${c.takeover.name} has it now.`);
        if (!c.takeover) {
          c.takeover = { by: me.email, name: me.name, at: now };
          c.transcript.push({ role: 'bot', text: `Se unió ${me.name}, del despacho.`, at: now });
          return send(res, 200, { ...liveView(c), delivery: delivery(c) });
        }
        return send(res, 200, { ...liveView(c), delivery: { by: 'web' } });
      }
      if (action === 'messages') {
        const text = typeof body.text === 'string' ? body.text.trim() : '';
        if (!text || text.length > 1000)
          return error(res, 400, 'invalid_request', 'text: must be 1 to 1000 characters');
        if (c.takeover?.by !== me.email)
          return error(res, 409, 'not-taken', 'Take the conversation over first.');
        c.transcript.push({ role: 'staff', text, at: now, name: me.name });
        return send(res, 200, {
          ...liveView(c, c.transcript.length - 1),
          delivery: delivery(c),
        });
      }
      if (!c.takeover) return send(res, 200, { ...liveView(c), delivery: { by: 'web' } });
      if (c.takeover.by !== me.email && me.role !== 'admin')
        return error(res, 409, 'taken-by-other', `${c.takeover.name} has it now.`);
      c.transcript.push(
        { role: 'bot', text: `${c.takeover.name} dejó la conversación.`, at: now },
        { role: 'bot', text: '¿A qué número le llamamos?', at: now },
      );
      c.takeover = null;
      return send(res, 200, { ...liveView(c), delivery: delivery(c) });
    }
    if (path === '/api/staff/leads' && req.method === 'GET') {
      const q = url.searchParams;
      const list = api.leads.filter(
        (l) =>
          (!q.get('status') || l.status === q.get('status')) &&
          (!q.get('urgency') || l.urgency === q.get('urgency')) &&
          (!q.get('channel') || l.channel === q.get('channel')) &&
          (!q.get('language') || l.language === q.get('language')) &&
          (!q.get('flag') || (l.flags as string[]).includes(q.get('flag') || '')) &&
          (!q.get('q') ||
            String(l.name)
              .toLowerCase()
              .includes((q.get('q') || '').toLowerCase())),
      );
      const from = Number(q.get('cursor') || 0);
      const page = list.slice(from, from + 5);
      const cursor = from + 5 < list.length ? String(from + 5) : null;
      return send(res, 200, { leads: page, cursor });
    }
    const m = /^\/api\/staff\/leads\/([^/]+)$/.exec(path);
    const lead = m && api.leads.find((l) => l.leadId === decodeURIComponent(m[1] || ''));
    if (!m || !lead) return error(res, 404, 'not-found', 'No such lead');
    const id = lead.leadId;
    const log = history.get(id) || [];
    history.set(id, log);
    if (req.method === 'GET') {
      log.push({ at: new Date().toISOString(), by: me.name, action: 'viewed' });
      return send(res, 200, {
        lead: detail(lead, notes.get(id) || []),
        transcript: [
          {
            role: 'bot',
            text: 'Hola. ¿En qué podemos ayudarle?\nEscriba 1 o 2.',
            at: lead.createdAt,
          },
          { role: 'user', text: 'Detuvieron a mi esposo <b>ayer</b>', at: lead.createdAt },
          { role: 'staff', text: 'Soy Ana, abogada. La llamo pronto.' },
        ],
        history: log,
        attorneys: ATTORNEYS,
        me,
      });
    }
    if (req.method === 'DELETE') {
      if (me.role !== 'admin') return error(res, 403, 'forbidden', 'Admins only');
      api.leads = api.leads.filter((l) => l.leadId !== id);
      return send(res, 204);
    }
    if (req.method === 'POST') {
      const body = await readJson(req);
      if (typeof body.status === 'string') lead.status = body.status;
      if (typeof body.assignTo === 'string')
        lead.routedTo = ATTORNEYS.find((a) => a.attorneyId === body.assignTo) || null;
      if (typeof body.note === 'string') {
        const list = notes.get(id) || [];
        list.push({ at: new Date().toISOString(), by: me.name, text: body.note });
        notes.set(id, list);
      }
      return send(res, 200, { lead: detail(lead, notes.get(id) || []) });
    }
    return error(res, 405, 'method', 'Method not allowed');
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e) => error(res, 500, 'internal', String(e)));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return api;
}
