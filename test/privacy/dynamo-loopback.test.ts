/**
 * The local DynamoDB holds every conversation (A-numbers, arrest stories, the names to check for
 * conflicts) with no authentication at all: anyone who can reach its port can read the table. It
 * must listen on 127.0.0.1 only, never on the machine's other interfaces (a café's Wi-Fi, an
 * office LAN). DOMAIN.md "Safety rules".
 */
import { readFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

/** The machine's own addresses that are not loopback (Wi-Fi, Ethernet, a container's eth0). */
const outside = Object.entries(networkInterfaces()).flatMap(([name, addresses]) =>
  (addresses ?? [])
    .filter((a) => !a.internal)
    // A link-local IPv6 address is only reachable with its interface named.
    .map((a) => (a.address.startsWith('fe80:') ? `${a.address}%${name}` : a.address)),
);

/** 'open', or the error code of the refused connection (ECONNREFUSED, ETIMEDOUT...). */
function reach(host: string, port: number): Promise<string> {
  return new Promise((done) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      done('open');
    });
    socket.once('timeout', () => {
      socket.destroy();
      done('ETIMEDOUT');
    });
    socket.once('error', (e: NodeJS.ErrnoException) => done(e.code ?? e.message));
  });
}

/**
 * Linux: the local addresses of the sockets listening on `port` (from /proc/net/tcp and tcp6), as
 * the kernel writes them: 0100007F is 127.0.0.1; Java listens through an IPv6 socket, where it is
 * ::ffff:127.0.0.1 (0000000000000000FFFF00000100007F); 0…0 alone is every interface.
 */
function listeningAddresses(port: number): string[] | undefined {
  if (process.platform !== 'linux') return undefined;
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      // st 0A is LISTEN.
      .filter((f) => f[1]?.endsWith(`:${hexPort}`) && f[3] === '0A')
      .map((f) => String(f[1]).split(':')[0] ?? ''),
  );
}

const port = Number(new URL(inject('dynamoEndpoint')).port);

// A listener on every interface, as a control: it proves each address below is reachable from
// here, so a refusal on DynamoDB's port means it does not listen there, not that nothing could.
let control: Server;
let controlPort = 0;
beforeAll(async () => {
  control = createServer((s) => s.destroy());
  await new Promise<void>((done) => control.listen(0, done));
  controlPort = (control.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((done) => control.close(() => done())));

describe('the local DynamoDB (npm start, the tests)', () => {
  it('answers on 127.0.0.1', async () => {
    expect(await reach('127.0.0.1', port)).toBe('open');
  });

  it.skipIf(outside.length === 0)(
    "refuses connections on this machine's other interfaces",
    async () => {
      for (const address of outside) {
        expect(await reach(address, controlPort), `control on ${address}`).toBe('open');
        expect(await reach(address, port), `DynamoDB Local on ${address}`).not.toBe('open');
      }
    },
  );

  it.skipIf(process.platform !== 'linux')('is bound to 127.0.0.1 and to nothing else', () => {
    const loopback = ['0100007F', '0000000000000000FFFF00000100007F'];
    const addresses = listeningAddresses(port) ?? [];
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect(loopback).toContain(address);
  });
});
