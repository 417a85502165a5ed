/**
 * The firm's conflict list as CSV (RFC 4180): a header `name,role,matter` (any order, any case;
 * `matter` may be left out), fields in double quotes when they hold a comma, a quote ("") or a
 * line break, UTF-8 with or without a byte-order mark, CRLF or LF. Blank lines are skipped. A
 * bad row is refused with its line number, so nothing half-read is ever used.
 */
import { type ConflictRow, ConflictRowSchema } from './conflicts';

export class ConflictCsvError extends Error {
  override name = 'ConflictCsvError';
  constructor(
    message: string,
    /** The line of the file the problem is on (1 is the header). */
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** The most rows a list may have: far more than a firm's, few enough to check a lead fast. */
export const MAX_CONFLICT_ROWS = 50_000;

/** Splits CSV text into records of fields, each with the line it starts on. */
function records(text: string): Array<{ line: number; fields: string[] }> {
  const out: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const end = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0]?.trim()) out.push({ line: start, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === '"') {
      throw new ConflictCsvError('a quote inside a field that does not start with one', line);
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      end();
      line++;
      start = line;
    } else field += c;
    i++;
  }
  if (quoted) throw new ConflictCsvError('a quoted field is not closed', start);
  end();
  return out;
}

/**
 * The rows of a conflict list in CSV, validated; throws ConflictCsvError naming the line.
 *
 * @example parseConflictCsv('name,role,matter\n"López, María",adverse,2023-114\n') // [{ name: 'López, María', role: 'adverse', matter: '2023-114' }]
 */
export function parseConflictCsv(text: string): ConflictRow[] {
  const all = records(text.replace(/^\uFEFF/, ''));
  const header = all[0];
  if (!header)
    throw new ConflictCsvError('the file is empty: the first line must be name,role,matter', 1);
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const at = {
    name: columns.indexOf('name'),
    role: columns.indexOf('role'),
    matter: columns.indexOf('matter'),
  };
  if (at.name < 0 || at.role < 0) {
    throw new ConflictCsvError('the header must name the columns name,role,matter', header.line);
  }
  const rows: ConflictRow[] = [];
  for (const record of all.slice(1)) {
    if (record.fields.length > columns.length) {
      throw new ConflictCsvError(
        `${record.fields.length} fields where the header has ${columns.length} (quote a name with a comma)`,
        record.line,
      );
    }
    const value = (i: number) => (i < 0 ? undefined : (record.fields[i] ?? '').trim());
    const parsed = ConflictRowSchema.safeParse({
      name: value(at.name) ?? '',
      role: (value(at.role) ?? '').toLowerCase(),
      matter: value(at.matter) ?? '',
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConflictCsvError(
        `${issue?.path.join('.') || 'row'} ${issue?.message ?? 'is not valid'}`,
        record.line,
      );
    }
    rows.push(parsed.data);
    if (rows.length > MAX_CONFLICT_ROWS) {
      throw new ConflictCsvError(`more than ${MAX_CONFLICT_ROWS} rows`, record.line);
    }
  }
  return rows;
}
