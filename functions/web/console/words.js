/**
 * The console's words: English only (API.md "Staff"); what clients wrote is shown as written.
 * Labels for the values of the API's enums; a value this file does not know is shown as it came.
 * Flag titles follow `email.flags` in prompts/strings.en.yaml, because the board's leads carry
 * only flag ids.
 */

export const STATUS = {
  new: 'New',
  contacted: 'Contacted',
  'consult-booked': 'Consult booked',
  retained: 'Retained',
  'not-retained': 'Not retained',
  closed: 'Closed',
};

/** Urgency as a word and a symbol, never by colour alone. */
export const URGENCY = {
  emergency: { label: 'Emergency', icon: '!!' },
  high: { label: 'High', icon: '!' },
  normal: { label: 'Normal', icon: '–' },
};

export const FLAGS = {
  bond: 'Bond hearing',
  'reinstatement-risk': 'Reinstatement risk',
  'expedited-removal-risk': 'Expedited removal risk',
  'motion-to-reopen': 'Motion to reopen',
  'citizenship-claim': 'Possible U.S. citizenship',
  asylum: 'Asylum (deadline)',
  'asylum-late': 'Asylum (past one year)',
  'u-visa': 'U visa',
  't-visa': 'T visa',
  vawa: 'VAWA',
  sijs: 'SIJS (youth)',
  'cancellation-lpr': 'Cancellation (LPR)',
  'cancellation-non-lpr': 'Cancellation (non-LPR)',
  tps: 'TPS',
  daca: 'DACA',
  'family-petition': 'Family petition',
  'prosecutorial-discretion': 'Prosecutorial discretion',
};

export const LANGUAGES = { en: 'English', es: 'Spanish' };

export const CHANNELS = { web: 'Web chat', sms: 'Text message' };

export const OFFER = { new: 'Not accepted yet', accepted: 'Accepted', declined: 'Declined' };

export const ROLES = { bot: 'Assistant', user: 'Client', staff: 'Staff' };

export const STAFF_ROLES = { admin: 'Admin', attorney: 'Attorney', staff: 'Staff' };

/** The filters' own names, in the order the board shows them. */
export const FILTER_LABELS = {
  status: 'Status',
  urgency: 'Urgency',
  flag: 'Possible option',
  language: 'Language',
  channel: 'Channel',
};

/** The funnel's measures, in the order a reader follows a conversation. */
export const MEASURES = {
  started: 'Started',
  consented: 'Consented',
  inProgress: 'In progress',
  qualified: 'Qualified',
  referred: 'Referred',
  declined: 'Declined',
  abandoned: 'Abandoned',
  accepted: 'Accepted by an attorney',
  retained: 'Retained',
};

/** Steps without a question of their own in the intake summary's words. */
export const STEPS = {
  consent: 'Consent',
  heard: 'Confirming what they wrote',
  confirm: 'Final summary',
  confirmEdit: 'Changing an answer',
  deleteConfirm: 'Deleting their data',
};

