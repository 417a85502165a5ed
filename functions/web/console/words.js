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

export const CHANNELS = { web: 'Web chat', sms: 'Text message', whatsapp: 'WhatsApp' };

export const OFFER = { new: 'Not accepted yet', accepted: 'Accepted', declined: 'Declined' };

export const ROLES = { bot: 'Assistant', user: 'Client', staff: 'Staff' };

/** Why a staff message did not reach an SMS or WhatsApp client (the API's `delivery.why`). */
export const NOT_TEXTED = {
  'opted-out': 'Not texted: the client opted out of texts',
  'no-template':
    'Not sent: after 24 hours of silence WhatsApp takes only an approved template, none is set up (WHATSAPP_TEMPLATES), and the number is not safe to text',
  'not-safe': 'Not texted: the number is not safe to contact and the client is not texting now',
  'no-phone': 'Not texted: this conversation has no phone',
};

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
  remindersOn: 'Hearing reminders on',
  remindersSent: 'Reminders sent',
  remindersFailed: 'Reminders failed',
  remindersOptedOut: 'Reminders stopped by STOP',
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
  conflictRole: {
    client: 'a client',
    'former-client': 'a former client',
    adverse: 'an adverse party',
  },
  conflictAs: { client: 'the client', 'adverse-party': 'the adverse party named' },
  conflictMatch: (name, role, matter, as, against, score, why) =>
    `${name} (${[role, matter && `matter ${matter}`].filter(Boolean).join(', ')}) may be ${as} “${against}”: ${score}%${why ? ` — ${why}` : ''}`,
  conflictList: 'Conflict list',
  conflictListIntro:
    'Every new or updated lead’s client and the adverse parties the client named are checked against this list by name. Possible matches show first on the lead and in its email; nothing is declined by itself.',
  loadingConflicts: 'Loading the conflict list…',
  conflictsNone: 'No list yet: leads are not checked for conflicts.',
  conflictsFromFile: (n) =>
    `${n === 1 ? '1 name' : `${n} names`} from the server’s CONFLICTS_FILE. An upload here replaces it.`,
  conflictsUploaded: (n, by) => `${n === 1 ? '1 name' : `${n} names`}, uploaded by ${by}`,
  conflictsUploadTitle: 'Upload a new list',
  conflictsFormat:
    'A CSV file with the header name,role,matter; role is client, former-client or adverse. Put a name with a comma in double quotes. The upload replaces the whole list.',
  conflictsFileLabel: 'CSV file',
  conflictsUpload: 'Upload the list',
  conflictsUploading: 'Uploading…',
  conflictsPickFile: 'Choose a CSV file first.',
  conflictsSaved: (n) => `Conflict list saved: ${n === 1 ? '1 name' : `${n} names`}.`,
  conflictsAdminOnly: 'Only an admin can upload the conflict list.',
  conflictsTooBig:
    'The file is over the 2 MB an upload may be. Put the list in the server’s CONFLICTS_FILE instead.',
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
  answerLabel: 'Your answer (as from the email)',
  answers: {
    accept: 'Accept: I will call the client',
    conflict: 'Decline: a conflict of interest (not offered to anyone else at the firm)',
    capacity: 'Decline: I cannot take more cases now',
    'outside-practice': 'Decline: outside my practice',
    other: 'Decline: another reason',
  },
  sendAnswer: 'Send answer',
  accepted: 'Accepted: the client is yours to call; the others it was sent to are told.',
  declined: 'Declined: it goes on to the next attorney.',
  declinedConflict: 'Declined for a conflict: it is offered to no one else at the firm.',
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
  conflicts: 'Conflicts',
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
  conversation: 'Conversation',
  backToConversations: 'Back to conversations',
  loadingConversation: 'Loading this conversation…',
  noSuchConversation: 'No such conversation',
  noSuchConversationHint: 'It may have been erased, or the link is wrong.',
  liveOn: 'New messages appear here as they arrive.',
  liveFailing: (why) => `Could not get new messages: ${why} Trying again every few seconds.`,
  liveBack: 'New messages are arriving again.',
  liveEnded: 'This conversation has ended: it can only be read.',
  now: 'Now',
  stateEnded: 'Ended',
  stateWaiting: 'Waiting for a person',
  stateBot: 'The assistant is answering',
  stateMine: (at) => (at ? `You have it, since ${at}` : 'You have it'),
  stateOther: (name, at) => (at ? `${name} has it, since ${at}` : `${name} has it`),
  someone: 'Someone of the firm',
  messages: 'Messages',
  noMessages: 'No messages yet.',
  staffBy: (name) => (name ? `${name} (staff)` : 'Staff'),
  notTexted: 'Not texted',
  yourPart: 'Talk to the client',
  takeOver: 'Take over',
  takingOver: 'Taking over…',
  takeOverHint:
    'The assistant will pause, and the client will be told that a person of the firm joined.',
  tookOver: 'You have this conversation now. The client was told a person joined.',
  messageLabel: 'Message to the client',
  messageHint: (channel) =>
    `${
      channel === 'sms'
        ? 'Sent as a text message.'
        : channel === 'whatsapp'
          ? 'Sent by WhatsApp (after 24 hours of silence as the approved template, or as a text).'
          : 'Shown in the web chat.'
    } Enter sends; Shift+Enter starts a new line.`,
  send: 'Send',
  messageEmpty: 'Write the message first.',
  messageLong: (n) => `The message is too long: at most ${n} characters.`,
  sent: 'Message sent.',
  handBack: 'Hand back to the assistant',
  handingBack: 'Handing back…',
  handBackHint: 'The assistant resumes and asks the client its pending question again.',
  handedBack: 'Handed back to the assistant. It asked its pending question again.',
  otherHasIt: (name) => `${name} has this conversation. Only they can write to the client now.`,
  adminHandBack: 'As an admin, you may hand it back to the assistant.',
  endedReadOnly: 'This conversation has ended: it can only be read.',
  takenByOther: 'Someone else has this conversation now.',
  notTaken: 'You no longer have this conversation. Take it over again to write.',
  ended: 'This conversation has ended.',
  copyMessage: 'Copy your message before you sign in again: it was not sent.',
};

