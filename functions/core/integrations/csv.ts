/**
 * Leads as CSV for a CRM's import (README "Exporting leads"): one row per lead, the columns CRMs
 * map (first and last name, email, phone, language, urgency, flags, status, stage, created,
 * attorney, source, lead id). RFC 4180 quoting, CRLF line ends; a cell a spreadsheet would run as
 * a formula (starting with =, +, -, @, a tab or a carriage return) gets a ' first, except a plain
 * number such as an E.164 phone (+12135550100), which runs nothing.
 */
import type { Lead } from '../leads/lead';
import { splitName } from './payloads';

export const CSV_COLUMNS = [
  'First name',
  'Last name',
  'Email',
  'Phone',
  'Language',
  'Urgency',
  'Flags',
  'Status',
  'Stage',
  'Created',
  'Attorney',
  'Source',
  'Lead ID',
] as const;

const FORMULA = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * One cell: neutralised if a spreadsheet would read it as a formula, quoted if it holds a comma,
 * a quote or a line break.
 *
 * @example csvCell('=HYPERLINK("x")') // '"\'=HYPERLINK(""x"")"'
 */
export function csvCell(value: string | undefined | null): string {
  let text = value ?? '';
  if (FORMULA.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: Array<string | undefined | null>) => cells.map(csvCell).join(',');

/**
 * The CSV of some leads, header first. `attorneyName` names an attorney id (the roster's).
 *
 * @example leadsCsv([lead], (id) => roster.attorneys.find((a) => a.id === id)?.name)
 */
export function leadsCsv(leads: Lead[], attorneyName: (id: string) => string | undefined): string {
  const rows = leads.map((lead) => {
    const name = lead.contact.name ?? lead.facts.name;
    const { first, last } = name ? splitName(name) : { first: '', last: '' };
    const attorney = lead.acceptedBy?.attorneyId ?? lead.routing.attorneyId;
    return line([
      first,
      last === '-' ? '' : last,
      lead.contact.email,
      lead.contact.phone ?? lead.facts.phone,
      lead.language,
      lead.urgency,
      lead.flags.map((f) => f.id).join('; '),
      lead.status,
      lead.stage ?? 'new',
      lead.createdAt,
      attorney ? (attorneyName(attorney) ?? attorney) : '',
      `Amparo ${lead.channel}`,
      lead.leadId,
    ]);
  });
  return `${[line([...CSV_COLUMNS]), ...rows].join('\r\n')}\r\n`;
}
