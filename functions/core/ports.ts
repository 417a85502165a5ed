/**
 * The ports: every way the domain reaches the outside (its stores, the text sender, the mailer,
 * the log), declared once. Adapters in functions/adapters/ implement them; the composition root
 * (functions/deps.ts) hands them to the core; tests pass their own. Clocks, id and secret makers
 * are plain functions on the deps (`now`, `newId`, ...), not ports.
 */
import type { SmsLine } from './channels/sms/line';
import type { Conversation } from './conversation';
import type { LeadEmail } from './leads/email';
import type { Lead } from './leads/lead';
import type { ConversationSummary } from './staff/conversations';

/**
 * Structured log lines. Callers pass only ids, routes, statuses and error names: logs never hold
 * message text, names, phone numbers or A-numbers (DOMAIN.md privacy).
 */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export interface ConversationStore {
  /** Creates a new conversation; fails if the id exists. */
  create(conversation: Conversation): Promise<void>;
  /** The conversation, or undefined when unknown or expired. */
  get(id: string): Promise<Conversation | undefined>;
  /**
   * Saves `conversation` (whose version is already bumped) if the stored one is still at
   * `conversation.version - 1`; otherwise throws VersionConflictError. With a lead, both are
   * written in one transaction (the conversation that qualified and its lead).
   */
  save(conversation: Conversation, lead?: Lead): Promise<void>;
  /** Removes the conversation and everything stored with it. */
  delete(id: string): Promise<void>;
  /**
   * The summaries of the conversations started on a day (YYYY-MM-DD in the firm's time zone),
   * oldest first: what the console lists and counts, never a transcript or an answer
   * (functions/core/staff/conversations.ts). Expired ones may be among them: the caller checks.
   * Optional: a store without a way to list (a test's, in memory) serves no console reports.
   */
  listStarted?(day: string): Promise<ConversationSummary[]>;
}

export interface LeadStore {
  /**
   * The lead, or undefined when unknown or past its retention (functions/core/retention.ts);
   * `{ expired: true }` reads one that is past it but not deleted yet, to erase it.
   */
  get(leadId: string, options?: { expired?: boolean }): Promise<Lead | undefined>;
  /** Leads created on a day (YYYY-MM-DD in the firm's time zone), oldest first. */
  listDay(day: string): Promise<Lead[]>;
  /**
   * Optional (a store with a due-time index): the leads a worker pass must look at, pending or
   * claimed and due by `now`, or emergencies sent and routed before `routedBefore`. Without it the
   * worker reads the last LOOKBACK_DAYS days.
   */
  listDue?(now: Date, routedBefore: Date): Promise<Lead[]>;
  /**
   * Optional (a store with the reminders' index): the leads with a hearing reminder due by `now`
   * (or a claim on one run out), as they are now. Without it no reminder is sent.
   */
  listReminding?(now: Date): Promise<Lead[]>;
  /** The lead a phone number opened in the last OPEN_LEAD_DAYS days, if still open. */
  openLeadOf(phone: string, now: Date): Promise<Lead | undefined>;
  /** Saves a changed lead under its version (bumped already); VersionConflictError if it moved. */
  save(lead: Lead): Promise<void>;
  /**
   * Deletes the phone's pointer if it points at this lead, then the lead if it is still at
   * `lead.version` (VersionConflictError if it changed, or is gone already).
   */
  delete(lead: Lead): Promise<void>;
}

export interface SmsTurnWrite {
  /** The line, version already bumped; version 1 means it is new. */
  line: SmsLine;
  /** The conversation to create (version 1) or save (version bumped), if it changed. */
  conversation?: Conversation;
  /** The lead of a conversation that qualified with this turn, written in the same transaction. */
  lead?: Lead;
  /** A conversation to erase ("borrar mis datos"). */
  deleteConversationId?: string;
}

