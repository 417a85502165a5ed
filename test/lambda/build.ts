/**
 * Builds a Lambda entry exactly as the stack's NodejsFunction does (infra/bundling.ts), with the
 * content files its afterBundling hook copies beside it, into a temporary directory.
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import {
  LAMBDA_BUNDLE,
  LAMBDA_ENTRIES,
  type LambdaName,
  lambdaBuildOptions,
} from '../../infra/bundling';
import { buildContentDir } from '../../infra/content';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface BuiltLambda {
  dir: string;
  file: string;
  bytes: number;
  gzipBytes: number;
  metafile: Metafile;
  remove(): void;
}

export async function buildLambda(name: LambdaName): Promise<BuiltLambda> {
  const dir = mkdtempSync(join(tmpdir(), `amparo-lambda-${name}-`));
  // The runtime provides @aws-sdk/*; here the project's node_modules stands in for it.
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const result = await build(lambdaBuildOptions(ROOT, LAMBDA_ENTRIES[name], dir));
  buildContentDir({ root: ROOT, rosterFile: 'prompts/roster.example.yaml', outDir: dir });
  const file = join(dir, LAMBDA_BUNDLE.outFile);
  const code = readFileSync(file);
  return {
    dir,
    file,
    bytes: code.length,
    gzipBytes: gzipSync(code).length,
    metafile: result.metafile as Metafile,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
