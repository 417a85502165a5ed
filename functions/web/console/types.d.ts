/** The shapes of the staff API (API.md "Staff (the console)") as the console reads them. */

export type Urgency = 'emergency' | 'high' | 'normal';
export type LeadStatus =
  | 'new'
  | 'contacted'
  | 'consult-booked'
  | 'retained'
  | 'not-retained'
  | 'closed';

/** A lead of `GET /api/staff/leads`. */
export interface BoardLead {
  leadId: string;
  createdAt: string;
  urgency: Urgency | string;
  flags: string[];
  name: string | null;
  location: string | null;
  language: string;
  channel: 'web' | 'sms' | string;
  status: LeadStatus | string;
  offer?: 'new' | 'accepted' | 'declined' | string;
  routedTo: { attorneyId: string; name: string } | null;
  conflicts: unknown[];
  possibleDuplicateOf?: string | null;
}

export interface Filters {
  status?: string;
  urgency?: string;
  flag?: string;
  language?: string;
  channel?: string;
  q?: string;
}

export interface DateOptions {
  locale?: string;
  timeZone?: string;
  now?: string | number | Date;
}
