import { describe, expect, it } from 'vitest';
import { advance, begin } from '../../../functions/core/engine/engine';
import { content } from '../../helpers/content';
import { intake, NOW, RESIDENT } from '../../helpers/intake';

describe('starting an intake', () => {
  it('says who it is, that it is not legal advice, the 911 line, and asks for consent', () => {
    const chat = intake();
    const text = chat.all.map((m) => m.text).join('\n');
    expect(text).toMatch(/not a lawyer/);
    expect(text).toMatch(/automated program \(AI\)/);
    expect(text).toMatch(/not legal advice/);
    expect(text).toMatch(/confidential/);
    expect(text).toMatch(/call 911/);
    expect(chat.state.step).toBe('consent');
    expect(chat.all.at(-1)?.choices?.map((c) => c.value)).toEqual(['yes', 'no']);
  });

  it('adds the SMS program terms only on SMS', () => {
    expect(intake({ channel: 'sms' }).all[0]?.text).toMatch(/Reply STOP to opt out/);
    expect(intake({ channel: 'web' }).all[0]?.text).not.toMatch(/STOP/);
  });

  it('records which disclaimer version was shown, in which language, on which channel and when', () => {
    const chat = intake({ language: 'es', channel: 'sms' });
    expect(chat.state.disclosures).toEqual([
      {
        version: content().flow.disclaimerVersion,
        language: 'es',
        channel: 'sms',
        at: NOW.toISOString(),
      },
    ]);
    chat.say('sí');
    expect(chat.state.consent).toMatchObject({ given: true, language: 'es', channel: 'sms' });
  });

  it('ends kindly and stores a declined intake when consent is refused', () => {
    const chat = intake();
    chat.say('no');
    expect(chat.state.status).toBe('declined');
    expect(chat.state.step).toBe('end');
    expect(chat.state.consent?.given).toBe(false);
    expect(chat.last).toMatch(/911/);
  });

  it('is deterministic: the same messages at the same time give the same state', () => {
    const a = intake();
    const b = intake();
    for (const text of ['yes', '1', '2', 'no']) {
      a.say(text);
      b.say(text);
    }
    expect(a.state).toEqual(b.state);
    expect(a.all).toEqual(b.all);
  });
});

describe('asking and re-asking', () => {
  it('re-asks with an example when the answer cannot be read', () => {
    const chat = intake();
    chat.answer(RESIDENT, 'detained');
    chat.say('purple');
    expect(chat.state.step).toBe('detained');
    expect(chat.last).toMatch(/did not understand.*For example: yes, no, or not sure/s);
    expect(chat.state.attempts).toBe(1);
  });

  it('offers a person after the third failure, and skip where the question is optional', () => {
    const chat = intake();
    chat.answer(RESIDENT, 'detained');
    for (let i = 0; i < 3; i++) chat.say('purple');
    expect(chat.last).toMatch(/"person"/);
    expect(chat.replies[0]?.choices?.map((c) => c.value)).toContain('person');
    expect(chat.last).not.toMatch(/"skip"/);
    chat.say('no');
    expect(chat.state.step).toBe('nextCheckInDate');
    chat.say('no');
    expect(chat.state.step).toBe('location');
    chat.say('San Diego, CA');
    expect(chat.state.step).toBe('aNumber');
    for (let i = 0; i < 3; i++) chat.say('A12');
    expect(chat.last).toMatch(/"skip"/);
  });

  it('words questions for a relative when the intake is about someone else', () => {
    const chat = intake();
    chat.answer({ ...RESIDENT, aboutSelf: '2' }, 'detained');
    expect(chat.last).toMatch(/Is the person in immigration detention/);
  });

  it('asks for the facility and date only when the person is detained', () => {
    const detained = intake();
    detained.answer({ ...RESIDENT, detained: 'yes' }, 'facility');
    expect(detained.state.step).toBe('facility');
    const free = intake();
    free.answer(RESIDENT, 'aNumber');
    expect(free.state.answers).not.toHaveProperty('facility');
    expect(free.state.history).not.toContain('facility');
  });

  it('accepts a choice by number, by value or by its label in either language', () => {
    for (const answer of [
      '2',
      'court',
      'Immigration court or deportation papers',
      'Corte de inmigración o papeles de deportación',
    ]) {
      const chat = intake();
      chat.say('yes');
      chat.say(answer);
      expect(chat.state.answers.matter, answer).toBe('court');
    }
  });

  it('stores a skipped optional question as skipped, not as an answer', () => {
    const chat = intake();
    chat.answer(RESIDENT, 'aNumber');
    chat.say('skip');
    expect(chat.state.skipped).toContain('aNumber');
    expect(chat.state.answers).not.toHaveProperty('aNumber');
  });
});