export interface SmsStore {
  /** The line as stored now (a consistent read). */
  getLine(phone: string): Promise<SmsLine | undefined>;
  /**
   * The line as this process last saved or read it, read only when unknown: it may be stale, so it
   * is only for a turn whose commit re-checks the line's version (a stale line loses the race, and
   * the turn runs again on getLine). Saves a read on a texter's next message.
   */
  lastKnownLine(phone: string): Promise<SmsLine | undefined>;
  /** Writes all of it or nothing; a lost race throws VersionConflictError. */
  commit(write: SmsTurnWrite): Promise<void>;
}

/**
 * Limits that hold across every process (DOMAIN.md "Safety rules"): texts to one number an hour,
 * the firm's hourly texting budget, on-call pages. Keys are the caller's (a phone, a conversation
 * id, an address's keyed hash); the adapter stores them only hashed.
 */
export interface LimitStore {
  /**
   * Records one use of `key` when fewer than `max` were recorded in the last `windowSeconds`.
   * Returns whether it was recorded (false: the limit is reached, nothing changed).
   */
  take(key: string, max: number, windowSeconds: number, now: Date): Promise<boolean>;
  /**
   * Holds `key` for `holder` for `seconds`, unless another holder has it now. Asking again for
   * the same holder is yes (a retry after a crash gets what it held). Returns whether it holds.
   */
  hold(key: string, holder: string, seconds: number, now: Date): Promise<boolean>;
}

/**
 * One outbound message: to an SMS number or a `whatsapp:+E164` address. A WhatsApp message the
 * firm starts after 24 hours of silence must be an approved template: then `template` is sent
 * (its content SID and variables) and `body` is only its text as the client reads it.
 */
export interface OutboundMessage {
  to: string;
  body: string;
  template?: { sid: string; variables: Record<string, string> };
}

/** Outbound text and WhatsApp messages (the adapter: Twilio's REST API, or a local outbox). */
export interface SmsSender {
  send(message: OutboundMessage): Promise<{ id: string }>;
  /**
   * False when nothing can be texted (no Twilio account on AWS): "continue by text" is then not
   * offered, rather than saying a code was sent (issue 15). Absent: it can.
   */
  available?: boolean;
}

/** Any email Amparo sends: a lead email (LeadEmail) or a staff sign-in link. */
export interface MailMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: LeadEmail['attachments'];
}

/** Sends an email (the adapter: a file outbox, SMTP or SES). */
export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
}

/** A console session (API.md "Staff"): stored under a hash of its cookie's value, never the value. */
export interface StaffSession {
  hash: string;
  email: string;
  createdAt: string;
  /** When it ends whatever happens (12 hours after sign-in). */
  expiresAt: string;
}

/** One line of the console's audit trail: who (a staff email), what, when; ids, never client data. */
export interface AuditEntry {
  at: string;
  by: string;
  /** `view`, `status`, `note`, `assign`, `erase`, `sign-in`, `sign-out`, … */
  action: string;
  leadId?: string;
  /** The new status, the attorney assigned: never a note's text or a client's words. */
  detail?: string;
}

/** The console's sign-in links, sessions and audit trail (functions/adapters/dynamo-staff.ts). */
export interface StaffStore {
  /** Keeps a sign-in link's token hash for `email` until `expiresAt`. */
  putSignIn(hash: string, email: string, expiresAt: Date): Promise<void>;
  /** Uses a sign-in link once: its email if it existed and had not expired; it is gone after. */
  takeSignIn(hash: string, now: Date): Promise<string | undefined>;
  putSession(session: StaffSession): Promise<void>;
  /** The live session under `hash`, or undefined (unknown, signed out or expired). */
  getSession(hash: string, now: Date): Promise<StaffSession | undefined>;
  deleteSession(hash: string): Promise<void>;
  /** Records an entry: a lead's (with `leadId`) or the console's (sign-in, sign-out). */
  audit(entry: AuditEntry, keepUntil?: Date): Promise<void>;
  /** A lead's entries, oldest first. */
  history(leadId: string): Promise<AuditEntry[]>;
}
