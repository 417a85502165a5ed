/**
 * Files of the conflict check: the firm's list (CONFLICTS_FILE, a CSV of name,role,matter) and
 * the names the matcher knows (knowledge/names.yaml). Read once at start; a bad row stops the
 * start with the file and the line named.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ConflictRow } from '../core/conflicts/conflicts';
import { ConflictCsvError, parseConflictCsv } from '../core/conflicts/csv';
import { type NameTables, nameTables } from '../core/conflicts/names';
import { ContentError } from './content-errors';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The rows of a conflict list file.
 *
 * @throws ContentError "conflicts.csv line 7: role must be client, former-client or adverse"
 * @example loadConflictsFile('firm/conflicts.csv').length // 1204
 */
export function loadConflictsFile(path: string): ConflictRow[] {
  let text: string;
  try {
    text = utf8.decode(readFileSync(path));
  } catch (cause) {
    const why = cause instanceof TypeError ? 'is not UTF-8 text' : 'cannot be read';
    throw new ContentError(`CONFLICTS_FILE ${path} ${why}`, { cause });
  }
  try {
    return parseConflictCsv(text);
  } catch (error) {
    if (error instanceof ConflictCsvError) {
      throw new ContentError(`CONFLICTS_FILE ${path} ${error.message}`, { cause: error });
    }
    throw error;
  }
}

/** The matcher's names (knowledge/names.yaml under `root`), validated. */
export function loadNameTables(root: string): NameTables {
  const path = join(root, 'knowledge', 'names.yaml');
  try {
    return nameTables(parse(readFileSync(path, 'utf8')));
  } catch (cause) {
    const issues =
      cause && typeof cause === 'object' && 'issues' in cause && Array.isArray(cause.issues)
        ? cause.issues
            .map(
              (i: { path: PropertyKey[]; message: string }) => `${i.path.join('.')}: ${i.message}`,
            )
            .join('; ')
        : String(cause);
    throw new ContentError(`${path}: ${issues}`, { cause });
  }
}