describe('reading answers the way people type them', () => {
  it.each([
    ['no lo se', 'unsure'],
    ['nose', 'unsure'],
    ['no estoy segura', 'unsure'],
    ['no tengo idea', 'unsure'],
    ['si', 'yes'],
    ['nop', 'no'],
  ])('reads "%s" at "detained" as %s, never as a plain no', (text, value) => {
    const chat = intake({ language: 'es' });
    chat.answer(RESIDENT, 'detained');
    chat.say(text);
    expect(chat.state.answers.detained).toBe(value);
  });

  it('re-asks "no entiendo" instead of storing a no', () => {
    const chat = intake({ language: 'es' });
    chat.answer(RESIDENT, 'detained');
    chat.say('no entiendo');
    expect(chat.state.step).toBe('detained');
    expect(chat.state.answers).not.toHaveProperty('detained');
  });

  it.each(['prefiero no contestar', 'prefiero no', 'no quiero decir', 'no comment'])(
    'reads "%s" about arrests as prefer-not',
    (text) => {
      const chat = intake();
      chat.answer(RESIDENT, 'criminalHistory');
      chat.say(text);
      expect(chat.state.answers.criminalHistory).toBe('prefer-not');
    },
  );

  it.each([
    ['mi esposo', 'no'],
    ['es mi esposo', 'no'],
    ['someone else', 'no'],
    ['my brother', 'no'],
    ['me', 'yes'],
    ['para mi', 'yes'],
  ])('reads "%s" as who the intake is about (%s = about self)', (text, value) => {
    const chat = intake();
    chat.answer(RESIDENT, 'aboutSelf');
    chat.say(text);
    expect(chat.state.answers.aboutSelf).toBe(value);
  });

  it.each([
    ['ice took my brother', 'detention'],
    ['la migra agarro a mi esposo', 'detention'],
    ['deportation', 'court'],
  ])('reads "%s" as the matter %s', (text, value) => {
    const chat = intake();
    chat.say('yes');
    chat.say(text);
    // A story that says who or what happened is said back first (engine/heard.ts).
    if (chat.state.step === 'heard') chat.say('yes');
    expect(chat.state.answers.matter).toBe(value);
  });

  it.each([
    ['nadie', ['none']],
    ['no', ['none']],
    ['mis hijos son ciudadanos', ['child-usc']],
    ['1, 5', ['spouse-usc', 'child-usc']],
  ])('reads "%s" as the family %j', (text, value) => {
    const chat = intake();
    chat.answer(RESIDENT, 'usFamily');
    chat.say(text);
    expect(chat.state.answers.usFamily).toEqual(value);
  });

  it.each([
    ['cbp one', 'parole'],
    ['i crossed the border', 'without-inspection'],
  ])('reads "%s" as the manner of entry %s', (text, value) => {
    const chat = intake();
    chat.answer(RESIDENT, 'entryManner');
    chat.say(text);
    expect(chat.state.answers.entryManner).toBe(value);
  });

  it.each(['no', 'no se donde lo tienen', 'no lo tengo', 'i dont know'])(
    'takes "%s" on an optional question as a skip, not as the answer',
    (text) => {
      const chat = intake();
      chat.answer({ ...RESIDENT, detained: 'yes' }, 'facility');
      chat.say(text);
      expect(chat.state.skipped).toContain('facility');
      expect(chat.state.answers).not.toHaveProperty('facility');
    },
  );

  it('reads "llegue en el 2008" as the year of arrival', () => {
    const chat = intake({ language: 'es' });
    chat.answer(RESIDENT, 'entryDate');
    chat.say('llegue en el 2008');
    expect(chat.state.answers.entryDate).toBe('2008');
  });
});

