/**
 * Figure 6: the API Lambda's bundle, built with the stack's own esbuild options
 * (infra/bundling.ts) and run from a directory holding the prebuilt content.json as the deployed
 * asset does, and its cold module init, against a bare Hono app bundled the same way.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { LAMBDA_BUNDLE, LAMBDA_ENTRIES, lambdaBuildOptions } from '../infra/bundling';
import { buildContentDir } from '../infra/content';
import { median, round } from './stats';

const BARE_HONO = `
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
const app = new Hono().get('/', (c) => c.text('ok'));
export const handler = handle(app);
`;

// Only the content load the API does at init, timed by itself (globalThis.__benchMs).
const CONTENT_ONLY = `
import { loadBundledContent } from './functions/adapters/content-bundle';
const started = performance.now();
loadBundledContent(process.env.CONTENT_DIR ?? process.cwd());
globalThis.__benchMs = performance.now() - started;
`;

// Imports the bundle and prints how long the process had been alive, and how long the import took.
const INIT_SCRIPT = `
const before = performance.now();
await import(process.argv[2]);
const after = performance.now();
process.stdout.write(JSON.stringify({ before, after, inner: globalThis.__benchMs ?? null }));
`;

export interface BundleFigure {
  name: string;
  bytes: number;
  gzipBytes: number;
  /** Median over the spawns of performance.now() right after the import (process start = 0). */
  initMs: number;
  /** Median time of the import itself (module load and top-level code). */
  importMs: number;
  /** Median of what the bundle timed itself (content-only: loadContent). */
  innerMs?: number;
  spawns: number;
  /** Largest inputs by bytes in the output (the size profile). */
  largest: { input: string; bytes: number }[];
}

export interface BundleReport {
  /** The Lambda's shape: the runtime ships AWS SDK v3, so @aws-sdk/* stays outside. */
  api: BundleFigure;
  /** Everything inside, AWS SDK included. */
  apiWithSdk: BundleFigure;
  bareHono: BundleFigure;
  /** Just loadBundledContent (content.json, validation, the knowledge index), cold, as the API does at init. */
  contentOnly: BundleFigure;
}

/** Groups the metafile's inputs by package (or by our own top folder) and lists the largest. */
function largestInputs(metafile: Metafile, count: number) {
  const sizes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
      // zod's translated error messages are a large part of it: shown apart.
      const name = input.includes('/zod/v4/locales/')
        ? 'zod/v4/locales'
        : (pkg ?? input.split('/').slice(0, 2).join('/'));
      sizes.set(name, (sizes.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...sizes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([input, bytes]) => ({ input, bytes }));
}

async function bundle(
  dir: string,
  name: string,
  source: Pick<BuildOptions, 'entryPoints' | 'stdin' | 'external'>,
  root: string,
) {
  // The stack's options; only the entry (or stdin) and, for one figure, the externals differ.
  const options = lambdaBuildOptions(root, LAMBDA_ENTRIES.api, dir);
  const outfile = join(dir, `${name}.mjs`);
  const result = await build({
    ...options,
    entryPoints: source.entryPoints,
    stdin: source.stdin,
    external: source.external ?? [],
    outfile,
  });
  const code = readFileSync(outfile);
  return {
    outfile,
    bytes: code.length,
    gzipBytes: gzipSync(code).length,
    metafile: result.metafile as Metafile,
  };
}

function coldInit(script: string, bundlePath: string, env: Record<string, string>, spawns: number) {
  const inits: number[] = [];
  const imports: number[] = [];
  const inner: number[] = [];
  for (let i = 0; i < spawns; i++) {
    const run = spawnSync(process.execPath, [script, bundlePath], {
      env,
      encoding: 'utf8',
      timeout: 30_000,
    });
    if (run.status !== 0) {
      throw new Error(`bench: cold init of ${bundlePath} failed:\n${run.stderr.slice(-2000)}`);
    }
    const times = JSON.parse(run.stdout) as { before: number; after: number; inner: number | null };
    inits.push(times.after);
    imports.push(times.after - times.before);
    if (times.inner !== null) inner.push(times.inner);
  }
  return {
    initMs: round(median(inits)),
    importMs: round(median(imports)),
    ...(inner.length ? { innerMs: round(median(inner)) } : {}),
  };
}

export async function bundleFigures(
  root: string,
  runtimeEnv: Record<string, string>,
  spawns = 5,
): Promise<BundleReport> {
  const dir = mkdtempSync(join(tmpdir(), 'amparo-bench-'));
  try {
    // The SDK-external bundle resolves @aws-sdk/* at run time, as the Lambda runtime provides it.
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const script = join(dir, 'init.mjs');
    writeFileSync(script, INIT_SCRIPT);
    // The deployed asset: content.json, widget.js and demo.html beside the bundle.
    buildContentDir({ root, rosterFile: 'prompts/roster.example.yaml', outDir: dir });
    const env = {
      PATH: process.env.PATH ?? '',
      // The link secret comes from Secrets Manager on AWS; the bench gives it directly.
      LINK_SECRET: 'bench-link-secret-0123456789abcdefghijklmnop',
      ...runtimeEnv,
      CONTENT_DIR: dir,
    };
    const entry = join(root, LAMBDA_ENTRIES.api);
    const specs: [string, Pick<BuildOptions, 'entryPoints' | 'stdin' | 'external'>][] = [
      ['api', { entryPoints: [entry], external: [...LAMBDA_BUNDLE.external] }],
      ['api-with-sdk', { entryPoints: [entry] }],
      [
        'bare-hono',
        {
          stdin: {
            contents: BARE_HONO,
            resolveDir: root,
            sourcefile: 'bare-hono.ts',
            loader: 'ts',
          },
        },
      ],
      [
        'content-only',
        {
          stdin: {
            contents: CONTENT_ONLY,
            resolveDir: root,
            sourcefile: 'content-only.ts',
            loader: 'ts',
          },
        },
      ],
    ];
    const figures: BundleFigure[] = [];
    for (const [name, source] of specs) {
      const built = await bundle(dir, name, source, root);
      figures.push({
        name,
        bytes: built.bytes,
        gzipBytes: built.gzipBytes,
        ...coldInit(script, built.outfile, env, spawns),
        spawns,
        largest: largestInputs(built.metafile, 6),
      });
    }
    const [api, apiWithSdk, bareHono, contentOnly] = figures as [
      BundleFigure,
      BundleFigure,
      BundleFigure,
      BundleFigure,
    ];
    return { api, apiWithSdk, bareHono, contentOnly };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
