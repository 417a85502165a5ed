/**
 * Emergencies first (DOMAIN.md): once the answers make the intake an emergency, what an attorney
 * needs to act is asked at once; on the detained path the phone comes within 8 questions,
 * counting consent (and the say-back of the first message, when there is one), in both languages
 * and on both channels.
 */
import { describe, expect, it } from 'vitest';
import { FlowSchema } from '../../../functions/core/flow';
import { content } from '../../helpers/content';
import { intake, RESIDENT } from '../../helpers/intake';

/**
 * What a relative says, the first time each question is asked, in their own words. Her first
 * message is said back (`heard`) and she confirms it; aboutSelf, writerRelationship and detained
 * are here for the paths where the matter is picked by its button and they are asked.
 */
const RELATIVE: Record<string, Record<string, string>> = {
  en: {
    consent: 'yes',
    matter: 'ICE detained my husband',
    heard: 'yes',
    aboutSelf: 'my husband',
    writerRelationship: 'his wife',
    detained: 'yes',
    facility: 'Otay Mesa',
    name: 'Jose Ramirez',
    writerName: 'Ana Ramirez',
    phone: '(213) 373-4253',
  },
  es: {
    consent: 'si',
    matter: 'detuvieron a mi esposo',
    heard: 'si',
    aboutSelf: 'mi esposo',
    writerRelationship: 'soy su esposa',
    detained: 'si',
    facility: 'otay mesa',
    name: 'Jose Ramirez',
    writerName: 'Ana Ramirez',
    phone: '(213) 373-4253',
  },
};

describe('the detained path', () => {
  for (const language of ['en', 'es'] as const) {
    for (const channel of ['web', 'sms'] as const) {
      it(`asks for the phone within 8 questions, counting consent (${language}, ${channel})`, () => {
        const chat = intake({ language, channel });
        const answers = RELATIVE[language] as Record<string, string>;
        const asked: string[] = [];
        while (chat.state.step !== 'phone' && asked.length < 20) {
          asked.push(chat.state.step);
          chat.say(answers[chat.state.step] ?? '');
        }
        // "ICE detained my husband" / "detuvieron a mi esposo" is said back and confirmed: who
        // it is about, the relationship and detained are not asked.
        expect(asked).toEqual(['consent', 'matter', 'heard', 'facility', 'name', 'writerName']);
        expect(chat.state.answers).toMatchObject({
          aboutSelf: 'no',
          writerRelationship: 'spouse',
          detained: 'yes',
        });
        // The matter by its button (nothing to say back) and the relationship asked (a button
        // at aboutSelf): still 8 before the phone.
        const button = intake({ language, channel });
        button.answer(
          { ...answers, matter: '1', aboutSelf: '2', writerRelationship: '1' },
          'phone',
        );
        expect(button.state.history).not.toContain('heard');
        expect(['consent', ...button.state.history]).toEqual([
          'consent',
          'matter',
          'aboutSelf',
          'writerRelationship',
          'detained',
          'facility',
          'name',
          'writerName',
        ]);
      });
    }
  }

  it('asks safe to call and the language right after the phone, then the rest', () => {
    const chat = intake();
    chat.answer({ ...RESIDENT, ...RELATIVE.en }, 'phone');
    chat.say('(213) 373-4253');
    expect(chat.state.step).toBe('safeToContact');
    chat.say('no');
    expect(chat.state.step).toBe('safeContactAlternative');
    chat.say('text me only after 6 pm');
    expect(chat.state.step).toBe('preferredLanguage');
    chat.say('spanish');
    // Then the intake goes on in flow order: where the arrest happened is next.
    expect(chat.state.step).toBe('arrestSetting');
  });

  it('goes on in flow order when the person is not detained', () => {
    const chat = intake();
    // The matter by its button: detained is asked, not read from a story.
    chat.answer({ ...RESIDENT, ...RELATIVE.en, matter: '1', detained: 'no' }, 'nextCheckInDate');
    expect(chat.state.history).not.toContain('name');
  });

  it('goes fast from a county jail when the writer is not sure it is ICE', () => {
    const chat = intake();
    // The matter by its button: detained is asked, not read from a story.
    chat.answer(
      { ...RESIDENT, ...RELATIVE.en, matter: '1', detained: 'not sure' },
      'arrestSetting',
    );
    chat.say('the police took him to the county jail');
    expect(chat.state.answers.arrestSetting).toBe('county-jail');
    expect(chat.state.step).toBe('facility');
    chat.say('Vista jail');
    expect(chat.state.step).toBe('name');
  });

  it('asks the contact questions first once a hearing within 7 days makes it an emergency', () => {
    const chat = intake();
    chat.answer({ ...RESIDENT, nextHearingDate: 'November 30, 2026' }, 'nextHearingDate');
    chat.say('November 30, 2026');
    expect(chat.state.step).toBe('name');
  });

  it('keeps the client’s own words beside the parsed answer', () => {
    const chat = intake({ language: 'es' });
    chat.answer(
      {
        ...RESIDENT,
        ...RELATIVE.es,
        removalOrder: 'si',
        orderDate: '2015',
        safeToContact: 'si',
        preferredLanguage: '2',
        detainedSince: 'ayer',
      },
      'priorRemovalKind',
    );
    chat.say('lo deportaron en 2015');
    expect(chat.state.answers.priorRemovalKind).toEqual(['judge']);
    expect(chat.state.said.priorRemovalKind).toBe('lo deportaron en 2015');
    // Detained came from her first message, confirmed at the say-back: those are its words.
    expect(chat.state.answers.detained).toBe('yes');
    expect(chat.state.said.detained).toBe('detuvieron a mi esposo');
  });
});

