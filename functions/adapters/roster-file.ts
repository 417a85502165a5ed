/** Reads the attorney roster (ROSTER_FILE, default prompts/roster.example.yaml) and validates it. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseRoster, type Roster } from '../core/routing/roster';

export function loadRoster(path: string): Roster {
  return parseRoster(parse(readFileSync(path, 'utf8')), path);
}
