/**
 * Holds the conflict check at its measured figures on test/conflicts/names.yaml (`npm run
 * eval:conflicts` prints them). The set was written with the rules and tuned on, so it measures
 * regressions, not how well new names are matched: that is the blind set's job, run separately.
 */
import { describe, expect, it } from 'vitest';
import { loadNameTables } from '../../functions/adapters/conflicts-file';
import { evaluatePairs, loadPairSet, timeCheck } from '../conflicts/evaluate';

const tables = loadNameTables(process.cwd());

describe('the conflict check on its tuning set', () => {
  const report = evaluatePairs(loadPairSet(), tables);

  it('has at least 120 pairs, both kinds', () => {
    expect(report.total).toBeGreaterThanOrEqual(120);
    expect(report.positives).toBeGreaterThanOrEqual(50);
    expect(report.negatives).toBeGreaterThanOrEqual(50);
  });

  // 2026-12-07: 140 pairs (87 should match, 53 should not): precision 100%, recall 100%.
  it('flags nothing that should not be flagged (precision 100%)', () => {
    expect(report.misses.filter((m) => !m.expected)).toEqual([]);
    expect(report.precision).toBe(1);
  });

  it('flags every pair that should be (recall 100%)', () => {
    expect(report.misses.filter((m) => m.expected)).toEqual([]);
    expect(report.recall).toBe(1);
  });
});

describe('the conflict check on its blind set', () => {
  // test/conflicts/blind-2026-12.yaml: 150 pairs (60 should match, 90 should not) written on
  // 2026-12-07 by someone who saw neither the matcher nor its tuning set, run once after the
  // matcher was done, misses unread. First run, held here: precision 85.7% (9 flagged that
  // should not be), recall 90.0% (6 of 60 missed).
  const report = evaluatePairs(loadPairSet('test/conflicts/blind-2026-12.yaml'), tables);

  it('keeps precision and recall at or above its first run', () => {
    expect(report.total).toBe(150);
    expect(report.precision).toBeGreaterThanOrEqual(0.857);
    expect(report.recall).toBeGreaterThanOrEqual(0.9);
  });
});

describe('the conflict check is fast', () => {
  // Measured 2026-12-07 on two loaded cores: median 2 to 8 ms a lead against 5,000 names. The
  // floor is loose on purpose: a shared test machine is slower than a quiet one.
  it('checks a lead against 5,000 names in well under 50 ms (median)', () => {
    const time = timeCheck(tables, 5000, 30);
    expect(time.medianMs).toBeLessThan(50);
  });
});