describe('commands', () => {
  it.each([
    // Detained: an emergency, so the contact questions come first (DOMAIN.md "Emergencies first").
    ['can i talk to a person', 'name'],
    ['quiero hablar con un abogado', 'name'],
  ])('hears "%s" in a free-text answer as a request for a person', (text, next) => {
    const chat = intake();
    chat.answer({ ...RESIDENT, detained: 'yes' }, 'facility');
    chat.say(text);
    expect(chat.state.handoff).toBe(true);
    expect(chat.state.answers).not.toHaveProperty('facility');
    expect(chat.state.step).toBe(next);
  });

  it('hears "delete this conversation" in a free-text answer as a request to erase', () => {
    const chat = intake();
    chat.answer({ ...RESIDENT, detained: 'yes' }, 'facility');
    chat.say('delete this conversation');
    expect(chat.state.step).toBe('deleteConfirm');
  });

  it('goes back to the previous question and forgets its answer', () => {
    const chat = intake();
    chat.answer(RESIDENT, 'detained');
    chat.say('back');
    expect(chat.state.step).toBe('aboutSelf');
    expect(chat.state.answers).not.toHaveProperty('aboutSelf');
  });

  it('switches language at any step and asks the same question again', () => {
    const chat = intake();
    chat.answer(RESIDENT, 'detained');
    chat.say('español');
    expect(chat.state.language).toBe('es');
    expect(chat.state.step).toBe('detained');
    expect(chat.last).toMatch(/detención/);
    chat.say('english');
    expect(chat.last).toMatch(/detention/);
  });

  it('shows the disclaimers again in the new language when switched before consent', () => {
    const chat = intake();
    chat.say('espanol');
    expect(chat.last).toMatch(/asesoría legal/);
    expect(chat.state.disclosures.map((d) => d.language)).toEqual(['en', 'es']);
  });

  it('restarts from the first question, keeping the consent on record', () => {
    const chat = intake();
    chat.answer(RESIDENT, 'hasCourtCase');
    chat.say('restart');
    expect(chat.state.answers).toEqual({});
    expect(chat.state.step).toBe('matter');
    expect(chat.state.consent?.given).toBe(true);
  });

  it('shows help and asks the pending question again', () => {
    const chat = intake();
    chat.answer(RESIDENT, 'detained');
    chat.say('help');
    expect(chat.all.at(-2)?.text).toMatch(/"back"/);
    expect(chat.state.step).toBe('detained');
  });

  it('erases everything after "borrar mis datos" is confirmed', () => {
    const chat = intake({ language: 'es' });
    chat.answer(RESIDENT, 'citizenship');
    chat.say('borrar mis datos');
    expect(chat.state.step).toBe('deleteConfirm');
    chat.say('sí');
    expect(chat.state.status).toBe('deleted');
    expect(chat.state.answers).toEqual({});
  });

  it('keeps everything when the erase is not confirmed', () => {
    const chat = intake();
    chat.answer(RESIDENT, 'citizenship');
    chat.say('delete my data');
    chat.say('no');
    expect(chat.state.step).toBe('citizenship');
    expect(chat.state.answers.detained).toBe('no');
  });

  it('takes a client who asks for a person straight to the contact questions', () => {
    const chat = intake();
    chat.answer(RESIDENT, 'detained');
    chat.say('talk to a person');
    expect(chat.state.step).toBe('location');
    chat.answer(RESIDENT);
    expect(chat.state.status).toBe('qualified');
    expect(chat.state.outcome?.reasons).toContain('asked-for-person');
  });

  it('reads "english" as an answer, not a command, when asking the consultation language', () => {
    const chat = intake({ language: 'es' });
    chat.answer(RESIDENT, 'preferredLanguage');
    chat.say('inglés');
    expect(chat.state.answers.preferredLanguage).toBe('en');
    expect(chat.state.language).toBe('es');
  });
});

