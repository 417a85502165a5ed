/** Small numeric helpers for the benchmark: percentiles, medians, formatting. */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/** Nearest-rank percentile (p in 0..1) of unsorted samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export const median = (samples: readonly number[]) => percentile(samples, 0.5);

export interface Latency {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export function latency(samples: readonly number[], digits = 2): Latency {
  return {
    n: samples.length,
    p50: round(percentile(samples, 0.5), digits),
    p99: round(percentile(samples, 0.99), digits),
    max: round(percentile(samples, 1), digits),
  };
}

export const round = (value: number, digits = 2) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

export const ms = (value: number) =>
  `${value.toFixed(value < 1 ? 3 : value < 10 ? 2 : value < 100 ? 1 : 0)} ms`;

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export const ratio = (value: number) => `${value.toFixed(2)}×`;

/**
 * The size DynamoDB charges for an item, from its raw attribute values, by the rules AWS
 * documents (names and values in UTF-8 bytes, numbers about one byte per two digits, three bytes
 * of overhead per map or list and one per list element). An estimate, close enough to compare.
 */
export function itemSize(item: Record<string, AttributeValue>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item))
    size += Buffer.byteLength(name) + valueSize(value);
  return size;
}

function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return Math.ceil(value.N.replace(/[-.]/g, '').length / 2) + 1;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.B !== undefined) return value.B.length;
  if (value.M !== undefined) return 3 + itemSize(value.M) + Object.keys(value.M).length;
  if (value.L !== undefined) return 3 + value.L.reduce((s, v) => s + valueSize(v) + 1, 0);
  if (value.SS !== undefined) return value.SS.reduce((s, v) => s + Buffer.byteLength(v), 0);
  if (value.NS !== undefined) return value.NS.reduce((s, v) => s + v.length, 0);
  return 0;
}

/** Runs `task` over `items` with at most `limit` in flight; resolves when all are done. */
export async function pool<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
