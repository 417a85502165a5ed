/**
 * The conflict check's names in a Lambda's asset: knowledge/names.yaml, validated and written as
 * JSON at synth (infra/content.ts), read here with the same schema (no YAML parser in a function).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type NameTables, nameTables } from '../core/conflicts/names';
import { NAMES_FILE } from './content-bundle';

/**
 * The matcher's names from a function's content directory.
 *
 * @example buildConflictChecker({ client, tableName, rows: [], tables: loadBundledNameTables(dir) })
 */
export function loadBundledNameTables(dir: string): NameTables {
  return nameTables(JSON.parse(readFileSync(join(dir, NAMES_FILE), 'utf8')));
}