/** The lead page's hearing reminders (`GET /api/staff/reminders?leadId=`). */
export const REMINDERS = {
  title: 'Hearing reminders',
  none: 'The client was not offered reminders, or said no.',
  hearing: (date, court) => `Hearing: ${date}${court ? `, ${court}` : ''}`,
  to: (ways) => `Texts and emails go to: ${ways}`,
  agreed: (at, language) => `The client said yes ${at} (in ${language}).`,
  stoppedBy: (by, at) => `Stopped by ${by}, ${at}.`,
  kind: { week: '7 days before', day: 'The day before', morning: 'The morning of' },
  via: { sms: 'Text', email: 'Email' },
  status: {
    scheduled: 'Scheduled',
    sending: 'Sending',
    sent: 'Sent',
    failed: 'Failed',
    cancelled: 'Not sent',
  },
  reason: {
    'opted-out': 'the client texted STOP',
    staff: 'stopped by staff',
    'too-late': 'its time passed',
    interrupted: 'interrupted while sending (it may have gone out; not sent again)',
    'hearing-changed': 'the hearing date changed',
    failed: 'every try failed',
  },
  retry: (at) => `tried again ${at}`,
  columns: ['Reminder', 'By', 'When', 'Status'],
  stop: 'Stop all reminders',
  stopping: 'Stopping…',
  stopped: 'Reminders stopped.',
  moveLabel: 'The hearing moved to (the reminders move with it)',
  move: 'Save new hearing date',
  moved: (date) => `Hearing date saved: ${date}. The reminders moved with it.`,
  pickDate: 'Choose the new hearing date first.',
  loading: 'Loading reminders…',
};

/** The lead page's webhooks and Clio Grow (webhooks.js). */
export const WEBHOOKS = {
  title: 'Webhooks not delivered',
  hint: 'Events for the firm’s systems that did not get a 2xx answer yet. They are tried again on their own.',
  columns: ['Event', 'Sent to', 'Tries', 'Last error', 'Next try'],
  type: {
    'lead.created': 'New lead',
    'lead.updated': 'Lead updated',
    'lead.accepted': 'Lead accepted',
    'lead.status': 'Stage changed',
  },
  gaveUp: 'Given up',
};

/** The leads board's CSV download (board.js; README "Exporting leads"). */
export const EXPORT = {
  link: 'Export CSV (last 30 days)',
};
