/**
 * Words for values: dates in the browser's locale and time zone ("Dec 7, 9:40 PM"), and labels
 * for the API's enums. Pure: `opts` lets tests fix the locale, the zone and now.
 */
import { CHANNELS, FLAGS, LANGUAGES, OFFER, ROLES, STATUS, T, URGENCY } from './words.js';

const own = (obj, key) => typeof key === 'string' && Object.hasOwn(obj, key);

/**
 * "Dec 7, 9:40 PM"; the year too when it is not this year ("Dec 7, 2025, 9:40 PM"). Something
 * that is not a date comes back as written, and nothing as ''.
 */
export function formatDateTime(iso, opts = {}) {
  if (iso == null || iso === '') return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const { locale, timeZone } = opts;
  const now = opts.now ? new Date(opts.now) : new Date();
  const year = (x) => new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone }).format(x);
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    year: year(d) === year(now) ? undefined : 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(d);
}

export function statusLabel(s) {
  return own(STATUS, s) ? STATUS[s] : String(s ?? '');
}

/** `{ level, label, icon }`; an unknown level keeps its word and gets no symbol. */
export function urgencyInfo(u) {
  if (own(URGENCY, u)) return { level: u, ...URGENCY[u] };
  return { level: 'unknown', label: String(u ?? ''), icon: '' };
}

export function flagLabel(id) {
  return own(FLAGS, id) ? FLAGS[id] : String(id ?? '');
}

export function channelLabel(c) {
  return own(CHANNELS, c) ? CHANNELS[c] : String(c ?? '');
}

export function offerLabel(o) {
  return own(OFFER, o) ? OFFER[o] : String(o ?? '');
}

export function roleLabel(r) {
  return own(ROLES, r) ? ROLES[r] : String(r ?? '');
}

/**
 * 'es' → 'Spanish', 'pt' → 'Portuguese' (the browser's language names), and a language the
 * client named in words ("Mixteco") as written.
 */
export function languageLabel(code) {
  if (own(LANGUAGES, code)) return LANGUAGES[code];
  const s = String(code ?? '');
  if (/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(s) && typeof Intl.DisplayNames === 'function') {
    try {
      const name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(s);
      if (name) return name;
    } catch {
      /* not a language code after all */
    }
  }
  return s;
}

/**
 * A conflict as the server sends it: a line of text, `{ name, role, matter }`, or the conflict
 * check's match with `against`, `as`, `score` (0..1) and `why` (reasons in English).
 */
export function conflictText(c) {
  if (c == null) return '';
  if (typeof c !== 'object') return String(c);
  if (typeof c.name === 'string' && typeof c.against === 'string') {
    const role = own(T.conflictRole, c.role) ? T.conflictRole[c.role] : String(c.role || '');
    const as = own(T.conflictAs, c.as) ? T.conflictAs[c.as] : T.conflictAs.client;
    const score = Number.isFinite(c.score) ? Math.round(c.score * 100) : 0;
    const why = Array.isArray(c.why) ? c.why.filter((w) => typeof w === 'string').join('; ') : '';
    return T.conflictMatch(c.name, role, c.matter || '', as, c.against, score, why);
  }
  const head = [c.name, c.role].filter(Boolean).join(', ');
  const text = [head, c.matter].filter(Boolean).join(': ');
  return text || c.text || c.reason || JSON.stringify(c);
}