describe('a conversation whose lead went out already', () => {
  it('is not erased from the chat: the firm holds it, and the question is asked again', () => {
    const chat = intake();
    chat.answer({ ...RESIDENT, ...RELATIVE.en }, 'safeToContact');
    chat.state.leadId = 'L1';
    chat.say('delete my data');
    expect(chat.last).toMatch(/already has the information/);
    expect(chat.state.status).toBe('active');
    expect(chat.state.step).toBe('safeToContact');
  });
});

describe('the flow file', () => {
  it('refuses emergencyFirst steps that do not exist, and a leadAfter outside them', () => {
    const flow = content().flow;
    const bad = { ...flow, emergencyFirst: { steps: ['phone', 'nope'], leadAfter: 'phone' } };
    expect(FlowSchema.safeParse(bad).success).toBe(false);
    const outside = { ...flow, emergencyFirst: { steps: ['phone'], leadAfter: 'name' } };
    expect(FlowSchema.safeParse(outside).success).toBe(false);
    expect(FlowSchema.safeParse(flow).success).toBe(true);
  });
});

describe('answers to the new questions, in people’s words', () => {
  const detained = () => {
    const chat = intake({ language: 'es' });
    chat.answer(
      { ...RESIDENT, ...RELATIVE.es, safeToContact: 'si', preferredLanguage: '2' },
      'arrestSetting',
    );
    return chat;
  };

  it('reads "no sé" as not sure where "not sure" is an answer, not as a skip', () => {
    const chat = detained();
    chat.say('no sé');
    expect(chat.state.answers.arrestSetting).toBe('unsure');
    chat.answer({ detainedSince: 'ayer' }, 'bondSet');
    chat.say('no se');
    expect(chat.state.answers.bondSet).toBe('unsure');
    expect(chat.state.skipped).not.toContain('bondSet');
  });

  it('reads a bond amount and a health need said without "yes" as yes, with the words kept', () => {
    const chat = detained();
    chat.answer({ arrestSetting: 'en el trabajo', detainedSince: 'ayer' }, 'bondSet');
    chat.say('5000 dolares');
    expect(chat.state.answers.bondSet).toBe('yes');
    expect(chat.state.said.bondSet).toBe('5000 dolares');
    chat.answer({ signedPapers: 'no' }, 'healthNeeds');
    chat.say('tiene diabetes, toma insulina');
    expect(chat.state.answers.healthNeeds).toBe('yes');
  });

  it('still asks again after a lone word that says nothing', () => {
    const chat = detained();
    chat.answer({ arrestSetting: 'en el trabajo', detainedSince: 'ayer' }, 'bondSet');
    chat.say('purple');
    expect(chat.state.step).toBe('bondSet');
  });

  it('reads "nunca" as never sent back, when the order was not sure', () => {
    const chat = intake({ language: 'es' });
    chat.answer({ ...RESIDENT, removalOrder: 'no se' }, 'priorRemovalKind');
    chat.say('nunca');
    expect(chat.state.answers.priorRemovalKind).toEqual(['never']);
  });
});

describe('who is writing, from the first words', () => {
  it.each([
    ['my dad', 'child'],
    ['mi mamá', 'child'],
    ['my son', 'parent'],
    ['soy su mamá', 'parent'],
    ['soy su hijo', 'child'],
    ['mi esposo', 'spouse'],
  ])('reads "%s" at aboutSelf as the writer being the person’s %s', (text, relationship) => {
    const chat = intake();
    chat.answer(RESIDENT, 'aboutSelf');
    chat.say(text);
    expect(chat.state.answers.aboutSelf).toBe('no');
    expect(chat.state.answers.writerRelationship).toBe(relationship);
  });

  it.each(['no es para mí', 'not about me', 'it is not for me'])(
    'reads "%s" as about someone else',
    (text) => {
      const chat = intake();
      chat.answer(RESIDENT, 'aboutSelf');
      chat.say(text);
      expect(chat.state.answers.aboutSelf).toBe('no');
    },
  );

  // A plain "no" says nothing about who the person is to the writer (it was transcript 26's
  // turn, before the first message was read for who it is about).
  it.each(['someone else', 'no'])('still asks the relationship after "%s"', (text) => {
    const chat = intake();
    chat.answer(RESIDENT, 'aboutSelf');
    chat.say(text);
    expect(chat.state.answers.aboutSelf).toBe('no');
    expect(chat.state.step).toBe('writerRelationship');
  });
});
