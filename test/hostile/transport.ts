/**
 * Two ways to send a hostile request: into the app in-process (`app.request`, fast, for the bulk)
 * and as raw bytes on a real socket to the real server, for what only a socket shows: bytes that
 * are not UTF-8 in the path, 1 MB bodies, a Content-Length that lies, chunked bodies.
 */
import { connect } from 'node:net';
import fc from 'fast-check';
import type { App } from '../../functions/http/app';

export interface HostileRequest {
  method: string;
  /** Path and query, already percent-encoded where the URL parser needs it. */
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** The hostile strings inside, to look for in the answer. */
  payloads: string[];
}

/** What header values can carry through `Headers` (Latin-1, no NUL, CR or LF). */
export const headerSafe = (value: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  value.replace(/[\u0000\r\n]|[^\u0000-\u00ff]/g, '').trim();

/**
 * True when Node's HTTP parser refuses the request before the app sees it (a control character
 * in a header value); it then answers a bare 400 with no body, which echoes nothing.
 */
export const unparseable = (req: HostileRequest) =>
  Object.values(req.headers).some((value) => CONTROL.test(headerSafe(value)));

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0001-\u0008\u000b-\u001f\u007f]/;

export function inProcess(app: App, req: HostileRequest): Promise<Response> {
  const headers = Object.fromEntries(
    Object.entries(req.headers).map(([name, value]) => [name, headerSafe(value)]),
  );
  const raw = req.method === 'GET' || req.method === 'HEAD' ? undefined : req.body;
  const body = raw instanceof Uint8Array ? new Uint8Array(raw) : raw;
  return Promise.resolve(app.request(req.path, { method: req.method, headers, body }));
}

/** How the bytes go on the wire. */
export type Framing =
  | { kind: 'exact' }
  | { kind: 'chunked'; size: number }
  | { kind: 'short'; by: number }
  | { kind: 'declared'; length: number };

export const framing: fc.Arbitrary<Framing> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'exact' } as const) },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 1, max: 4096 })
      .map((size) => ({ kind: 'chunked', size }) as const),
  },
  // Fewer bytes declared than sent: the rest must not be read as another request.
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 40 }).map((by) => ({ kind: 'short', by }) as const),
  },
  // More declared than the limit, whatever is sent: refused before it is read.
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 16 * 1024 + 1, max: 2 ** 31 })
      .map((length) => ({ kind: 'declared', length }) as const),
  },
);

const encoder = new TextEncoder();

/** The bytes of a body: strings as UTF-8, bytes as they are. */
const asBytes = (raw: string | Uint8Array) =>
  typeof raw === 'string' ? Buffer.from(encoder.encode(raw)) : Buffer.from(raw);

/**
 * Sends `req` over a new TCP connection (Connection: close) with the given framing and reads the
 * answer. `rawPath` may hold bytes no URL parser accepts.
 */
export async function overSocket(
  url: string,
  req: HostileRequest,
  frame: Framing = { kind: 'exact' },
  rawPath?: Uint8Array,
): Promise<Response> {
  const { hostname, port } = new URL(url);
  const body = req.body === undefined ? Buffer.alloc(0) : asBytes(req.body);
  const lines = [`Host: ${hostname}:${port}`, 'Connection: close'];
  for (const [name, value] of Object.entries(req.headers))
    lines.push(`${name}: ${headerSafe(value)}`);
  let payload = body;
  if (frame.kind === 'chunked') {
    lines.push('Transfer-Encoding: chunked');
    const parts: Buffer[] = [];
    for (let i = 0; i < body.length; i += frame.size) {
      const chunk = body.subarray(i, i + frame.size);
      parts.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n'));
    }
    parts.push(Buffer.from('0\r\n\r\n'));
    payload = Buffer.concat(parts);
  } else if (frame.kind === 'short') {
    lines.push(`Content-Length: ${Math.max(0, body.length - frame.by)}`);
  } else if (frame.kind === 'declared') {
    lines.push(`Content-Length: ${frame.length}`);
  } else if (req.body !== undefined) {
    lines.push(`Content-Length: ${body.length}`);
  }
  const head = Buffer.concat([
    Buffer.from(`${req.method} `),
    rawPath ? Buffer.from(rawPath) : Buffer.from(req.path),
    Buffer.from(` HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`, 'latin1'),
  ]);
  const raw = await exchange(hostname, Number(port), Buffer.concat([head, payload]));
  return parseResponse(raw);
}

function exchange(host: string, port: number, bytes: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host, port });
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer within 10 s')));
    socket.on('data', (chunk) => chunks.push(chunk));
    // The server may answer and close before it has read everything (a 413 by Content-Length).
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' || error.code === 'EPIPE'
        ? resolve(Buffer.concat(chunks))
        : reject(error),
    );
    socket.on('close', () => resolve(Buffer.concat(chunks)));
    // Not end(): a half-closed socket makes Node's server drop an answer still being prepared.
    // Connection: close makes the server close once it has answered.
    socket.write(bytes);
  });
}

function parseResponse(raw: Buffer): Response {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) throw new Error(`no HTTP answer: ${JSON.stringify(raw.toString('latin1'))}`);
  const [statusLine = '', ...headerLines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1]);
  const headers = new Headers();
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  let body = raw.subarray(end + 4);
  if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) body = dechunk(body);
  headers.delete('transfer-encoding');
  const empty = status === 204 || status === 304 || status < 200;
  return new Response(empty ? null : new Uint8Array(body), { status, headers });
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    const eol = body.indexOf('\r\n', at);
    const size = Number.parseInt(body.subarray(at, eol).toString('latin1'), 16);
    if (!size) break;
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
