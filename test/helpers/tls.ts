/**
 * A self-signed certificate for localhost and 127.0.0.1, made once per test process with the
 * openssl command (no key is kept in the repository), for local TLS peers such as an SMTP server
 * with STARTTLS. A client trusts it by passing `cert` as its `ca`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LocalCert {
  key: string;
  cert: string;
}

let made: LocalCert | undefined;

export function localhostCert(): LocalCert {
  if (made) return made;
  const dir = mkdtempSync(join(tmpdir(), 'amparo-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    made = {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
    return made;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