describe('the closing summary and the outcome', () => {
  it('shows what it has and lets the client change one answer', () => {
    const chat = intake();
    chat.answer(RESIDENT, 'confirm');
    expect(chat.all.at(-2)?.text).toMatch(/Citizenship: Mexico/);
    expect(chat.all.at(-2)?.text).toMatch(/Phone: \(213\) 373-4253/);
    expect(chat.all.at(-2)?.text).toMatch(/Next hearing: March 3, 2027/);
    chat.say('2');
    expect(chat.state.step).toBe('confirmEdit');
    const summary = chat.all.at(-2)?.text ?? '';
    const line = summary.split('\n').find((l) => l.includes('Citizenship'));
    const number = line?.split('.')[0] ?? '';
    chat.say(number);
    expect(chat.state.step).toBe('citizenship');
    chat.say('Guatemala');
    expect(chat.state.step).toBe('confirm');
    expect(chat.state.answers.citizenship).toBe('GT');
  });

  it('asks the new branch when a changed answer opens one', () => {
    const chat = intake();
    chat.answer(RESIDENT, 'confirm');
    chat.say('change');
    const line = (chat.all.at(-2)?.text ?? '').split('\n').find((l) => l.includes('Detained now'));
    chat.say(line?.split('.')[0] ?? '');
    chat.say('yes');
    expect(chat.state.step).toBe('facility');
  });

  it('never echoes the A-number or criminal history by SMS', () => {
    const chat = intake({ channel: 'sms' });
    chat.answer(RESIDENT, 'confirm');
    const summary = chat.all.at(-2)?.text ?? '';
    expect(summary).not.toMatch(/123456789/);
    expect(summary).toMatch(/A-number: \(provided, not shown here\)/);
  });

  it('qualifies a complete in-area intake and stores the flags and urgency', () => {
    const chat = intake();
    chat.answer(RESIDENT);
    expect(chat.state.status).toBe('qualified');
    const outcome = chat.state.outcome;
    expect(outcome?.screening?.flags.map((f) => f.id)).toEqual(
      expect.arrayContaining([
        'cancellation-non-lpr',
        'family-petition',
        'prosecutorial-discretion',
      ]),
    );
    expect(outcome?.screening?.urgency).toBe('normal');
    expect(chat.last).toMatch(/Thank you, Maria/);
    expect(chat.last).toMatch(/Notice to Appear/);
  });

  it('refers a client who lives outside the service area before asking anything sensitive', () => {
    const chat = intake();
    chat.answer({ ...RESIDENT, location: 'Houston, TX' });
    expect(chat.state.status).toBe('referred');
    expect(chat.state.outcome?.reasons).toEqual(['out-of-area']);
    expect(chat.last).toMatch(/1-800-898-7180/);
    expect(chat.state.history).not.toContain('criminalHistory');
    expect(chat.state.history).not.toContain('phone');
  });

  it('changes the answer named in "cambiar la N" at once', () => {
    const chat = intake({ language: 'es' });
    chat.answer(RESIDENT, 'confirm');
    const lines = (chat.all.at(-2)?.text ?? '').split('\n');
    const n = lines.findIndex((l) => l.startsWith('') && l.includes('Ciudadanía'));
    chat.say(`cambiar la ${n}`);
    expect(chat.state.step).toBe('citizenship');
  });

  it('reads "la N" as the number of the answer to change', () => {
    const chat = intake({ language: 'es' });
    chat.answer(RESIDENT, 'confirm');
    chat.say('cambiar');
    const lines = (chat.all.at(-2)?.text ?? '').split('\n');
    const n = lines.findIndex((l) => l.includes('Ciudadanía'));
    chat.say(`la ${n}`);
    expect(chat.state.step).toBe('citizenship');
  });

  it('keeps in scope someone detained in a covered facility, wherever they live', () => {
    const chat = intake();
    chat.answer({
      ...RESIDENT,
      detained: 'yes',
      facility: 'otay mesa',
      detainedSince: 'yesterday',
      location: 'Houston, TX',
    });
    expect(chat.state.status).toBe('qualified');
    expect(chat.state.outcome?.screening?.urgency).toBe('emergency');
  });

  it('refers a matter that is not immigration at once', () => {
    const chat = intake();
    chat.say('yes');
    chat.say('4');
    expect(chat.state.status).toBe('referred');
    expect(chat.state.outcome?.reasons).toEqual(['not-immigration']);
  });

  it('tells a represented client the firm cannot advise them unless they want a second opinion', () => {
    const chat = intake();
    chat.answer({ ...RESIDENT, represented: 'yes' });
    expect(chat.state.outcome?.represented).toBe(true);
    expect(chat.last).toMatch(/second opinion/);
  });

  it('answers only "restart" after the end', () => {
    const ctx = { content: content(), now: NOW };
    const chat = intake();
    chat.answer(RESIDENT);
    const after = advance(ctx, chat.state, 'hello?');
    expect(after.state).toEqual(chat.state);
    expect(after.replies[0]?.text).toMatch(/has ended/);
    expect(advance(ctx, chat.state, 'restart').state.step).toBe(begin(ctx, 'en', 'web').state.step);
  });
});