export const T = {
  consoleTitle: 'Leads console',
  signInTitle: 'Sign in to the leads console',
  signInIntro: 'Enter your work email and we will send you a one-time sign-in link.',
  email: 'Work email',
  sendLink: 'Send me a sign-in link',
  sending: 'Sending…',
  linkSent:
    "If that address belongs to the firm's staff, a sign-in link is on its way. It works once, for 15 minutes.",
  linkExpired: 'That sign-in link was already used or has expired. Ask for a new one below.',
  sessionEnded: 'You are signed out. Sign in again to continue.',
  emailMissing: 'Enter your work email.',
  signedInAs: 'Signed in as',
  signOut: 'Sign out',
  signedOut: 'You are signed out.',
  leads: 'Leads',
  filters: 'Filter leads',
  any: 'Any',
  search: 'Search name or phone',
  searchButton: 'Search',
  clearFilters: 'Clear filters',
  needsAttention: 'Needs attention',
  needsAttentionHint: 'Emergency or high urgency, and still new.',
  allLeads: 'All leads',
  otherLeads: 'Other leads',
  loadingLeads: 'Loading leads…',
  loadMore: 'Load more leads',
  loadingMore: 'Loading more…',
  noLeads: 'No leads yet. New intakes will appear here.',
  noMatches: 'No leads match these filters.',
  leadsShown: (n) => (n === 1 ? '1 lead shown.' : `${n} leads shown.`),
  moreLoaded: (n) => (n === 1 ? '1 more lead loaded.' : `${n} more leads loaded.`),
  noName: 'Name not given',
  noLocation: 'Location not given',
  received: 'Received',
  name: 'Name',
  urgency: 'Urgency',
  status: 'Status',
  options: 'Possible options',
  noOptions: 'None flagged',
  language: 'Language',
  channel: 'Channel',
  location: 'Location',
  assigned: 'Assigned to',
  unassigned: 'Intake team',
  warnings: 'Warnings',
  conflict: (n) => (n === 1 ? 'Possible conflict' : `${n} possible conflicts`),
  duplicate: 'Possible duplicate',
  backToLeads: 'Back to leads',
  lead: 'Lead',
  loadingLead: 'Loading this lead…',
  noSuchLead: 'No such lead',
  noSuchLeadHint: 'It may have been erased, or the link is wrong.',
  forbidden: 'You cannot do that.',
  tryAgain: 'Try again',
  network: 'The console could not reach the server. Check the connection and try again.',
  server: (status) => `Something went wrong on the server (${status}). Try again.`,
  rate: (n) =>
    n ? `Too many requests. Wait ${n} seconds and try again.` : 'Too many requests. Wait a moment.',
  notices: 'Notices',
  summary: 'Summary',
  duplicateOf: 'This may be the same person as another lead:',
  openDuplicate: 'Open the other lead',
  conflictsTitle: 'Conflict check',
  conflictsHint: 'Possible matches in the firm’s conflict list. Review before contacting.',
  urgencyReasons: 'Why this urgency',
  offer: 'Offer',
  acceptedBy: (name, at) => `Accepted by ${name}, ${at}`,
  routing: 'Routing',
  routedTo: 'Routed to',
  questions: 'Questions the client asked',
  noQuestions: 'The client asked no questions.',
  transcript: 'Conversation',
  noTranscript: 'No transcript is kept for this lead.',
  history: 'History',
  noHistory: 'Nothing recorded yet.',
  notes: 'Notes',
  noNotes: 'No notes yet.',
  actions: 'Update this lead',
  changeStatus: 'Change status',
  saveStatus: 'Save status',
  statusSaved: (label) => `Status saved: ${label}.`,
  statusSame: 'That is already the status.',
  reassign: 'Assign to',
  saveAssign: 'Reassign',
  reassigned: (name) => `Assigned to ${name}.`,
  addNote: 'Add a note',
  saveNote: 'Add note',
  noteEmpty: 'Write the note first.',
  noteAdded: 'Note added.',
  copyNote: 'Copy your note before you sign in again: it is not saved.',
  signInAgain: 'Go to sign-in',
  chooseAttorney: 'Choose an attorney first.',
  assignSame: 'The lead is already assigned to that attorney.',
  saving: 'Saving…',
  created: 'Received',
  updated: 'Last updated',
  eraseTitle: 'Erase this lead',
  erase: 'Erase this lead…',
  eraseWarn:
    'This erases the lead, its conversation and everything that points to it. It cannot be undone.',
  eraseConfirm: 'Yes, erase it',
  cancel: 'Cancel',
  erasing: 'Erasing…',
  erased: 'The lead was erased.',
  loading: 'Loading…',
  sections: 'Console sections',
  funnel: 'Funnel',
  conversations: 'Conversations',
  range: 'Dates',
  from: 'From',
  to: 'To',
  show: 'Show',
  loadingFunnel: 'Loading the funnel…',
  funnelShown: (from, to) => `Funnel shown from ${from} to ${to}.`,
  funnelIntro: (hours) =>
    `Conversations by the day they started, in the firm's time zone. Abandoned: not ended and no message for ${hours} hours. Leads by the day they were made.`,
  incomplete: (day) =>
    `Before ${day}, conversations that did not qualify have been erased (30 days after their last message), so those days count fewer of them.`,
  stagesTitle: 'From first message to retained',
  stagesDesc: 'Each bar is a share of the conversations started.',
  outcomesTitle: 'How the conversations stand',
  outcomesDesc: 'Where the conversations started are now.',
  perDayTitle: 'Conversations started each day',
  perDayLegendStarted: 'Started',
  perDayLegendQualified: 'Qualified',
  perDayDesc: (most, day) =>
    most ? `The busiest day was ${day}, with ${most} started.` : 'No conversations started.',
  totalsTitle: 'Totals by channel and language',
  measure: 'Measure',
  all: 'All',
  abandonedAtTitle: 'Where abandoned conversations stopped',
  noneAbandoned: 'No conversation was abandoned in these dates.',
  step: 'Step',
  count: 'Conversations',
  byDayTitle: 'By day',
  day: 'Day',
  ofStarted: (p) => `${p} of started`,
  conversationsIntro:
    'Conversations not ended yet, those where the client asked for a person first, then the most recently active.',
  onlyWaiting: 'Only those waiting for a person',
  loadingConversations: 'Loading conversations…',
  conversationsShown: (n) => (n === 1 ? '1 conversation shown.' : `${n} conversations shown.`),
  waitingTitle: 'Waiting for a person',
  waitingBadge: 'Asked for a person',
  otherConversations: 'Other conversations in progress',
  noConversations: 'No conversations in progress.',
  noWaiting: 'Nobody is waiting for a person.',
  moreConversations: 'Only the first 500 are shown.',
  startedAt: 'Started',
  lastMessage: 'Last message',
  atStep: 'At step',
  idle: 'No message for over a day',
};
