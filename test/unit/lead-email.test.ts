import { describe, expect, it } from 'vitest';
import {
  buildLeadEmail,
  buildTakenEmail,
  emailWords,
  type LeadEmailOptions,
  leadSubject,
  shortName,
} from '../../functions/core/leads/email';
import { LeadJsonSchema, leadJson } from '../../functions/core/leads/json';
import type { Lead } from '../../functions/core/leads/lead';
import { content } from '../helpers/content';
import { aLead } from '../helpers/lead';

const LINKS = {
  transcript: 'https://intake.example.com/leads/L01HX7/transcript?sig=t1',
  accept: 'https://intake.example.com/leads/L01HX7/accept?sig=a1',
  decline: 'https://intake.example.com/leads/L01HX7/decline?sig=d1',
};
const OPTIONS: LeadEmailOptions = {
  firmName: 'Example Immigration Defense',
  from: 'intake@example.com',
  strings: content().strings,
};
const ENGLISH = emailWords(content().strings, 'en');

/** A daughter writes by SMS about her mother, detained at Otay Mesa; consultation in Spanish. */
function detainedLead(): Lead {
  return aLead({
    channel: 'sms',
    flags: [
      {
        id: 'bond',
        reasons: [
          'detained = yes since March 12, 2027: a bond hearing before an immigration judge may or may not be available (8 CFR 1236.1(d), 1003.19); attorney review needed',
          'Custody redetermination is separate from the removal case; where bond is available the minimum is $1,500 (INA 236(a)(2)(A))',
        ],
        complications: [
          'entryManner = without-inspection: whether people who entered without inspection can get a bond hearing is in active litigation',
        ],
        missing: [],
      },
      {
        id: 'family-petition',
        reasons: ['usFamily includes child-usc: a U.S.-citizen child who is 21 or older can file'],
        complications: [],
        missing: ['birthDate of the child: the child must be 21 or older'],
      },
    ],
    facts: {
      aboutSelf: 'no',
      detained: 'yes',
      facility: 'Otay Mesa',
      detainedSince: '2027-03-12',
      aNumber: 'A123456789',
      hasCourtCase: 'unsure',
      citizenship: 'GT',
      entryDate: '2016-05',
      entryManner: 'without-inspection',
      usFamily: ['child-usc'],
      fearOfReturn: 'no',
      criminalHistory: 'no',
      represented: 'no',
      name: 'María López',
      phone: '+16195550142',
      location: 'San Diego, CA',
      preferredLanguage: 'es',
      safeToContact: 'yes',
    },
    contact: {
      name: 'María López',
      writerName: 'Ana López',
      phone: '+16195550142',
      safeToContact: 'yes',
    },
    questions: [
      {
        text: '¿Le pueden dar fianza a mi mamá?',
        at: '2027-03-14T17:15:00.000Z',
        step: 'facility',
        articleId: 'bond-hearing',
      },
    ],
    routing: {
      attorneyId: 'att-rivera',
      to: ['rivera@example.com', 'oncall@example.com'],
      reasons: ['speaks es', 'covers CA', 'focus detained', 'fewest today', 'emergency: on-call'],
    },
  });
}

const withLead = (patch: Partial<Lead>, facts: Lead['facts'] = {}): Lead => {
  const lead = detainedLead();
  return { ...lead, ...patch, facts: { ...lead.facts, ...facts } };
};

