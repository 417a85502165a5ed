/**
 * Structured JSON log lines. Callers pass only ids, routes, statuses and error names: logs never
 * hold message text, names, phone numbers or A-numbers (DOMAIN.md privacy).
 */
import type { Logger } from '../core/ports';

export function jsonLogger(
  write: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Logger {
  const emit = (level: string, event: string, fields: Record<string, unknown> = {}) =>
    write(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }));
  return {
    info: (event, fields) => emit('info', event, fields),
    error: (event, fields) => emit('error', event, fields),
  };
}

export const silentLogger: Logger = { info: () => {}, error: () => {} };
