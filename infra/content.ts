/**
 * Build-time content for the Lambda assets: reads and validates prompts/, knowledge/, the firm
 * file, the roster and the web assets exactly as the local server does, and writes content.json,
 * widget.js, chat.js, demo.html, the console's files and the conflict check's names.json into a
 * directory (functions/adapters/content-bundle.ts). Bad content
 * fails `cdk synth`, before anything is deployed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { loadNameTables } from '../functions/adapters/conflicts-file';
import { NAMES_FILE, writeContentBundle } from '../functions/adapters/content-bundle';
import {
  knowledgeAnalysis,
  loadWebAssets,
  readContentInputs,
} from '../functions/adapters/content-files';
import { loadRoster } from '../functions/adapters/roster-file';
import type { Firm } from '../functions/core/content';
import type { Roster } from '../functions/core/routing/roster';

export interface ContentBuildOptions {
  root: string;
  firmFile?: string;
  rosterFile: string;
  /** Where to write; a fresh temporary directory by default. */
  outDir?: string;
}

/** Writes the content bundle and returns its directory, the firm's settings and the roster. */
export function buildContentDir(options: ContentBuildOptions): {
  dir: string;
  firm: Firm;
  roster: Roster;
} {
  const dir = options.outDir ?? mkdtempSync(join(tmpdir(), 'amparo-content-'));
  const inputs = readContentInputs({ root: options.root, firmFile: options.firmFile });
  const roster = loadRoster(resolve(options.root, options.rosterFile));
  writeContentBundle(
    dir,
    { ...inputs, roster, assets: loadWebAssets(options.root) },
    knowledgeAnalysis(options.root, inputs),
  );
  // The conflict check's names, checked as the local server reads them, then written as JSON.
  loadNameTables(options.root);
  const names = parse(readFileSync(join(options.root, 'knowledge', 'names.yaml'), 'utf8'));
  writeFileSync(join(dir, NAMES_FILE), JSON.stringify(names));
  return { dir, firm: inputs.firm, roster };
}
