/**
 * The conflict check's evaluation: each pair of a set (`a` as typed in an intake, `b` on the
 * firm's list, whether they should match) through the matcher, counted as precision and recall;
 * and the time to check a lead against a list of 5,000 names. Shared by `npm run eval:conflicts`
 * and test/unit/conflicts-eval.test.ts.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import * as z from 'zod';
import {
  type ConflictRow,
  findConflicts,
  indexConflicts,
  MATCH_THRESHOLD,
  matchNames,
  parseName,
} from '../../functions/core/conflicts/conflicts';
import type { NameTables } from '../../functions/core/conflicts/names';

export const PairSetSchema = z.strictObject({
  pairs: z
    .array(
      z.strictObject({
        a: z.string().min(1),
        b: z.string().min(1),
        match: z.boolean(),
        why: z.string().min(1),
      }),
    )
    .min(1),
});
export type PairSet = z.infer<typeof PairSetSchema>;

export function loadPairSet(path = 'test/conflicts/names.yaml'): PairSet {
  return PairSetSchema.parse(parse(readFileSync(path, 'utf8')));
}

export interface PairReport {
  total: number;
  positives: number;
  negatives: number;
  truePositives: number;
  falsePositives: number;
  precision: number;
  recall: number;
  misses: Array<{
    a: string;
    b: string;
    expected: boolean;
    score: number;
    why: string[];
    note: string;
  }>;
}

export function evaluatePairs(set: PairSet, tables: NameTables): PairReport {
  let tp = 0;
  let fp = 0;
  let positives = 0;
  const misses: PairReport['misses'] = [];
  for (const pair of set.pairs) {
    const found = matchNames(parseName(pair.a, tables), parseName(pair.b, tables), tables);
    const matched = Boolean(found && found.score >= MATCH_THRESHOLD);
    if (pair.match) positives++;
    if (matched && pair.match) tp++;
    if (matched && !pair.match) fp++;
    if (matched !== pair.match)
      misses.push({
        a: pair.a,
        b: pair.b,
        expected: pair.match,
        score: found?.score ?? 0,
        why: found?.why ?? [],
        note: pair.why,
      });
  }
  return {
    total: set.pairs.length,
    positives,
    negatives: set.pairs.length - positives,
    truePositives: tp,
    falsePositives: fp,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: positives === 0 ? 1 : tp / positives,
    misses,
  };
}

/** A list of `size` made-up names, built from a fixed seed: Spanish and English, both surnames. */
export function syntheticList(size: number): ConflictRow[] {
  const given = [
    'María',
    'José',
    'Juan',
    'Ana',
    'Luis',
    'Rosa',
    'Carlos',
    'Guadalupe',
    'Jesús',
    'Francisco',
    'Miguel',
    'Carmen',
    'Pedro',
    'Sofía',
    'Jorge',
    'Elena',
    'Ricardo',
    'Patricia',
    'William',
    'Mary',
    'James',
    'Linda',
    'Héctor',
    'Teresa',
    'Raúl',
    'Lucía',
    'Fernando',
    'Isabel',
    'Javier',
    'Verónica',
  ];
  const surnames = [
    'García',
    'Hernández',
    'López',
    'Martínez',
    'González',
    'Pérez',
    'Rodríguez',
    'Sánchez',
    'Ramírez',
    'Torres',
    'Flores',
    'Rivera',
    'Gómez',
    'Díaz',
    'Reyes',
    'Cruz',
    'Morales',
    'Ortiz',
    'Gutiérrez',
    'Chávez',
    'Ramos',
    'Ruiz',
    'Mendoza',
    'Vásquez',
    'Castillo',
    'Jiménez',
    'Moreno',
    'Romero',
    'Smith',
    'Johnson',
    'Brown',
    'Nguyen',
    'Soto',
    'Vega',
    'Rojas',
    'Salazar',
    'Aguilar',
    'Medina',
    'Herrera',
    'Castro',
  ];
  // mulberry32: a small seeded generator, so the list is the same on every run.
  let seed = 42;
  const next = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  const roles = ['client', 'former-client', 'adverse'] as const;
  return Array.from({ length: size }, (_, i) => {
    const two = next(3) === 0;
    const name = [
      given[next(given.length)],
      ...(two ? [given[next(given.length)]] : []),
      surnames[next(surnames.length)],
      ...(next(2) ? [surnames[next(surnames.length)]] : []),
    ].join(' ');
    return { name, role: roles[next(3)] as ConflictRow['role'], matter: `M-${i}` };
  });
}

/**
 * Median and 95th-percentile time (ms) to check one lead (a client and two adverse parties)
 * against `size` names, after a few warm-up checks; and the time to read the list once.
 */
export function timeCheck(tables: NameTables, size = 5000, runs = 60) {
  const built = performance.now();
  const index = indexConflicts(syntheticList(size), tables);
  const indexMs = performance.now() - built;
  const leads = [
    {
      client: 'Maria Lopez',
      adverseParties: 'mi ex esposo Jose Hernandez y su hermano Pepe Hernandez',
    },
    { client: 'Juan Carlos Garcia Perez', adverseParties: 'Ricardo Gomes; the landlord Mr. Smith' },
    { client: 'Guadalupe Rodrigez', adverseParties: 'Chuy Ramirez, Beto Flores' },
  ];
  for (const lead of leads) findConflicts(index, lead);
  const times: number[] = [];
  let matches = 0;
  for (let r = 0; r < runs; r++) {
    const lead = leads[r % leads.length] as (typeof leads)[number];
    const t = performance.now();
    matches += findConflicts(index, lead).length;
    times.push(performance.now() - t);
  }
  times.sort((x, y) => x - y);
  return {
    size,
    indexMs,
    medianMs: times[Math.floor(times.length / 2)] ?? 0,
    p95Ms: times[Math.floor(times.length * 0.95)] ?? 0,
    matchesPerLead: matches / runs,
  };
}
