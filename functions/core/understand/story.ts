/**
 * The story in a message: every fact it states, read from the words people use when they write
 * what happened ("a mi esposo lo agarró ICE ayer en el trabajo, está en Adelanto"). The first
 * free-text answer is read this way and said back for the client to confirm
 * (engine/heard.ts); later answers are read too, for the questions not reached yet.
 *
 * Deterministic and local: phrase tables (knowledge/story.yaml, compiled once at load by
 * story-phrases.ts) over the message's one reading (parse/reading.ts), the date parser for the
 * dates, the facilities file for where, and the choice scorer (choose.ts) for the matter when no
 * story word decides it. A fact is read only when the words
 * state it; a sentence that could mean two things states nothing (test/understanding/ measures
 * how often a fact is filled that was not said).
 *
 * Values are the flow's fact values (DOMAIN.md): `writerRelationship` is what the writer is to
 * the person ("my dad" makes the writer his child).
 */
import { daysBetween } from '../calendar';
import type { Content } from '../content';
import type { Language } from '../flow';
import { own } from '../own';
import { parseCountry, parseDate, parseLocation, parsePhone } from '../parse';
import { countryOfWords } from '../parse/country';
import { type Reading, read } from '../parse/reading';
import { chooseByMeaning } from './choose';
import { findFacility } from './facilities';
import type { StoryPhrases, WhoWord } from './story-phrases';

export interface Story {
  /** Facts by step id, in the flow's values. */
  facts: Record<string, unknown>;
  /** Who it is about, when someone else: the word to say back. */
  who?: WhoWord;
}

// The words looked for are content (knowledge/story.yaml): `t` below is content.story.

// --- who -------------------------------------------------------------------------------------

/**
 * "Soy su mamá", "I'm his mom": the writer names themself. The table reads "mamá" as "my mom"
 * (the writer is the child); said of the writer, it is the other way round.
 */
const WRITER_IS: Record<string, string> = {
  spouse: 'spouse',
  parent: 'child',
  child: 'parent',
  sibling: 'sibling',
  relative: 'relative',
  friend: 'friend',
};

interface Mention {
  /** Where the relation noun is. */
  at: number;
  /** Where the words before it end: the "my" ("for my 19 year old son"), or the noun. */
  from: number;
  /** Undefined for someone outside the family ("my homie's dad"). */
  relation?: string;
  who?: WhoWord;
  /** "Mis hijos", "my kids": a group, rarely the one the story is about. */
  plural: boolean;
  /** "Mi esposo es ciudadano": who the person is to the family, not the subject. */
  status: boolean;
  /** "Tengo un amigo que...": named without "my", taken only when something happened. */
  loose?: boolean;
}

function mentions(tokens: readonly string[], t: StoryPhrases): Mention[] {
  const found: Mention[] = [];
  tokens.forEach((token, at) => {
    // Not "su": "su esposa" is his wife, nobody's relation to the writer.
    // Nor "al" before a child ("vino a dejar al niño"): the child, nobody's relation, unless
    // "mío" says whose ("al cipote mío").
    const child = /^(?:nino|nina|chamaco|chamaca|cipote|cipota)$/.test(tokens[at + 1] ?? '');
    const lead =
      t.possessives.has(token) ||
      token === 'mis' ||
      (token === 'al' && (!child || /^mi[oa]$/.test(tokens[at + 2] ?? '')));
    // "Husband detained at Stewart", "brother detained in adelanto": a note without "my".
    // Not right after "my" ("my son in law"): that one is read from "my".
    const prev = tokens[at - 1] ?? '';
    const bare =
      !lead &&
      !(t.possessives.has(prev) || prev === 'mis' || prev === 'al') &&
      own(t.relations, token) &&
      t.noteAfterRelation.test(tokens[at + 1] ?? '');
    // "Tengo un amigo que lo detuvieron", "a coworker got taken": a friend, with no "my".
    const loose = lead || bare ? undefined : own(t.relations, tokens[at + 1] ?? '');
    if (t.indefinites.has(token) && loose?.[0] === 'friend') {
      found.push({
        at: at + 1,
        from: at,
        relation: loose[0],
        who: loose[1],
        plural: false,
        status: false,
        loose: true,
      });
      return;
    }
    if (!lead && !bare) return;
    // "El esposo de mi hermana", "la hija de mi vecina": the writer's in-law, or a friend's
    // relative (a friend of the family); not the partner's ("la mamá de mi novio").
    const before = own(t.relations, tokens[at - 2] ?? '');
    if (
      lead &&
      token !== 'al' &&
      prev === 'de' &&
      before &&
      !t.possessives.has(tokens[at - 3] ?? '')
    ) {
      const of = own(t.relations, tokens[at + 1] ?? '');
      if (of) {
        const partner = of[1] === 'partner' && of[0] === 'spouse' && tokens[at + 1] !== 'pareja';
        const article = /^(?:el|la|los|las)$/.test(tokens[at - 3] ?? '') ? 1 : 0;
        found.push({
          at: at + 1,
          from: at - 2 - article,
          relation: partner ? undefined : of[0] === 'friend' ? 'friend' : 'relative',
          who: partner ? undefined : of[0] === 'friend' ? 'friend' : 'relative',
          plural: false,
          status: t.statusAfter.test(tokens.slice(at + 2, at + 8).join(' ')),
        });
        return;
      }
    }
    if (bare) {
      const entry = own(t.relations, token);
      // "Brother in law detained in Dilley": a relative, whoever the noun names.
      const inLaw = t.inLaw.test(tokens.slice(at + 1, at + 3).join(' '));
      if (entry)
        found.push({
          at: inLaw ? at + 2 : at,
          from: at - 1,
          relation: inLaw ? 'relative' : entry[0],
          who: inLaw ? 'relative' : entry[1],
          plural: false,
          status: false,
        });
      return;
    }
    // "My best friend", "my 19 year old son", "mi querido esposo": words between "my" and who.
    let skip = 0;
    while (skip < 4) {
      const word = tokens[at + 1 + skip] ?? '';
      if (own(t.relations, word) || !(t.relationAdjectives.has(word) || /^\d{1,2}$/.test(word)))
        break;
      skip += 1;
    }
    const raw = tokens[at + 1 + skip] ?? '';
    // "Al papá de una de mis alumnas": someone else's father, not the writer's.
    if (
      token === 'al' &&
      tokens[at + 2 + skip] === 'de' &&
      !/^\d/.test(tokens[at + 3 + skip] ?? '')
    )
      return;
    const singular = raw.replace(/(?<=[aeiou])s$/, '');
    const bareS = raw.replace(/s$/, '');
    const entry = own(t.relations, raw) ?? own(t.relations, singular) ?? own(t.relations, bareS);
    if (!entry) return;
    // The word as the table has it: "stepdaughters" is "stepdaughter" with an "s".
    const noun = own(t.relations, raw) ? raw : own(t.relations, singular) ? singular : bareS;
    // "My wife's cousin", "my husband's green card": the apostrophe went, the "s" stayed. What
    // follows says whose: another relative (a relative of the writer's), or the person's thing.
    const next = tokens[at + 2 + skip] ?? '';
    const possessive = token !== 'mis' && raw !== noun && t.possessed.test(next);
    const chained = possessive && own(t.relations, next) !== undefined;
    // "My homie's dad", "my stepdaughter's boyfriend": not the writer's family, said of nobody.
    const chainedTo = own(t.relations, next);
    // Nor "my boyfriend's mom": a partner's family is not the writer's.
    const outside =
      chained &&
      (entry[0] === 'friend' ||
        chainedTo?.[0] === 'friend' ||
        chainedTo?.[1] === 'partner' ||
        (entry[1] === 'partner' && noun !== 'partner'));
    const plural = token === 'mis' || (raw !== noun && !possessive);
    const afterAt = at + 2 + skip + (chained ? 1 : 0);
    let after = tokens.slice(afterAt, afterAt + 6).join(' ');
    // "My brother in law", "mother-in-law": a relative, whoever the noun names.
    const inLaw = t.inLaw.test(after);
    if (inLaw) after = tokens.slice(afterAt + 2, afterAt + 8).join(' ');
    const relative = inLaw || chained;
    found.push({
      at: at + 1 + skip + (chained ? 1 : 0) + (inLaw ? 2 : 0),
      from: at,
      relation: outside ? undefined : relative ? 'relative' : entry[0],
      who: outside ? undefined : relative ? 'relative' : entry[1],
      plural,
      status: t.statusAfter.test(after),
    });
  });
  return found;
}