describe('the subject', () => {
  it('puts urgency first, then the headline, first name and initial, facility and language', () => {
    expect(leadSubject(detainedLead(), ENGLISH)).toBe(
      '[EMERGENCY] Detained — María L., Otay Mesa, Spanish',
    );
  });

  it('names the top flag when the client is not detained, and the city where they live', () => {
    const asylum = withLead(
      {
        urgency: 'high',
        flags: [
          { id: 'asylum', reasons: ['fearOfReturn = yes'], complications: [], missing: [] },
          { id: 'tps', reasons: ['citizenship SV'], complications: [], missing: [] },
        ],
      },
      { detained: 'no' },
    );
    expect(leadSubject(asylum, ENGLISH)).toBe(
      '[HIGH] Asylum (deadline) — María L., San Diego, Spanish',
    );
    const missed = withLead(
      {
        urgency: 'high',
        language: 'en',
        flags: [{ id: 'motion-to-reopen', reasons: ['missed'], complications: [], missing: [] }],
      },
      { detained: 'no', missedHearing: 'yes' },
    );
    expect(leadSubject(missed, ENGLISH)).toBe(
      '[HIGH] Missed hearing — María L., San Diego, English',
    );
  });

  it('says "Intake" with no flag, and a hearing date when a hearing this week drove the level', () => {
    const plain = withLead({ urgency: 'normal', flags: [], language: 'Mam' }, { detained: 'no' });
    expect(leadSubject(plain, ENGLISH)).toBe('[NORMAL] Intake — María L., San Diego, Mam');
    const hearing = withLead(
      {
        urgency: 'emergency',
        urgencyReasons: ['nextHearingDate 2027-03-18 is in 4 days (within 7 days)'],
      },
      { detained: 'no', nextHearingDate: '2027-03-18' },
    );
    expect(leadSubject(hearing, ENGLISH)).toMatch(/^\[EMERGENCY\] Hearing March 18 — /);
  });

  it('shows only the first name and last initial, and stays under 80 characters', () => {
    expect(shortName('  Juan Carlos   Pérez ')).toBe('Juan P.');
    expect(shortName('Cher')).toBe('Cher');
    expect(shortName(undefined)).toBeUndefined();
    const long = withLead(
      { contact: { name: 'Bartholomew-Alexander Montgomery-Featherstonehaugh' } },
      { facility: 'Northwest ICE Processing Center in Tacoma, Washington State' },
    );
    const subject = leadSubject(long, ENGLISH);
    expect(subject.length).toBeLessThanOrEqual(80);
    expect(subject).not.toContain('Featherstonehaugh');
  });

  it('cannot be split into extra headers by CR/LF in client text', () => {
    const lead = withLead({ contact: { name: 'Eve\r\nBcc: spy@example.net\r\n X' } });
    const subject = leadSubject(lead, ENGLISH);
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toBe('[EMERGENCY] Detained — Eve X., Otay Mesa, Spanish');
  });
});

