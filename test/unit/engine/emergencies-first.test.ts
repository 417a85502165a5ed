/**
 * Emergencies first (DOMAIN.md): once the answers make the intake an emergency, what an attorney
 * needs to act is asked at once; on the detained path the phone comes within 8 questions,
 * counting consent, in both languages and on both channels.
 */
import { describe, expect, it } from 'vitest';
import { FlowSchema } from '../../../functions/core/flow';
import { content } from '../../helpers/content';
import { intake, RESIDENT } from '../../helpers/intake';

/** What a relative says, the first time each question is asked, in their own words. */
const RELATIVE: Record<string, Record<string, string>> = {
  en: {
    consent: 'yes',
    matter: 'ICE detained my husband',
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
        const asked = ['consent'];
        chat.answer(RELATIVE[language] as Record<string, string>, 'phone');
        asked.push(...chat.state.history, 'phone');
        // consent, matter, aboutSelf, writerRelationship, detained, facility, name, writerName
        expect(asked.indexOf('phone')).toBeLessThanOrEqual(8);
        expect(chat.state.history).toEqual([
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
    chat.answer({ ...RESIDENT, ...RELATIVE.en, detained: 'no' }, 'nextCheckInDate');
    expect(chat.state.history).not.toContain('name');
  });

  it('goes fast from a county jail when the writer is not sure it is ICE', () => {
    const chat = intake();
    chat.answer({ ...RESIDENT, ...RELATIVE.en, detained: 'not sure' }, 'arrestSetting');
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
    expect(chat.state.said.detained).toBe('si');
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