// --- when --------------------------------------------------------------------------------------

/** How far (in characters) a plainly said date may stand from the words it dates. */
const NEAR_CHARS = 60;
/** A detention told in a first message is this recent at most; a hearing this soon. */
const RECENT_DAYS = 120;
const SOON_DAYS = 300;

/** "MM/DD" of the last such day on or before today ("el 10" said on the 25th is the 10th). */
function dayOfMonth(day: number, today: string): string {
  const [y, m, d] = today.split('-').map(Number);
  if (!y || !m || !d) return '';
  const month = day <= d ? m : m === 1 ? 12 : m - 1;
  return `${month}/${day}`;
}

interface Dated {
  at: number;
  text: string;
}

/** Date phrases in the text, with where they are (character offset in the folded words). */
function datePhrases(words: string, t: StoryPhrases): Dated[] {
  let text = ` ${words} `.replace(everywhere(t.forDuration), (m, n: string, unit: string) =>
    (t.englishUnits.test(unit) ? `${n} ${unit} ago` : `hace ${n} ${unit}`).padEnd(m.length),
  );
  for (const { pattern, day } of t.dayParts)
    text = text.replace(everywhere(pattern), (m) => ` ${day} `.padEnd(m.length));
  // "mañana" after "esta" / "la" / "en la" is the morning, said above: not tomorrow.
  text = text.replace(everywhere(t.morning), (m) => ' '.repeat(m.length));
  const found: Dated[] = [];
  const taken: [number, number][] = [];
  for (const pattern of t.datePhrases) {
    const global = everywhere(pattern);
    global.lastIndex = 0;
    for (let m = global.exec(text); m !== null; m = global.exec(text)) {
      if (m[0] === '') global.lastIndex += 1;
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const phrase = m[0].trim();
      // A weekday's lone article ("el", "on") is not a date; "el lunes" is.
      if (!phrase) continue;
      taken.push([start, end]);
      found.push({ at: start, text: phrase });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

const globals = new WeakMap<RegExp, RegExp>();

/**
 * The global twin of a pattern, compiled once: every match of it, for `replace` and `matchAll`
 * (both start from the beginning, so one shared object is safe).
 */
function everywhere(pattern: RegExp): RegExp {
  let global = globals.get(pattern);
  if (!global) {
    global = new RegExp(pattern.source, 'g');
    globals.set(pattern, global);
  }
  return global;
}

/**
 * What the patterns find in one message, each worked out once: the reading asks the same pattern
 * of the same words many times (a detention word, before and after the denials are taken out,
 * which mostly leaves the words as they were), and a text taken out of nothing is the same string.
 */
class Scans {
  readonly #found = new Map<string, Map<RegExp, boolean | number[]>>();

  #of(text: string): Map<RegExp, boolean | number[]> {
    let byPattern = this.#found.get(text);
    if (!byPattern) {
      byPattern = new Map();
      this.#found.set(text, byPattern);
    }
    return byPattern;
  }

  /** Where the pattern matches in the text, in order. */
  at(pattern: RegExp, text: string): number[] {
    const byPattern = this.#of(text);
    const known = byPattern.get(pattern);
    if (Array.isArray(known)) return known;
    const places = known === false ? [] : offsets(text, pattern);
    byPattern.set(pattern, places);
    return places;
  }

  /** True when the pattern matches the text. */
  has(pattern: RegExp, text: string): boolean {
    const byPattern = this.#of(text);
    const known = byPattern.get(pattern);
    if (known !== undefined) return Array.isArray(known) ? known.length > 0 : known;
    const yes = pattern.test(text);
    byPattern.set(pattern, yes);
    return yes;
  }

  /** Where the last match starts, or -1. */
  last(pattern: RegExp, text: string): number {
    return this.at(pattern, text).at(-1) ?? -1;
  }

  /** The text with every match made one space; the text itself when nothing matches. */
  without(pattern: RegExp, text: string): string {
    return this.has(pattern, text) ? text.replace(everywhere(pattern), ' ') : text;
  }

  /** The text with every match blanked, keeping every other word's place. */
  blank(pattern: RegExp, text: string): string {
    return this.has(pattern, text)
      ? text.replace(everywhere(pattern), (m) => ' '.repeat(m.length))
      : text;
  }
}

/** Character offsets of the matches of a pattern in the text. */
function offsets(text: string, pattern: RegExp): number[] {
  const global = everywhere(pattern);
  const places: number[] = [];
  global.lastIndex = 0;
  for (let m = global.exec(text); m !== null; m = global.exec(text)) {
    places.push(m.index);
    // An empty match moves on by one, as matchAll does.
    if (m[0] === '') global.lastIndex += 1;
  }
  return places;
}

/**
 * The text without its questions: each piece up to and with a sentence's mark (.!?¿,;), kept when
 * it holds no "?" or "¿" ("¿cómo sé si tengo orden?" states no order).
 */
function statedOnly(key: string): string {
  return (key.match(/[^.!?¿,;]*[.!?¿,;]|[^.!?¿,;]+$/g) ?? [])
    .filter((sentence) => !/[?¿]/.test(sentence))
    .join(' ');
}

/** True when the words say a time years back: "in 2023", "hace años", "years ago". */
function yearsBack(words: string, thisYear: number, t: StoryPhrases): boolean {
  const m = t.yearsBack.exec(words);
  return m !== null && (m[1] === undefined || Number(m[1]) < thisYear);
}

function nearest(at: number, places: number[]): number {
  return places.reduce((best, p) => Math.min(best, Math.abs(p - at)), Number.POSITIVE_INFINITY);
}

// --- the reading -------------------------------------------------------------------------------

/**
 * The facts a message states.
 *
 * @example readStory(content, read('detuvieron a mi esposo ayer'), '2026-11-25', 'es').facts
 * // { matter: 'detention', aboutSelf: 'no', writerRelationship: 'spouse', detained: 'yes',
 * //   detainedSince: '2026-11-24' }
 */
export function readStory(
  content: Content,
  text: Reading,
  today: string,
  language: Language,
  asked?: string,
  known: Record<string, unknown> = {},
): Story {
  // What is known already changes the reading ("fue ayer, en el trabajo" after a detention).
  const context = `${known.detained === 'yes' ? 'd' : ''}${known.hasCourtCase === 'yes' ? 'c' : ''}`;
  return text.memo(`story:${today}:${language}:${asked ?? ''}:${context}`, () =>
    reading(content, text, today, language, asked, known),
  );
}

function reading(
  content: Content,
  typed: Reading,
  today: string,
  language: Language,
  asked: string | undefined,
  known: Record<string, unknown>,
): Story {
  const facts: Record<string, unknown> = {};
  const story: Story = { facts };
  if (typed.words === '') return story;
  const t = content.story;
  const scan = new Scans();
  // Texting spellings ("tngo", "q", "xq") read as the words they stand for.
  const text = respelled(typed, t);
  const words = text.words;
  // Where a pattern matches in ` ${words} `: where it matches in the words, one on (no pattern read
  // there is anchored, and a space at either end changes no word boundary).
  const inPadded = (pattern: RegExp) => scan.at(pattern, words).map((place) => place + 1);

  // Detention: a detention word, not negated; the police alone is a county jail, not ICE.
  const facility = findFacility(words, content.facilities, content.firm.coveredFacilities);
  // "Nunca me han arrestado", "I was never caught": not a detention, said or denied.
  const untaken = scan.without(t.neverTaken, words);
  const detainWord =
    scan.has(t.detain, untaken) ||
    scan.has(t.selfDetained, untaken) ||
    scan.has(t.tookRelative, untaken);
  // "Never been arrested" beside "got detained yesterday": the detention stands.
  // Negations are read within a sentence: "no me detuvieron. Tengo corte" has a court case.
  const clauses = text.key;
  // "I'm not detained, I was never arrested": neither is a detention.
  const unnegated = scan.without(t.notDetained, untaken);
  // "Got out of detention": the word "detention" there is the release, not a new arrest.
  // Nor is "ya no está detenida" a new arrest.
  const beyondRelease = scan.blank(t.notDetained, scan.blank(t.released, words));
  const lastTaken = Math.max(
    scan.last(t.detain, beyondRelease),
    scan.last(t.tookRelative, beyondRelease),
  );
  // Released (on bond, with an ankle monitor) is not detained now, whatever came before.
  // Let go and then taken ("lo soltaron del precinto pero ICE lo estaba esperando"): the last
  // word on it decides.
  // A release hoped for ("if he can get out on bond", "para que lo suelten") is not one told.
  // One years ago ("released from detention in 2023") is told: not held now, unless a detention
  // is told beside it ("got took by ICE monday. he was released from detention back in 2023"):
  // then the release is history, whatever order the sentences come in.
  const thisYear = Number(today.slice(0, 4));
  const releases = scan
    .at(t.released, words)
    .filter(
      (at) =>
        !t.releaseHoped.test(words.slice(Math.max(0, at - 30), at)) &&
        !(lastTaken >= 0 && yearsBack(words.slice(at, at + 60), thisYear, t)),
    );
  const lastRelease = releases.at(-1) ?? -1;
  const releasedNow =
    releases.length > 0 && !scan.has(t.stillHeld, words) && lastRelease > lastTaken;
  const negated =
    releasedNow ||
    (scan.has(t.notDetained, clauses) && !scan.has(t.detain, unnegated) && !facility);
  // "Tengo miedo que me detengan", "what if ICE arrests me": a fear, not a detention, unless the
  // rest of the message tells one.
  const unfeared = scan.without(t.hedged, scan.without(t.feared, words));
  const feared =
    unfeared !== words &&
    !scan.has(t.detain, unfeared) &&
    !scan.has(t.selfDetained, unfeared) &&
    !scan.has(t.tookRelative, unfeared);
  // Only an arrest word, and no immigration word or facility: a police arrest.
  const onlyArrest =
    !scan.has(t.immigration, words) &&
    !facility &&
    scan.has(t.policeArrest, words) &&
    !scan.has(t.detain, scan.without(t.policeArrest, words));
  const immigration = scan.has(t.immigration, words) || facility !== undefined;
  // Held by the police, ICE maybe coming ("no sé si lo van a entregar a migración", "ICE le
  // puede poner hold"): a county jail, not immigration detention yet.
  // Someone in a jail: an arrest or being held said beside it, not a jail named in passing.
  const jailed =
    scan.has(t.countyJail, words) &&
    (scan.has(t.policeArrest, words) || scan.has(t.detain, words) || scan.has(t.heldInJail, words));
  const jailMaybeIce =
    jailed &&
    (scan.has(t.jailUnsure, words) ||
      scan.has(t.holdWords, words) ||
      !t.detain.test(words.replace(t.countyJail, ' ')));
  // "La policía lo arrestó y migración le puede poner un hold": the police hold him, not ICE.
  const policeHold = scan.has(t.policeOnly, words) && scan.has(t.iceHoldComing, words);
  // "Nunca ha tenido problemas con la policía": the police denied are not who holds them.
  const undenied = scan.without(t.deniedRecord, words);
  const policeOnly =
    (scan.has(t.policeOnly, undenied) && !immigration) || jailMaybeIce || policeHold;
  // Deported before, and nothing says held now: the deportation, not a detention. Taken again
  // after it ("fue deportado en 2012 y se regresó, ahora lo volvieron a detener", "deported in
  // 2014, came back, and ICE arrested him this morning"): held now.
  const deportedAt = scan.last(t.deportedBefore, words);
  const cameBackAt = scan.at(t.cameBack, words).find((at) => at > deportedAt) ?? -1;
  const deportedOnly =
    deportedAt >= 0 && !scan.has(t.heldNow, words) && !(cameBackAt >= 0 && lastTaken > cameBackAt);
  if (negated) facts.detained = 'no';
  else if (
    (detainWord || (facility && scan.has(t.facilityHeld, words))) &&
    !deportedOnly &&
    !policeOnly &&
    !feared &&
    !onlyArrest
  )
    facts.detained = 'yes';
  if ((jailMaybeIce || policeHold) && !negated) facts.arrestSetting = 'county-jail';
  // "I think he is in Jena", "they said he'll go to Florence": a guess, not where he is.
  const placeGuessed = scan.has(t.guessedPlace, words) && !scan.has(t.placeKnown, words);
  if (facts.detained === 'yes' && facility && !placeGuessed) facts.facility = facility.name;
  // Where the arrest was: said with a detention, or as the answer to "where was the arrest?".
  const detainedKnown = known.detained === 'yes' && !negated;
  if (
    !negated &&
    !jailMaybeIce &&
    !policeHold &&
    (detainWord || facility || asked === 'arrestSetting' || detainedKnown)
  ) {
    // Near the arrest's own words, unless the question asked was where: "su mamá está sola en
    // su casa" says where the mother is, not where the arrest was.
    const arrestAt = [t.detain, t.selfDetained, t.tookRelative].flatMap((p) => inPadded(p));
    const close = ({ pattern, nearArrestOnly }: StoryPhrases['arrestSettings'][number]) =>
      !nearArrestOnly ||
      asked === 'arrestSetting' ||
      (arrestAt.length === 0 && detainedKnown) ||
      inPadded(pattern).some((at) => nearest(at, arrestAt) <= NEAR_CHARS);
    const setting = t.arrestSettings.find((s) => scan.has(s.pattern, words) && close(s));
    if (setting) facts.arrestSetting = setting.setting;
    else if (policeOnly && (jailed || scan.has(t.policeArrest, words)))
      facts.arrestSetting = 'county-jail';
  }

  // Court: a court word not negated; an order; a missed hearing (which is a court case too).
  if (scan.has(t.missed, words)) {
    facts.missedHearing = 'yes';
    facts.hasCourtCase = 'yes';
  }
  // An order asked about ("¿cómo sé si tengo orden de deportación?") is not one stated.
  const orderStated = t.order.test(text.key) && t.order.test(statedOnly(text.key));
  if ((orderStated || scan.has(t.deportedBefore, words)) && !scan.has(t.noOrder, clauses))
    facts.removalOrder = 'yes';
  else if (scan.has(t.noOrder, clauses)) facts.removalOrder = 'no';
  const courtSetting = t.arrestSettings.find((s) => s.setting === 'court')?.pattern;
  // "No sé si tiene corte", "sin ver juez": no court case stated either way.
  const unsureCourt = scan.has(t.unsureCourt, words);
  // "Nunca ha tenido ni una multa": a court or ticket denied is not the matter.
  // "It's not immigration": the word says what the matter is not.
  const aboutImmigration = scan.without(t.notImmigrationSaid, words);
  const otherCourt =
    scan.has(t.otherCourt, undenied) && !scan.has(t.immigrationMatter, aboutImmigration);
  // "Tuvo un caso de violencia doméstica hace años", "an old DUI": a record, not today's matter.
  const otherCourtNow = otherCourt && scan.has(t.otherCourt, scan.without(t.pastRecord, undenied));
  const courtWord =
    !otherCourt &&
    t.court.test(
      words
        .replace(everywhere(t.courtNotYet), ' ')
        .replace(t.order, ' ')
        .replace(courtSetting ?? /$^/, ' ')
        // "An order from the judge" states the order, not a case still in court.
        .replace(scan.has(t.order, words) ? everywhere(t.judge) : /$^/, ' '),
    );
  if (unsureCourt && !facts.missedHearing) {
    // Neither yes nor no: the question is asked.
  } else if (
    scan.has(t.noCourt, scan.without(t.courtNotYet, clauses)) &&
    !facts.missedHearing &&
    !scan.has(t.courtStated, words)
  )
    facts.hasCourtCase = 'no';
  else if (courtWord) facts.hasCourtCase = 'yes';

  // Dates: a past one near the detention words is since when; a future one near court words is
  // the next hearing.
  // Dates keep their slashes ("12/18"); everything else is read as words.
  const held = facts.detained === 'yes' || detainedKnown;
  const inCourt = facts.hasCourtCase === 'yes' || known.hasCourtCase === 'yes';
  // Neither held nor in court (or only a missed hearing): no date is read, so none is looked for.
  const readsDates = held || (inCourt && !facts.missedHearing);
  const dateText = readsDates ? ` ${text.folded.replace(/[^\p{L}\p{N}/]+/gu, ' ').trim()} ` : '';
  // Mostly the words themselves, padded: then what the patterns find there is known already.
  const inDateText =
    dateText === ` ${words} ` ? inPadded : (pattern: RegExp) => scan.at(pattern, dateText);
  const dates = readsDates ? datePhrases(dateText.trim(), t) : [];
  if (dates.length > 0) {
    // The arrest's own words date it too ("el domingo lo pararon manejando").
    const arrestWords = t.arrestSettings.map((s) => s.pattern);
    const detainAt = [t.detain, t.selfDetained, ...arrestWords].flatMap((p) => inDateText(p));
    const courtAt = inDateText(t.court);
    // "Tengo que volver a ICE el 9 de diciembre": a check-in's day, not the hearing's.
    const checkInAt = inDateText(t.checkInDate);

    // The hearing is the date nearest the court words, wherever it stands in the message.
    let hearingDistance = Number.POSITIVE_INFINITY;
    for (const date of dates) {
      const toDetention = nearest(date.at, detainAt);
      const toCourt = nearest(date.at, courtAt);
      // Looking back is a detention's day, looking ahead a hearing's; a date said plainly goes
      // with the nearer of the two, unless only one reading of it is near today ("on the 12th of
      // November", said on the 25th, is past: next year's is too far for a hearing to be meant).
      const back = t.lookingBack.test(date.text);
      const ahead = t.lookingAhead.test(date.text);
      // "Desde el 10", "on the 20th": a day of this month, or of the last when still ahead.
      // A date said plainly counts only close to what it dates (a clause away at most).
      if (!back && !ahead && Math.min(toDetention, toCourt) > NEAR_CHARS) continue;
      // Nothing left that this date could date: it is not read.
      if (!(held && !('detainedSince' in facts)) && !(inCourt && !back && !facts.missedHearing))
        continue;
      const day = t.dayOfMonth.exec(date.text)?.[1];
      const said = read(day ? dayOfMonth(Number(day), today) : date.text);
      const past = parseDate(said, { today, direction: 'past' });
      // Looking back, it is no hearing's: the date ahead is not needed.
      const future = back ? undefined : parseDate(said, { today, direction: 'future' });
      const recent = past.ok && daysBetween(past.value, today) <= RECENT_DAYS;
      const soon = future?.ok === true && daysBetween(today, future.value) <= SOON_DAYS;
      const detention = back || (!ahead && (recent && !soon ? true : toDetention <= toCourt));
      if (held && detention && !('detainedSince' in facts)) {
        if (past.ok) facts.detainedSince = past.value;
      } else if (
        inCourt &&
        !back &&
        !(recent && !soon) &&
        (ahead || toCourt < toDetention || facts.detained !== 'yes') &&
        !facts.missedHearing
      ) {
        const checkIn = nearest(date.at, checkInAt) < toCourt;
        if (future?.ok && future.value >= today && toCourt < hearingDistance && !checkIn) {
          facts.nextHearingDate = future.value;
          hearingDistance = toCourt;
        }
      }
    }
  }

  // Who: someone named with "mi"/"my" the story happens to, else the writer.
  const who = whoItIs(text.tokens, words, facts, t, scan);
  if (who) {
    facts.aboutSelf = who.self ? 'yes' : 'no';
    if (who.relation) facts.writerRelationship = who.relation;
    if (who.word) story.who = who.word;
  }

  // Where they are from: "es de Guatemala", "soy hondureña".
  const country = countryOf(words, t);
  if (country) facts.citizenship = country;

  // How and when they came.
  if (scan.has(t.parole, words)) facts.entryManner = 'parole';
  else if (scan.has(t.inspected, words)) facts.entryManner = 'inspected';
  else if (scan.has(t.withoutInspection, words)) facts.entryManner = 'without-inspection';
  const arrived = t.arrivedYear.exec(words);
  const years = t.yearsHere.exec(words);
  if (arrived?.[1] && Number(arrived[1]) <= thisYear) facts.entryDate = arrived[1];
  else {
    const count = Number(years?.[1] ?? years?.[2] ?? 0);
    if (count > 0) facts.entryDate = String(thisYear - count);
  }

  // A lawyer or none.
  if (scan.has(t.noLawyer, words)) facts.represented = 'no';
  else if (scan.has(t.hasLawyer, words)) facts.represented = 'yes';

  // Where they live: "vivimos en Los Angeles", never a country.
  const livesMatch = t.lives.exec(text.key);
  // "Yo vivo en Seattle" in a story about someone else says where the writer lives.
  const writerOnly = facts.aboutSelf === 'no' && t.writerLives.test(livesMatch?.[0] ?? '');
  const lives = writerOnly ? null : livesMatch;
  const place = lives?.[1]?.trim();
  if (place && !parseCountry(place).ok) {
    const location = parseLocation(place);
    if (location.ok) facts.location = titleCase(location.value.text);
  }

  // A phone to call back, and the person's name as written.
  const phone = /\d{3}\D{0,3}\d{3}\D{0,2}\d{4}/.test(text.raw) ? parsePhone(text.raw) : undefined;
  if (phone?.ok && phone.value.startsWith('+1')) facts.phone = phone.value;
  const name = nameIn(text, facts.aboutSelf === 'no', t);
  // "Un centro que se llama Delaney Hall": a facility's name, not the person's.
  if (name && !findFacility(read(name).words, content.facilities)) facts.name = name;

  // The matter: what happened decides it; else what the words mean.
  // Not immigration: another court (custody, a DUI, a theft charge), a lawsuit, with no ICE.
  // "I don't have papers" beside an eviction says why it is hard, not what they ask for.
  const asksStatus = scan.has(t.statusWords, scan.without(t.statusAside, words));
  // A US citizen in a jail, with no immigration word: the police's matter.
  const citizenJailed = policeOnly && !immigration && scan.has(t.citizenHeld, words);
  const notImmigration =
    (otherCourtNow ||
      scan.has(t.suing, undenied) ||
      scan.has(t.otherLegal, undenied) ||
      citizenJailed) &&
    !scan.has(t.immigration, aboutImmigration) &&
    !asksStatus &&
    !facility &&
    // "Me quitó el pasaporte y no me paga": a trafficker's hold, not an unpaid wage.
    !scan.has(t.abuseThreat, words);
  if (notImmigration) {
    // "El papá se lo llevó a Arizona": a custody fight's words, not a detention.
    delete facts.detained;
    delete facts.detainedSince;
    delete facts.hasCourtCase;
    delete facts.nextHearingDate;
  }
  // "I think my brother was detained": not stated as a detention, but what the writer fears.
  const guessedDetention = unfeared !== scan.without(t.feared, words) && !notImmigration;
  const matter =
    facts.detained === 'yes' ||
    (facts.arrestSetting === 'county-jail' && !notImmigration) ||
    guessedDetention
      ? 'detention'
      : facts.hasCourtCase === 'yes' ||
          (facts.removalOrder === 'yes' && !scan.has(t.optionsAsked, words))
        ? 'court'
        : notImmigration
          ? 'other'
          : (facts.removalOrder === 'yes' && scan.has(t.optionsAsked, words)) ||
              scan.has(t.abuseThreat, words)
            ? 'options'
            : (matterByMeaning(
                content,
                typed,
                language,
                facts.detained === 'no' || scan.has(t.neverTaken, clauses),
                facts.hasCourtCase === 'no',
                asksStatus,
              ) ??
              (scan.has(t.statusWords, words) ||
              facts.detained === 'no' ||
              facts.hasCourtCase === 'no' ||
              'entryDate' in facts
                ? 'options'
                : undefined));
  if (matter) facts.matter = matter;
  if (notImmigration) delete facts.arrestSetting;
  return story;
}

function matterByMeaning(
  content: Content,
  text: Reading,
  language: Language,
  notDetained: boolean,
  noCourt: boolean,
  asksStatus: boolean,
): string | undefined {
  const step = content.flow.steps.find((s) => s.id === 'matter');
  // "Nunca me ha parado ICE, just want to know mis opciones": the words of what did not happen
  // are not weighed ("parado", "ICE" would pull toward a detention).
  const t = content.story;
  let said = text.words;
  for (const denial of [t.neverTaken, t.notDetained, t.noCourt])
    said = said.replace(everywhere(denial), ' ');
  const weighed = said === text.words ? text : read(said);
  const meant = step ? chooseByMeaning(content, step, weighed, language)?.value : undefined;
  // "Inmigración", "immigration question", "sponsor me for a work visa": never a matter outside
  // immigration.
  if (meant === 'other' && (content.story.immigration.test(text.words) || asksStatus))
    return undefined;
  // "I'm not detained, I have no court, I just want papers": never the matter denied.
  if (notDetained && meant === 'detention') return undefined;
  return noCourt && meant === 'court' ? undefined : meant;
}

function whoItIs(
  tokens: readonly string[],
  words: string,
  facts: Record<string, unknown>,
  t: StoryPhrases,
  scan: Scans,
): { self: boolean; relation?: string; word?: WhoWord } | undefined {
  const said = t.writerSays.exec(words);
  const named = said?.[1] ? own(t.relations, said[1]) : undefined;
  const writerIs = named ? own(WRITER_IS, named[0]) : undefined;
  // "Soy su esposa": the writer is the wife, so the person is her spouse, said as a partner.
  if (writerIs) return { self: false, relation: writerIs, word: personWord(writerIs) };
  const all = mentions(tokens, t);
  // "Quiero pedir a mis papás", "bring my parents here": a petition's relatives are the subject.
  const petition = scan.has(t.petition, words);
  // "Mis dos hijos están detenidos": a group the story happens to, when no one else is named.
  const singles = all.filter((m) => !m.status && !m.plural);
  const groupTaken = singles.length === 0 && facts.detained === 'yes';
  const event =
    facts.detained === 'yes' ||
    facts.arrestSetting === 'county-jail' ||
    facts.hasCourtCase === 'yes' ||
    'removalOrder' in facts;
  const wordsBefore = (m: Mention) => tokens.slice(Math.max(0, m.from - 3), m.from).join(' ');
  // Someone named loosely ("tengo un amigo"), when something happened to them: not a companion
  // ("with a neighbor"), nor the one the writer writes for when their relative was taken.
  const looseTaken = (m: Mention) =>
    event && !t.companion.test(wordsBefore(m)) && !scan.has(t.othersRelativeTaken, words);
  const candidates = all.filter(
    (m) => !m.status && (!m.plural || petition || groupTaken) && (!m.loose || looseTaken(m)),
  );
  // "I was detained in 2020 and released on bond; now they took my brother": the writer was let
  // go, the relative taken or held after that is the one it is about.
  const selfAt = t.selfDetained.exec(words)?.index ?? -1;
  const releasedAt = selfAt < 0 ? -1 : (offsets(words, t.released).find((at) => at > selfAt) ?? -1);
  if (releasedAt >= 0) {
    const fromToken = words.slice(0, releasedAt).split(' ').length;
    const heldAfter = candidates.find(
      (m) =>
        m.from >= fromToken &&
        (t.verbBefore.test(tokens.slice(Math.max(0, m.from - 3), m.from).join(' ')) ||
          t.detain.test(tokens.slice(m.at + 1, m.at + 6).join(' '))),
    );
    if (heldAfter) return { self: false, relation: heldAfter.relation, word: heldAfter.who };
  }
  if (scan.has(t.selfDetained, words) && facts.detained === 'yes') return { self: true };
  // "Can my husband petition for me?": the writer is the one it is for.
  if (scan.has(t.forWriter, words)) return { self: true };
  // "Mi esposo y yo fuimos a su cita y lo dejaron adentro": him, not the two of them.
  // Nor "yo también tengo caso" beside the relative's detention: the writer's too, not instead.
  const selfEvent = t.selfEvent.test(
    (scan.has(t.heldPronoun, words) ? words.replace(everywhere(t.jointPair), ' ') : words).replace(
      everywhere(t.alsoSelf),
      ' ',
    ),
  );
  // "El papá de mis hijos", "my kids' father", "mi compañero de vida": a partner, whatever word
  // came before ("mi viejo").
  if (scan.has(t.partner, words) && !scan.has(t.selfDetained, words))
    return { self: false, relation: 'spouse', word: 'partner' };
  // "A mí y a mi hijo nos detuvieron", "my husband and I": it happened to the writer too.
  if (
    scan.has(t.jointSelf, words) &&
    (!event ||
      (t.we.test(words.replace(everywhere(t.jointPair), ' ')) && !scan.has(t.thirdPronoun, words)))
  )
    return { self: true };
  // "Vine con mi hija", "came with my son", "me casé con mi esposa": a companion, not who it is
  // about.
  const wordsAfter = (m: Mention) => tokens.slice(m.at + 1, m.at + 6).join(' ');
  const counted = candidates.filter((m) => !t.companion.test(wordsBefore(m)));
  const roles = counted
    .map((m) => ({
      m,
      // "detuvieron a mi esposo", "took my dad", "para mi hijo", "mi esposo tiene corte".
      object: t.objectBefore.test(wordsBefore(m)) || t.isBefore.test(wordsBefore(m)),
      verbBefore: t.verbBefore.test(wordsBefore(m)),
      subject: t.thirdPersonEvent.test(wordsAfter(m)),
    }))
    // "Tengo audiencia ... con mi hija": the writer's own event, the relative only mentioned.
    .filter((r) => !selfEvent || r.verbBefore);
  // Something happened: the one it was done to ("took my husband", "mi pana, a mi hermano lo
  // cogió") before one who does something.
  const chosen = event
    ? (roles.find((r) => r.verbBefore) ??
      roles.find((r) => r.object) ??
      roles.find((r) => r.subject))
    : roles.find((r) => r.object || r.subject || r.verbBefore);
  // "A mi mamá y a mi hermano", "my mom and my brother": two people, no one relationship.
  // Not "detuvieron a mi papá y mi mamá está sola": the second one has a sentence of her own.
  const joined = (m: Mention) =>
    counted.some((o) => {
      const between = tokens.slice(m.at + 1, o.from).join(' ');
      return (
        o !== m &&
        (/^(?:y|and) a$/.test(between) ||
          (/^(?:y|and)$/.test(between) && !t.ownPredicate.test(tokens[o.at + 1] ?? '')))
      );
    });
  // "Mi compañero de trabajo ... yo soy su supervisor": the writer's role says what they are.
  const role = (m: Mention) =>
    m.relation === 'friend' && scan.has(t.writerRole, words) ? 'other' : m.relation;
  if (chosen)
    return joined(chosen.m)
      ? { self: false }
      : { self: false, relation: role(chosen.m), word: chosen.m.who };
  // Something happened and one "mi X" is named: X is the one it happened to ("mi esposo, ICE,
  // ayer"; "mi esposa faltó a su corte").
  // Not a group the writer came with ("llegué con mis dos hijas").
  const [only, ...others] = candidates.filter(
    (m) => !(m.plural && t.companion.test(wordsBefore(m))),
  );
  if (event && others.length === 0 && only && !selfEvent) {
    return { self: false, relation: role(only), word: only.who };
  }
  // "My husband has a green card but they detained him": the one named, whatever he is.
  const [held, ...more] = all.filter((m) => m.status && !m.plural);
  if (
    event &&
    candidates.length === 0 &&
    held &&
    !more.length &&
    !selfEvent &&
    scan.has(t.heldPronoun, words)
  )
    return { self: false, relation: held.relation, word: held.who };
  if (selfEvent) return { self: true };
  // "I'm a pastor writing for one of our members": someone else, no relative named.
  // "A guy from my church was detained": someone the writer knows.
  if (event && counted.length === 0 && scan.has(t.looseFriend, words))
    return { self: false, relation: 'friend', word: 'friend' };
  // A pastor, a teacher, an employer: "other" when they say what they are to the person.
  if (scan.has(t.someoneElse, words) && counted.length === 0)
    return scan.has(t.writerRole, words) ? { self: false, relation: 'other' } : { self: false };
  if (scan.has(t.firstPerson, words) && counted.length === 0) return { self: true };
  // "Necesito ayuda con mi divorcio, mi esposo no quiere firmar": the writer's own matter.
  if (!event && scan.has(t.startsFirstPerson, words)) return { self: true };
  if (scan.has(t.thirdOnly, words) && counted.length === 0) return { self: false };
  // "Mi esposo", "my son", "es para mi hija": only who it is about, the relative last and alone.
  const [alone, ...besides] = counted;
  if (
    !event &&
    alone &&
    besides.length === 0 &&
    alone.at === tokens.length - 1 &&
    tokens.length <= 5
  )
    return { self: false, relation: alone.relation, word: alone.who };
  return undefined;
}

/**
 * The message with its texting spellings written out, word for word ("tngo corte" is "tengo
 * corte"), keeping each word's place so names and dates stay where they were; itself when it has
 * none.
 */
function respelled(text: Reading, t: StoryPhrases): Reading {
  if (!text.tokens.some((token) => own(t.spellings, token) !== undefined)) return text;
  return read(
    text.raw.replace(/[\p{L}\p{N}]+/gu, (word) => {
      // A plain ASCII word folds by lower case alone.
      const folded = /^[a-zA-Z0-9]+$/.test(word)
        ? word.toLowerCase()
        : word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      return own(t.spellings, folded) ?? word;
    }),
  );
}

/** The word for the person when the writer said what they are: only a spouse is sure. */
function personWord(writerIs: string): WhoWord {
  return writerIs === 'spouse' ? 'partner' : writerIs === 'friend' ? 'friend' : 'relative';
}

/**
 * The name of the person the story is about, when written out with capitals: right after the
 * relation word ("mi esposo Juan Pérez") or "se llama" for someone else, after "me llamo" for
 * the writer. Two words at least: a first name alone is asked for in full. The message's raw
 * words line up with its folded tokens, so the name keeps its accents and capitals.
 */
function nameIn(text: Reading, someoneElse: boolean, t: StoryPhrases): string | undefined {
  const tokens = text.tokens;
  const starts: number[] = [];
  const leads = someoneElse ? t.nameLeadsOther : t.nameLeadsOwn;
  const joined = ` ${text.words} `;
  for (const lead of leads) {
    const at = joined.indexOf(` ${lead} `);
    if (at >= 0)
      starts.push(
        joined
          .slice(1, at + 1)
          .split(' ')
          .filter(Boolean).length + lead.split(' ').length,
      );
  }
  if (someoneElse) {
    tokens.forEach((token, i) => {
      const next = tokens[i + 1] ?? '';
      if ((t.possessives.has(token) || token === 'al') && own(t.relations, next))
        starts.push(i + 2);
    });
  }
  // No word a name follows: the raw words are not split.
  if (starts.length === 0) return undefined;
  const raw = text.raw
    .normalize('NFC')
    .replace(/['’‘`´]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (raw.length !== tokens.length) return undefined;
  for (const start of starts) {
    const name: string[] = [];
    for (let j = start; j < raw.length && name.length < 6; j++) {
      const word = raw[j] ?? '';
      const folded = tokens[j] ?? '';
      // "Juan", not "JUAN" in a message typed in capitals, nor a sentence's first word.
      if (/^\p{Lu}\p{Ll}/u.test(word) && !t.notNames.has(folded)) name.push(word);
      else if (t.nameParticles.has(folded) && name.length > 0 && /^\p{Lu}/u.test(raw[j + 1] ?? ''))
        name.push(word);
      else break;
    }
    while (name.length && t.nameParticles.has((name.at(-1) ?? '').toLowerCase())) name.pop();
    if (name.filter((w) => /^\p{Lu}/u.test(w)).length >= 2) return name.join(' ');
  }
  return undefined;
}

/** "los angeles" → "Los Angeles": a place read from folded words, written as a place. */
function titleCase(place: string): string {
  return place
    .replace(/\b\p{L}/gu, (c) => c.toUpperCase())
    .replace(/\b([A-Z][a-z])$/u, (code) => code.toUpperCase());
}

function countryOf(words: string, t: StoryPhrases): string | undefined {
  const codes = new Set<string>();
  const from = everywhere(t.from);
  from.lastIndex = 0;
  for (let m = from.exec(words); m !== null; m = from.exec(words)) {
    if (m[0] === '') from.lastIndex += 1;
    const named = m[1] ?? '';
    // "es de Guatemala", "from El Salvador": one or two words after.
    const first = named.split(' ')[0] ?? '';
    const code = countryOfWords(named) ?? countryOfWords(first) ?? own(t.regions, first);
    if (code && code !== 'US') codes.add(code);
  }
  for (const token of words.split(' ')) {
    const code = own(t.demonyms, token);
    if (code) codes.add(code);
  }
  const [only] = codes;
  return codes.size === 1 ? only : undefined;
}
