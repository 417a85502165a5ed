/**
 * Lookups in tables keyed by what a client typed. A plain object answers "constructor" or
 * "toString" with Object.prototype's functions ("constructor" is Spanish for a builder), so every
 * such lookup goes through `own`, which sees only the table's own entries.
 */

/**
 * The table's own entry for `key`, or undefined.
 *
 * @example own({ enero: 1 }, 'constructor') // undefined
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
