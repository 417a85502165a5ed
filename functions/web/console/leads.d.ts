import type { BoardLead, DateOptions } from './types';

export interface Warning {
  kind: 'conflict' | 'duplicate';
  text: string;
  detail: string;
  href?: string;
}

export interface LeadRow {
  id: string;
  href: string;
  name: string;
  named: boolean;
  createdAt: string;
  created: string;
  urgency: { level: string; label: string; icon: string };
  status: string;
  offer: string;
  flags: string[];
  language: string;
  channel: string;
  location: string;
  assigned: string;
  warnings: Warning[];
  attention: boolean;
}

export function needsAttention(lead: BoardLead | null | undefined): boolean;
export function groupLeads(leads: BoardLead[] | null | undefined): {
  attention: BoardLead[];
  others: BoardLead[];
};
export function leadWarnings(lead: BoardLead): Warning[];
export function leadRow(lead: BoardLead, opts?: DateOptions): LeadRow;