describe('the body', () => {
  const email = buildLeadEmail(detainedLead(), LINKS, OPTIONS);

  it('is addressed to the routed addresses with the lead id header and lead.json', () => {
    expect(email.from).toBe('intake@example.com');
    expect(email.to).toEqual(['rivera@example.com', 'oncall@example.com']);
    expect(email.headers).toEqual({ 'X-Amparo-Lead-Id': 'L01HX7' });
    expect(email.attachments).toHaveLength(1);
    expect(email.attachments[0]).toMatchObject({
      filename: 'lead.json',
      contentType: 'application/json',
    });
  });

  it.each([
    ['text', email.text],
    ['html', email.html],
  ])(
    'holds urgency, flags, contact, detention, entry facts, questions and links (%s)',
    (_, body) => {
      for (const expected of [
        'EMERGENCY',
        'detained = yes: the client is in immigration detention',
        'Possible options for attorney review',
        'Bond hearing',
        'a bond hearing before an immigration judge may or may not be available',
        'May bar or weaken',
        'Missing information',
        'Family petition',
        'María López',
        'Ana López (on the client’s behalf)',
        '(619) 555-0142',
        'Language for the consultation',
        'Spanish',
        'Otay Mesa',
        'March 12, 2027',
        'A123456789',
        'Guatemala (GT)',
        'May 2016',
        'Crossed without being checked',
        'Child, U.S. citizen',
        'Questions the client asked, in their own words',
        '¿Le pueden dar fianza a mi mamá?',
        'View the full transcript',
        'Accept this lead',
        'Decline',
        'speaks es; covers CA',
      ]) {
        // The text part writes section titles in capitals.
        expect(body.toLowerCase()).toContain(expected.toLowerCase());
      }
    },
  );

  it('puts each link in the text part on its own labelled line', () => {
    expect(email.text).toContain(`View the full transcript: ${LINKS.transcript}\n`);
    expect(email.text).toContain(`Accept this lead: ${LINKS.accept}\n`);
    expect(email.text).toContain(`Decline: ${LINKS.decline}\n`);
  });

  it('makes the links large buttons, escaped in the href', () => {
    expect(email.html).toContain(`href="${LINKS.accept}"`);
    expect(email.html).toMatch(
      /<a href="[^"]+decline[^"]+" style="display:block;[^"]*padding:14px/,
    );
  });

  it('refuses a link that is not http(s)', () => {
    const links = { ...LINKS, accept: 'javascript:alert(1)' };
    expect(() => buildLeadEmail(detainedLead(), links, OPTIONS)).toThrow(/accept link/);
  });

  it('stands alone on a phone: no external images, stylesheets or scripts', () => {
    expect(email.html).toContain('name="viewport"');
    expect(email.html).not.toMatch(/<img|<link|<script|url\(|@import/i);
    expect(email.html.match(/https?:\/\/[^"\s<]+/g)).toEqual(
      expect.arrayContaining([LINKS.transcript, LINKS.accept, LINKS.decline]),
    );
    expect(new Set(email.html.match(/https?:\/\/[^"\s<]+/g))).toEqual(
      new Set([LINKS.transcript, LINKS.accept, LINKS.decline]),
    );
  });

  it('warns first when it is not safe to contact, and says when the client has a lawyer', () => {
    const lead = withLead({
      represented: true,
      contact: { name: 'Rosa M.', safeToContact: 'no', safeContactAlternative: 'after 6 pm only' },
    });
    const { text, html } = buildLeadEmail(lead, LINKS, OPTIONS);
    expect(text).toContain(
      'NOT safe to call, text or leave a message at this number. Safer way: “after 6 pm only”.',
    );
    expect(text.indexOf('NOT safe')).toBeLessThan(text.indexOf('POSSIBLE OPTIONS'));
    expect(text).toContain('already have a lawyer for this case: second opinion only');
    expect(html).toContain('second opinion only');
  });

  it('says so when no option was flagged, as possible options and never as promises', () => {
    const { text } = buildLeadEmail(withLead({ flags: [] }), LINKS, OPTIONS);
    expect(text).toContain('No option was flagged on the facts given.');
    expect(text).toContain('not determinations or promises');
  });

  it('shows free text as typed even when it reads like a choice', () => {
    const lead = withLead({}, { facility: 'other', adverseParties: 'none', court: 'yes' });
    const { text } = buildLeadEmail(lead, LINKS, OPTIONS);
    expect(text).toContain('Detention center: other\n');
    expect(text).toContain('People to check for conflicts: none\n');
    expect(text).toContain('Court: yes\n');
  });

  it('shows the adverse parties only under a labelled conflict check', () => {
    const lead = withLead({}, { adverseParties: 'Jorge Ramírez' });
    const { text } = buildLeadEmail(lead, LINKS, OPTIONS);
    expect(text).toContain('CONFLICT CHECK\nPeople to check for conflicts: Jorge Ramírez\n');
  });
});

describe('the words, from prompts/strings.*.yaml', () => {
  const en = content().strings.en;
  const withStrings = (changes: Record<string, string>): LeadEmailOptions => ({
    ...OPTIONS,
    strings: { ...content().strings, en: { ...en, ...changes } },
  });

  it('labels facts and answers as the intake summary does', () => {
    const { text } = buildLeadEmail(detainedLead(), LINKS, OPTIONS);
    const label = (id: string) => en[`steps.${id}.label`];
    expect(text).toContain(`\n${label('detained')}: ${en['answers.yes']}\n`);
    expect(text).toContain(`\n${label('hasCourtCase')}: ${en['answers.unsure']}\n`);
    expect(text).toContain(
      `\n${label('entryManner')}: ${en['steps.entryManner.options.without-inspection']}\n`,
    );
    expect(text).toContain(`\n${label('usFamily')}: ${en['steps.usFamily.options.child-usc']}\n`);
    expect(text).toContain(
      `\n${label('preferredLanguage')}: ${en['steps.preferredLanguage.options.es']}\n`,
    );
  });

  it('shows a label changed in the catalog, in the subject and both parts', () => {
    const options = withStrings({
      'steps.detained.label': 'Held by ICE',
      'email.flags.bond': 'Custody (bond)',
      'email.urgency.emergency': 'URGENT',
    });
    const { subject, text, html } = buildLeadEmail(detainedLead(), LINKS, options);
    expect(subject).toBe('[URGENT] Detained — María L., Otay Mesa, Spanish');
    expect(text).toContain('\nHeld by ICE: Yes\n');
    expect(text).toContain('\n* Custody (bond) (bond)\n');
    expect(html).toContain('Held by ICE</div>');
    expect(html).toContain('URGENT · NEW LEAD');
    expect(text + html).not.toContain('Bond hearing');
  });

  it("keeps the attorney's wording where it differs from the client's", () => {
    const lead = withLead({}, { criminalHistory: 'prefer-not' });
    const { text } = buildLeadEmail(lead, LINKS, OPTIONS);
    expect(en['answers.prefer-not']).toBe('Prefer not to say');
    expect(text).toContain('\nArrests or convictions: Prefers not to say\n');
  });

  it('writes the whole email in Spanish for a firm whose attorneys read Spanish', () => {
    const es = content().strings.es;
    const lead = withLead({ flags: [] }, { criminalHistory: 'prefer-not' });
    const { subject, text, html } = buildLeadEmail(lead, LINKS, { ...OPTIONS, language: 'es' });
    expect(subject).toBe('[EMERGENCIA] Detenido — María L., Otay Mesa, Español');
    expect(text).toContain(`\n${es['steps.detained.label']}: Sí\n`);
    expect(text).toContain(`\n${es['steps.detainedSince.label']}: 12 de marzo de 2027\n`);
    expect(text).toContain(`\n${es['steps.criminalHistory.label']}: Prefiere no decirlo\n`);
    expect(text).toContain(`\nAceptar este caso: ${LINKS.accept}\n`);
    expect(text).toContain('Ninguna opción quedó señalada con los datos dados.');
    expect(html).toContain('<html lang="es">');
    for (const english of ['Detained now', 'Accept this lead', 'Possible options', 'received']) {
      expect(text + html).not.toContain(english);
    }
  });

  it('names the missing string when the catalog lacks one of its words', () => {
    const strings = { ...content().strings, en: { ...en } };
    delete strings.en['email.decline'];
    expect(() => buildLeadEmail(detainedLead(), LINKS, { ...OPTIONS, strings })).toThrow(
      'missing string en:email.decline',
    );
  });
});

describe('escaping client text', () => {
  const SCRIPT = '<script>alert(1)</script>';
  const IMG = '<img src=x onerror=alert(1)>';
  const hostile = (payload: string) =>
    withLead(
      {
        language: payload,
        contact: {
          name: `${payload} Pérez`,
          writerName: payload,
          safeToContact: 'no',
          safeContactAlternative: payload,
        },
        questions: [{ text: payload, at: '2027-03-14T17:15:00.000Z', step: 'x', articleId: null }],
      },
      {
        facility: payload,
        location: payload,
        adverseParties: payload,
        court: payload,
        name: payload,
      },
    );

  it.each([SCRIPT, IMG])('shows %s as text in every client field of the HTML', (payload) => {
    const { html } = buildLeadEmail(hostile(payload), LINKS, OPTIONS);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    const escaped = payload.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    // name, writer, safer way (notice and row), facility, location, court, conflict check,
    // question, language (banner row), title: each shown escaped.
    const shown = html.split(escaped).length - 1;
    expect(shown).toBeGreaterThanOrEqual(9);
    for (const label of [
      'Detention center',
      'Location',
      'Court',
      'People to check for conflicts',
    ]) {
      expect(html).toMatch(
        new RegExp(
          `${label}</div><div dir="auto" style="[^"]*">${escaped.replace(/[()]/g, '\\$&')}`,
        ),
      );
    }
  });

  it('escapes quotes so client text cannot leave an attribute', () => {
    const lead = withLead({}, { facility: '" onmouseover="alert(1)' });
    const { html } = buildLeadEmail(lead, LINKS, OPTIONS);
    expect(html).not.toContain('" onmouseover="');
    expect(html).toContain('&quot; onmouseover=&quot;alert(1)');
  });

  it('keeps typed line breaks from forging lines in the text part', () => {
    const lead = withLead({
      questions: [
        {
          text: 'hola\r\nAccept this lead: https://evil.example/x\u202Egnp.exe',
          at: '2027-03-14T17:15:00.000Z',
          step: 'x',
          articleId: null,
        },
      ],
    });
    const { text, html } = buildLeadEmail(lead, LINKS, OPTIONS);
    expect(text).not.toMatch(/^Accept this lead: https:\/\/evil/m);
    expect(text).toContain('- “hola Accept this lead: https://evil.example/xgnp.exe”');
    expect(text + html).not.toContain('\u202E');
  });
});

describe('lead.json', () => {
  it('holds exactly the documented keys and validates against LeadJsonSchema', () => {
    const lead = detainedLead();
    const json = JSON.parse(buildLeadEmail(lead, LINKS, OPTIONS).attachments[0].content);
    expect(LeadJsonSchema.parse(json)).toEqual(leadJson(lead));
    expect(Object.keys(json).sort()).toEqual(
      [
        'leadId',
        'createdAt',
        'urgency',
        'urgencyReasons',
        'flags',
        'facts',
        'contact',
        'routedTo',
        'language',
        'questions',
        'phoneProven',
        'said',
        'intake',
        'updates',
        'conflicts',
        'status',
        'stage',
      ].sort(),
    );
    // DOMAIN.md: id, reasons, complications and missing information.
    expect(json.flags[0]).toEqual({
      id: 'bond',
      reasons: lead.flags[0]?.reasons,
      complications: lead.flags[0]?.complications,
      missing: lead.flags[0]?.missing,
    });
    expect(json.routedTo).toEqual({
      attorneyId: 'att-rivera',
      to: ['rivera@example.com', 'oncall@example.com'],
    });
    expect(json.facts.aNumber).toBe('A123456789');
  });

  it('rejects keys outside the contract', () => {
    const json = { ...leadJson(detainedLead()), notes: [] };
    expect(LeadJsonSchema.safeParse(json).success).toBe(false);
  });
});

describe('an emergency’s first screen (issue 14)', () => {
  const emergency = () =>
    withLead(
      {},
      {
        aNumber: undefined,
        writerRelationship: 'child',
        arrestSetting: 'border',
        signedPapers: 'yes',
        trafficking: 'no',
        crimeVictim: 'no',
      },
    );

  it('shows who, where, since when, the A-number or NOT GIVEN, the writer, before the options', () => {
    const { text } = buildLeadEmail(emergency(), LINKS, OPTIONS);
    const glance = text.indexOf('AT A GLANCE');
    expect(glance).toBeGreaterThan(-1);
    expect(glance).toBeLessThan(text.indexOf('POSSIBLE OPTIONS'));
    const first = text.slice(glance, text.indexOf('POSSIBLE OPTIONS'));
    expect(first).toContain('Who: María López');
    expect(first).toContain('Detention center: Otay Mesa');
    expect(first).toContain('A-number: NOT GIVEN');
    expect(first).toContain('Written by: Ana López (son or daughter)');
    expect(first).toContain('Safe to contact: Yes');
    // Accept right there, with when it moves on.
    expect(first).toContain(`Accept this lead: ${LINKS.accept}`);
  });

  it('names what could mean removal within hours or no bond, and what to ask first', () => {
    const { text } = buildLeadEmail(emergency(), LINKS, OPTIONS);
    expect(text).toContain('Signed papers in detention');
    expect(text).toContain('a judge generally cannot set bond');
    expect(text).toMatch(/Ask on the first call:\n(.*\n)* {2}- A-number/);
    expect(text).not.toMatch(/Ask on the first call:\n( {2}- .*\n)* {2}- Detention center\n/);
  });

  it('makes the phone a number to tap in the HTML part', () => {
    const { html } = buildLeadEmail(emergency(), LINKS, OPTIONS);
    expect(html).toContain('href="tel:+16195550142"');
  });

  it('says when it moves on and to whom, when the caller knows', () => {
    const options = {
      ...OPTIONS,
      escalation: { at: '2027-03-14T17:52:05.000Z', next: 'Lucía Ferreira' },
    };
    const { text } = buildLeadEmail(emergency(), LINKS, options);
    expect(text).toContain('If nobody accepts it by 5:52 PM UTC, it goes to Lucía Ferreira');
  });

  it('puts the screened-negative answers in one line, and the disclaimer once, in the footer', () => {
    const { text } = buildLeadEmail(emergency(), LINKS, OPTIONS);
    expect(text).toMatch(/Said no to: [^\n]*Afraid to return|Said no to: [^\n]*Crime/);
    const note = ENGLISH.say('flagsNote');
    expect(text.split(note).length - 1).toBe(1);
    expect(text.indexOf(note)).toBeGreaterThan(text.indexOf('RESPOND'));
  });

  it('has no first screen when the lead is not an emergency', () => {
    const { text } = buildLeadEmail(withLead({ urgency: 'high' }), LINKS, OPTIONS);
    expect(text).not.toContain('AT A GLANCE');
  });
});

describe('an update (DOMAIN.md "Lead updates")', () => {
  const updated = () =>
    withLead({
      updates: [
        {
          at: '2027-03-14T17:40:00.000Z',
          reason: 'intake-ended',
          changes: [
            { field: 'intake', before: 'in-progress', after: 'complete' },
            { field: 'arrestSetting', after: 'work' },
            { field: 'contact.safeToContact', after: 'no' },
          ],
        },
      ],
    });

  it('says UPDATED first in the subject and the banner', () => {
    const email = buildLeadEmail(updated(), LINKS, OPTIONS);
    expect(email.subject).toMatch(/^\[UPDATED\] \[EMERGENCY\] Detained/);
    expect(email.subject.length).toBeLessThanOrEqual(80);
    expect(email.html).toContain('UPDATED LEAD');
  });

  it('opens with what changed, in an attorney’s words', () => {
    const { text } = buildLeadEmail(updated(), LINKS, OPTIONS);
    expect(text.split('\n').slice(0, 4)).toEqual([
      'WHAT CHANGED',
      'Intake: still answering → finished',
      'Safe to contact: not given → No',
      'Where arrested: not given → At work',
    ]);
  });

  it('is a plain first send without updates', () => {
    const email = buildLeadEmail(detainedLead(), LINKS, OPTIONS);
    expect(email.subject).not.toContain('UPDATED');
    expect(email.text).not.toContain('WHAT CHANGED');
  });
});

describe('the headline of a county-jail hold', () => {
  it('says held in county jail when the writer is not sure it is ICE', () => {
    const lead = withLead({}, { detained: 'unsure', arrestSetting: 'county-jail' });
    expect(leadSubject(lead, ENGLISH)).toMatch(/^\[EMERGENCY\] Held in county jail — /);
  });
});

describe('a long "What changed" box', () => {
  it('lists what moved first, at most 8 rows, then how many more', () => {
    const changes = [
      ...[
        'abusedByFamily',
        'missedHearing',
        'isLpr',
        'fearOfReturn',
        'crimeVictim',
        'trafficking',
      ].map((field) => ({ field, after: 'no' })),
      { field: 'birthDate', after: '1988-03-04' },
      { field: 'location', after: 'Los Angeles, CA' },
      { field: 'represented', after: 'no' },
      { field: 'intake', before: 'in-progress', after: 'complete' },
      { field: 'contact.safeToContact', before: 'yes', after: 'no' },
    ];
    const lead = withLead({
      updates: [{ at: '2027-03-14T17:40:00.000Z', reason: 'intake-ended', changes }],
    });
    const { text } = buildLeadEmail(lead, LINKS, OPTIONS);
    const box = text.slice(0, text.indexOf('\n\n')).split('\n');
    expect(box[1]).toBe('Intake: still answering → finished');
    expect(box[2]).toBe('Safe to contact: Yes → No');
    expect(box).toHaveLength(1 + 8 + 1);
    expect(box[9]).toBe('And 3 more: new answers, in the sections below');
  });
});

describe('the notice that someone took the lead', () => {
  it('names who, escapes what it shows, and carries the lead id', () => {
    const email = buildTakenEmail(detainedLead(), 'Ana <Robles>', OPTIONS);
    expect(email.subject).toMatch(/^\[TAKEN by Ana <Robles>\] Detained — María L\./);
    expect(email.text).toContain('Ana <Robles> accepted lead');
    expect(email.html).toContain('Ana &lt;Robles&gt; accepted lead');
    expect(email.html).not.toContain('<Robles>');
    expect(email.headers['X-Amparo-Lead-Id']).toBe(detainedLead().leadId);
  });
});
