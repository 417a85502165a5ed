/**
 * Which conflict list a lead is checked against, and when it is read: the list uploaded in the
 * console (stored in the table) when there is one, else CONFLICTS_FILE's, else none. The check
 * runs only when a lead is built or updated, never on an ordinary turn; the stored list's
 * pointer is read at most once a minute per process (the rows again only when it changed), so a
 * lead turn costs one GetItem a minute at most, and an upload reaches every process within it.
 */
import type { Logger } from '../ports';
import { retryOnConflict } from '../retry';
import {
  type ConflictIndex,
  type ConflictMatch,
  type ConflictRow,
  findConflicts,
  indexConflicts,
  type LeadNames,
} from './conflicts';
import type { NameTables } from './names';

/** The uploaded list's pointer: which upload is current, how many rows, who and when. */
export interface ConflictListMeta {
  uploadId: string;
  count: number;
  uploadedAt: string;
  uploadedBy: string;
  /** How many stored parts hold its rows. */
  parts: number;
  version: number;
}

/** The uploaded list in the table (functions/adapters/dynamo-conflicts.ts). */
export interface ConflictListStore {
  meta(): Promise<ConflictListMeta | undefined>;
  /** The rows of an upload; undefined when they are gone (a newer upload replaced them). */
  rows(meta: ConflictListMeta): Promise<ConflictRow[] | undefined>;
  /** Stores `rows` as the list, replacing the one at `expected` (VersionConflictError if moved). */
  replace(
    rows: ConflictRow[],
    who: { by: string; at: string },
    expected: ConflictListMeta | undefined,
  ): Promise<ConflictListMeta>;
}

export interface ConflictSummary {
  /** `upload`: the console's; `file`: CONFLICTS_FILE's; `none`: no list, nothing is checked. */
  source: 'upload' | 'file' | 'none';
  count: number;
  uploadedAt?: string;
  uploadedBy?: string;
}

export interface ConflictChecker {
  /** The possible conflicts of a lead's names against the current list. */
  check(names: LeadNames): Promise<ConflictMatch[]>;
  summary(): Promise<ConflictSummary>;
  /** Replaces the uploaded list (the console's upload); it takes precedence over the file. */
  replace(rows: ConflictRow[], who: { by: string; at: string }): Promise<ConflictSummary>;
}

export interface ConflictCheckerDeps {
  store?: ConflictListStore;
  /** CONFLICTS_FILE's rows, read at start. */
  fileRows?: ConflictRow[];
  tables: NameTables;
  now: () => Date;
  log?: Logger;
  /** How long the stored pointer is trusted before it is read again. */
  ttlSeconds?: number;
}

/**
 * The conflict check with its list: cached in the process, read again at most every
 * `ttlSeconds`.
 *
 * @example const checker = conflictChecker({ store, fileRows, tables, now }); await checker.check({ client: 'Maria Lopez' })
 */
export function conflictChecker(deps: ConflictCheckerDeps): ConflictChecker {
  const ttl = (deps.ttlSeconds ?? 60) * 1000;
  const fileIndex = deps.fileRows?.length ? indexConflicts(deps.fileRows, deps.tables) : undefined;
  let stored: { meta: ConflictListMeta; index: ConflictIndex } | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;

  const refresh = async (): Promise<void> => {
    if (!deps.store) return;
    const now = deps.now().getTime();
    if (now - checkedAt < ttl) return;
    for (let attempt = 0; attempt < 2; attempt++) {
      const meta = await deps.store.meta();
      if (!meta) {
        stored = undefined;
        break;
      }
      if (stored?.meta.uploadId === meta.uploadId) break;
      const rows = await deps.store.rows(meta);
      // Replaced between the two reads: read the pointer again.
      if (!rows) continue;
      stored = { meta, index: indexConflicts(rows, deps.tables) };
      break;
    }
    checkedAt = now;
  };

  const current = async (): Promise<ConflictIndex | undefined> => {
    try {
      await refresh();
    } catch (error) {
      // A lead must not be lost for the check: use the list last read (or the file's), and say so.
      deps.log?.error('conflicts_list_unavailable', { error: (error as Error).name });
    }
    return stored?.index ?? fileIndex;
  };

  const summaryOf = (): ConflictSummary => {
    if (stored) {
      const { count, uploadedAt, uploadedBy } = stored.meta;
      return { source: 'upload', count, uploadedAt, uploadedBy };
    }
    if (fileIndex) return { source: 'file', count: fileIndex.rows.length };
    return { source: 'none', count: 0 };
  };

  return {
    async check(names) {
      const index = await current();
      return index ? findConflicts(index, names) : [];
    },
    async summary() {
      checkedAt = Number.NEGATIVE_INFINITY;
      await refresh();
      return summaryOf();
    },
    async replace(rows, who) {
      if (!deps.store) throw new Error('no store for an uploaded conflict list');
      const store = deps.store;
      // Two uploads at once: the later one is the list; each writes over the pointer it read.
      const meta = await retryOnConflict(async () => store.replace(rows, who, await store.meta()));
      stored = { meta, index: indexConflicts(rows, deps.tables) };
      checkedAt = deps.now().getTime();
      return summaryOf();
    },
  };
}
