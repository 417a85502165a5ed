import { jsonLogger } from '../../functions/adapters/log';
import type { Logger } from '../../functions/core/ports';

/** A logger that keeps its lines, so tests can check what the process would have logged. */
export function memoryLogger(lines: string[]): Logger {
  return jsonLogger((line) => lines.push(line));
}