describe('answers that used to be misread', () => {
  it.each(['para mi esposo', 'es sobre mi esposo'])('reads "%s" as about someone else', (text) => {
    const chat = intake({ language: 'es' });
    chat.answer(RESIDENT, 'aboutSelf');
    chat.say(text);
    expect(chat.state.answers.aboutSelf).toBe('no');
  });

  it.each(['no se', 'idk', 'si'])('asks the location again after "%s"', (text) => {
    const chat = intake();
    chat.answer(RESIDENT, 'location');
    chat.say(text);
    expect(chat.state.step).toBe('location');
    expect(chat.state.answers).not.toHaveProperty('location');
  });

  it('hears "borrar mis datos" at the consultation-language question as a request to erase', () => {
    const chat = intake({ language: 'es' });
    chat.answer(RESIDENT, 'preferredLanguage');
    chat.say('borrar mis datos');
    expect(chat.state.step).toBe('deleteConfirm');
    expect(chat.state.answers).not.toHaveProperty('preferredLanguage');
  });

  it('keeps a request for a person on the record when the client is referred out of area', () => {
    const chat = intake();
    chat.answer(RESIDENT, 'detained');
    chat.say('talk to a person');
    chat.say('Houston, TX');
    expect(chat.state.status).toBe('referred');
    expect(chat.state.outcome?.handoff).toBe(true);
    expect(chat.state.outcome?.reasons).toEqual(['out-of-area', 'asked-for-person']);
  });
});

