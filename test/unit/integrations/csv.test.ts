/**
 * The CRM export's CSV: the columns a CRM maps, RFC 4180 quoting (commas, quotes, line breaks),
 * spreadsheet formulas neutralised, and the console's range checked.
 */
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, leadsCsv } from '../../../functions/core/integrations/csv';
import { exportQuerySchema } from '../../../functions/core/integrations/export';
import { aLead } from '../../helpers/lead';

/** A small RFC 4180 reader, to check the output the way an import would read it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

const names = (id: string) => ({ 'att-rivera': 'Ana Rivera' })[id];

describe('csvCell', () => {
  it('quotes a comma, a quote or a line break, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Lopez, Maria')).toBe('"Lopez, Maria"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(undefined)).toBe('');
  });

  it('puts a quote before what a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""x"")"',
    );
    expect(csvCell('+1+cmd|calc')).toBe("'+1+cmd|calc");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
  });

  it('leaves a plain number such as an E.164 phone as it is', () => {
    expect(csvCell('+12135550100')).toBe('+12135550100');
    expect(csvCell('-5')).toBe('-5');
  });
});

describe('leadsCsv', () => {
  it('has the columns a CRM import maps, one row per lead, CRLF ends', () => {
    const lead = aLead({
      leadId: 'L-1',
      contact: { name: 'María López García', phone: '+12135550100', email: 'maria@example.com' },
      flags: [
        { id: 'bond', reasons: ['held'], complications: [], missing: [] },
        { id: 'asylum', reasons: ['fear'], complications: [], missing: [] },
      ],
      routing: { attorneyId: 'att-rivera' },
      stage: 'contacted',
    });
    const text = leadsCsv([lead], names);
    expect(text.endsWith('\r\n')).toBe(true);
    const [head, row] = parseCsv(text);
    expect(head).toEqual([...CSV_COLUMNS]);
    expect(Object.fromEntries(head?.map((k, i) => [k, row?.[i]]) ?? [])).toEqual({
      'First name': 'María',
      'Last name': 'López García',
      Email: 'maria@example.com',
      Phone: '+12135550100',
      Language: 'es',
      Urgency: 'emergency',
      Flags: 'bond; asylum',
      Status: 'new',
      Stage: 'contacted',
      Created: lead.createdAt,
      Attorney: 'Ana Rivera',
      Source: 'Amparo web',
      'Lead ID': 'L-1',
    });
  });

  it('reads back what a client typed, commas, quotes and line breaks, with formulas defused', () => {
    const lead = aLead({
      contact: { name: '=HYPERLINK("http://evil.example") Lopez, "Jr"\nSecond line' },
    });
    const [, row] = parseCsv(leadsCsv([lead], names));
    expect(row?.[0]).toBe('\'=HYPERLINK("http://evil.example")');
    expect(row?.[1]).toBe('Lopez, "Jr" Second line');
    expect(row).toHaveLength(CSV_COLUMNS.length);
  });

  it('names the accepting attorney, and leaves the intake team empty', () => {
    const accepted = aLead({
      leadId: 'L-2',
      status: 'accepted',
      acceptedBy: { attorneyId: 'att-rivera', at: '2027-03-14T18:00:00.000Z' },
    });
    const intake = aLead({ leadId: 'L-3' });
    const [, a, b] = parseCsv(leadsCsv([accepted, intake], names));
    expect(a?.[10]).toBe('Ana Rivera');
    expect(a?.[7]).toBe('accepted');
    expect(b?.[10]).toBe('');
  });
});

describe('the export range', () => {
  const schema = exportQuerySchema('2026-12-07');
  it('defaults to the last 30 days and caps to at today', () => {
    expect(schema.parse({})).toEqual({ from: '2026-11-08', to: '2026-12-07' });
    expect(schema.parse({ from: '2026-12-01', to: '2027-01-01' })).toEqual({
      from: '2026-12-01',
      to: '2026-12-07',
    });
  });
  it('refuses a reversed range, one over a year, and a day that is not a date', () => {
    expect(schema.safeParse({ from: '2026-12-07', to: '2026-12-01' }).success).toBe(false);
    expect(schema.safeParse({ from: '2025-01-01', to: '2026-12-07' }).success).toBe(false);
    expect(schema.safeParse({ from: '2026-02-30' }).success).toBe(false);
    expect(schema.safeParse({ days: '3' }).success).toBe(false);
  });
});
