/**
 * The Lambda bundles' esbuild options, in one place: the stack (NodejsFunction), the bundle test
 * (test/lambda/bundle.test.ts) and the benchmark (bench/bundle.ts) all build with these, so what is
 * tested and measured is what is deployed. NodejsFunction turns the same values into its esbuild
 * command line (`--bundle <entry> --target=node22 --platform=node --format=esm --minify ...`).
 */
import { join } from 'node:path';
import type { BuildOptions } from 'esbuild';

/** An ESM bundle of CommonJS packages needs a `require` for their require('fs') and the like. */
export const ESM_REQUIRE_BANNER =
  "import{createRequire as __bcr}from'node:module';const require=__bcr(import.meta.url);";

/** The Lambda functions' entries, relative to the project root, and their handler export. */
export const LAMBDA_ENTRIES = {
  api: 'functions/lambda/api.ts',
  delivery: 'functions/lambda/delivery.ts',
  escalation: 'functions/lambda/escalation.ts',
  /** The staff console (functions/http/console.ts): its own function, off the clients' bundle. */
  staff: 'functions/lambda/staff.ts',
} as const;
export type LambdaName = keyof typeof LAMBDA_ENTRIES;

/** The options both builders share. The Node.js 22 runtime provides AWS SDK v3: kept outside. */
export const LAMBDA_BUNDLE = {
  target: 'node22',
  format: 'esm',
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  external: ['@aws-sdk/*'],
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  /** NodejsFunction names an ESM bundle index.mjs. */
  outFile: 'index.mjs',
} as const;

/**
 * The esbuild API options that produce exactly NodejsFunction's bundle of `entry` into `outdir`.
 *
 * @example await build(lambdaBuildOptions(root, LAMBDA_ENTRIES.api, 'dist/api'))
 */
export function lambdaBuildOptions(root: string, entry: string, outdir: string): BuildOptions {
  return {
    absWorkingDir: root,
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'node',
    target: LAMBDA_BUNDLE.target,
    format: LAMBDA_BUNDLE.format,
    minify: LAMBDA_BUNDLE.minify,
    sourcemap: LAMBDA_BUNDLE.sourcemap,
    sourcesContent: LAMBDA_BUNDLE.sourcesContent,
    external: [...LAMBDA_BUNDLE.external],
    mainFields: [...LAMBDA_BUNDLE.mainFields],
    banner: { js: LAMBDA_BUNDLE.banner },
    outfile: join(outdir, LAMBDA_BUNDLE.outFile),
    metafile: true,
    logLevel: 'silent',
  };
}