describe('questions in the middle of the intake', () => {
  it('answers a question from the knowledge base, then asks the pending question again', () => {
    const chat = intake();
    chat.answer(RESIDENT, 'aNumber');
    chat.say('what is an A-number?');
    expect(chat.replies[0]?.text).toMatch(/general information, not legal advice/);
    expect(chat.replies.at(-1)?.text).toMatch(/back to my question:\nWhat is your A-number/);
    expect(chat.state.step).toBe('aNumber');
    expect(chat.state.attempts).toBe(0);
    expect(chat.state.questions).toEqual([
      {
        text: 'what is an A-number?',
        at: NOW.toISOString(),
        step: 'aNumber',
        articleId: 'a-number',
      },
    ]);
  });

  it('gives the short answer by SMS and the web answer on the web', () => {
    const web = intake();
    const sms = intake({ channel: 'sms' });
    for (const chat of [web, sms]) {
      chat.answer(RESIDENT, 'aNumber');
      chat.say('what is an A-number?');
    }
    const webText = web.replies[0]?.text ?? '';
    const smsText = sms.replies[0]?.text ?? '';
    expect(webText.length).toBeGreaterThan(smsText.length);
    expect(smsText).toMatch(/general information, not legal advice/);
  });

  it('says it does not know rather than guess', () => {
    const chat = intake();
    chat.answer(RESIDENT, 'citizenship');
    chat.say('who won the soccer game?');
    expect(chat.replies[0]?.text).toMatch(/I don't know that one/);
    expect(chat.state.questions[0]?.articleId).toBeNull();
    expect(chat.state.step).toBe('citizenship');
  });

  it('takes a question at a free-text step as a question, not as the answer', () => {
    const chat = intake({ language: 'es' });
    chat.answer({ ...RESIDENT, detained: 'yes' }, 'facility');
    chat.say('¿cómo encuentro a una persona detenida?');
    expect(chat.state.answers).not.toHaveProperty('facility');
    expect(chat.state.step).toBe('facility');
    expect(chat.state.questions).toHaveLength(1);
  });

  it('reads "sí" as the answer even though it could start a question', () => {
    const chat = intake();
    chat.answer(RESIDENT, 'detained');
    chat.say('yes?');
    expect(chat.state.answers.detained).toBe('yes');
    expect(chat.state.questions).toEqual([]);
  });
});

describe('articles offered at the end', () => {
  it('offers up to three articles matched to the answers, with their short answers on the web', () => {
    const chat = intake();
    chat.answer({
      ...RESIDENT,
      detained: 'yes',
      facility: 'Otay Mesa',
      detainedSince: 'yesterday',
    });
    const offer = chat.replies.at(-1)?.text ?? '';
    expect(offer).toMatch(/^General information that may help \(not legal advice\):/);
    const titles = offer.split('\n').filter((l) => l.startsWith('- '));
    expect(titles).toHaveLength(3);
    expect(titles[0]).toMatch(/detention/i);
    expect(titles[1]).toMatch(/bond/i);
    expect(offer.length).toBeGreaterThan(300);
  });

  it('sends only the titles by SMS', () => {
    const chat = intake({ channel: 'sms' });
    chat.answer(RESIDENT);
    const offer = chat.replies.at(-1)?.text ?? '';
    const lines = offer.split('\n').filter(Boolean);
    expect(lines.slice(1).every((l) => l.startsWith('- '))).toBe(true);
    expect(lines.length).toBeLessThanOrEqual(4);
  });

  it('always says what happens after the intake when nothing else applies', () => {
    const chat = intake({ language: 'es' });
    chat.answer({ ...RESIDENT, hasCourtCase: 'no', usFamily: '7' });
    expect(chat.replies.at(-1)?.text).toMatch(/Información general que le puede servir/);
    expect(chat.replies.at(-1)?.text).toMatch(/después/i);
  });

  it('offers nothing to a client who was referred', () => {
    const chat = intake();
    chat.answer({ ...RESIDENT, location: 'Houston, TX' });
    expect(chat.last).not.toMatch(/General information that may help/);
  });
});

describe('when texting is not safe', () => {
  it('tells a texter the firm will not text first and how to erase the conversation', () => {
    const chat = intake({ channel: 'sms', language: 'es' });
    chat.answer(RESIDENT, 'safeToContact');
    chat.say('no');
    expect(chat.replies[0]?.text).toMatch(/no le mandará textos primero.*borrar mis datos/s);
    expect(chat.state.step).toBe('safeContactAlternative');
  });

  it('says nothing of the kind on the web', () => {
    const chat = intake();
    chat.answer(RESIDENT, 'safeToContact');
    chat.say('no');
    expect(chat.last).not.toMatch(/will not text you first/);
  });
});
