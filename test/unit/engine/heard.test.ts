/**
 * The story said back (engine/heard.ts) and answers read by what they state, through the engine
 * as a client meets them: the first message, the say-back, yes, no, a correction; later answers.
 */
import { describe, expect, it } from 'vitest';
import { intake } from '../../helpers/intake';

const NOW = new Date('2026-11-25T20:00:00Z'); // noon in Los Angeles, a Wednesday

function started(language: 'en' | 'es' = 'es', channel: 'web' | 'sms' = 'web') {
  const chat = intake({ language, channel, now: NOW });
  chat.say(language === 'es' ? 'sí' : 'yes');
  return chat;
}

describe('the first message, said back', () => {
  it('says back "detuvieron a mi esposo" and, on yes, asks neither who nor whether detained', () => {
    const chat = started();
    chat.say('detuvieron a mi esposo');
    expect(chat.state.step).toBe('heard');
    expect(chat.last).toContain('Entendí: su esposo está en detención de migración (ICE).');
    expect(chat.last).toContain('¿Es correcto?');
    chat.say('sí');
    expect(chat.state.answers).toMatchObject({
      matter: 'detention',
      aboutSelf: 'no',
      writerRelationship: 'spouse',
      detained: 'yes',
    });
    // An emergency: the facility is asked first, and nothing already said is asked again.
    expect(chat.state.step).toBe('facility');
    const asked = chat.all.map((m) => m.text).join('\n');
    expect(asked).not.toContain('¿Es sobre usted o sobre otra persona?');
    expect(asked).not.toMatch(/está en detención de migración ahora/);
  });

  it('says back who alone ("es para mi hermano"), then asks what happened, and never who again', () => {
    const chat = started();
    chat.say('es para mi hermano');
    expect(chat.state.step).toBe('heard');
    expect(chat.last).toContain('Entendí: se trata de su hermano.');
    chat.say('sí');
    expect(chat.state.step).toBe('matter');
    chat.say('lo detuvo ICE ayer');
    chat.say('sí');
    expect(chat.state.answers).toMatchObject({
      matter: 'detention',
      aboutSelf: 'no',
      writerRelationship: 'sibling',
      detained: 'yes',
    });
    expect(chat.all.map((m) => m.text).join('\n')).not.toContain(
      '¿Es sobre usted o sobre otra persona?',
    );
  });

  it('does not say back a first person alone ("necesito ayuda") as the writer’s own story', () => {
    const chat = started();
    chat.say('necesito ayuda');
    expect(chat.state.step).toBe('matter');
    expect(chat.state.heard).toEqual({});
  });

  it('keeps the client’s words beside each fact it took from the story', () => {
    const chat = started('en');
    chat.say('my husband got picked up by ICE this morning');
    chat.say('yes');
    expect(chat.state.said.detained).toBe('my husband got picked up by ICE this morning');
    expect(chat.state.answers.detainedSince).toBe('2026-11-25');
  });

  it('reads a correction after "no" and says it back again', () => {
    const chat = started('en');
    chat.say('my husband got picked up by ICE this morning');
    chat.say("no, he's in Adelanto since Monday");
    expect(chat.state.step).toBe('heard');
    expect(chat.last).toContain(
      'on November 23, 2026, and is held at Adelanto ICE Processing Center',
    );
    chat.say('yes');
    expect(chat.state.answers).toMatchObject({
      facility: 'Adelanto ICE Processing Center',
      detainedSince: '2026-11-23',
    });
  });

  it('on a plain no, asks the questions one by one, from the first', () => {
    const chat = started();
    chat.say('se llevaron a mi hijo ayer');
    chat.say('no');
    expect(chat.state.step).toBe('matter');
    expect(chat.state.answers).toEqual({});
    expect(chat.last).toContain('Vamos una pregunta a la vez.');
  });

  it('asks the say-back again after an answer that is neither yes nor no', () => {
    const chat = started();
    chat.say('detuvieron a mi esposo');
    chat.say('mmm');
    expect(chat.state.step).toBe('heard');
    expect(chat.last).toContain('¿Es correcto?');
  });

  it('reads a button press as the button, never as a story', () => {
    const chat = started('en');
    chat.say('1');
    expect(chat.state.step).toBe('aboutSelf');
    expect(chat.state.answers.matter).toBe('detention');
  });

  it('by SMS, "1" to the say-back is yes', () => {
    const chat = started('es', 'sms');
    chat.say('detuvieron a mi esposo ayer');
    // The SMS renderer numbers the buttons: the first is yes.
    expect(chat.replies.at(-1)?.choices?.[0]).toEqual({ value: 'yes', label: 'Sí, es correcto' });
    chat.say('1');
    expect(chat.state.answers.detainedSince).toBe('2026-11-24');
  });

  it('refers "I need help with my divorce" at once, not asked again', () => {
    const chat = started('en');
    chat.say('I need help with my divorce');
    expect(chat.state.status).toBe('referred');
    expect(chat.state.answers.matter).toBe('other');
  });

  it('reads "necesito un abogado urgente, se llevaron a mi marido" as the story, not a request for a person', () => {
    const chat = started();
    chat.say('necesito un abogado urgente se llevaron a mi marido');
    expect(chat.state.step).toBe('heard');
    expect(chat.state.handoff).toBe(false);
  });

  it.each([
    ['es', 'quiero hablar con una persona'],
    ['en', 'I want to talk to a person'],
    ['es', 'necesito hablar con alguien de la oficina'],
  ] as const)(
    'takes "%s: %s" as asking for a person, not as a story it cannot read',
    (lang, text) => {
      // Before: the first person ("quiero") read as a story about the writer, and the matter was
      // asked again with "no entendí".
      const chat = started(lang);
      chat.say(text);
      expect(chat.state.handoff).toBe(true);
      expect(chat.state.step).not.toBe('matter');
    },
  );

  it('answers "can I get a work permit?" and takes it as the matter', () => {
    const chat = started('en');
    chat.say('can I get a work permit?');
    expect(chat.last).toMatch(/work permit/i);
    expect(chat.last).toContain('general information, not legal advice');
    expect(chat.state.step).toBe('heard');
    chat.say('yes');
    expect(chat.state.answers).toMatchObject({ matter: 'options', aboutSelf: 'yes' });
  });
});

describe('later answers, read for what they state', () => {
  it('takes since when from "sí, se lo llevaron ayer" at "detained?", and does not ask it', () => {
    const chat = started();
    chat.say('2');
    chat.say('es mi esposo');
    expect(chat.state.step).toBe('detained');
    chat.say('sí, se lo llevaron ayer en la tarde');
    expect(chat.state.heard.detainedSince?.value ?? chat.state.answers.detainedSince).toBe(
      '2026-11-24',
    );
    for (let i = 0; i < 40 && chat.state.status === 'active'; i++) {
      expect(chat.state.step).not.toBe('detainedSince');
      chat.say(chat.state.step === 'phone' ? '(213) 373-4253' : 'skip');
      if (chat.state.step === 'name' || chat.state.step === 'writerName') chat.say('Ana Pérez');
    }
  });

  it('reads "sigue detenido" as yes and "lo pararon manejando" as a traffic stop', () => {
    const chat = started();
    chat.answer({ matter: '1', aboutSelf: 'es mi hermano' }, 'detained');
    chat.say('sigue detenido');
    expect(chat.state.answers.detained).toBe('yes');
    chat.answer(
      {
        facility: 'Adelanto',
        name: 'Luis Pérez',
        writerName: 'Ana Pérez',
        phone: '(213) 373-4253',
        safeToContact: 'sí',
        preferredLanguage: 'español',
      },
      'arrestSetting',
    );
    chat.say('lo pararon manejando');
    expect(chat.state.answers.arrestSetting).toBe('traffic');
  });

  it('asks again when a country is typed where the US city and state are asked', () => {
    const chat = started();
    chat.answer(
      { matter: '2', aboutSelf: '1', detained: 'no', nextCheckInDate: 'skip' },
      'location',
    );
    chat.say('Mexico');
    expect(chat.state.step).toBe('location');
    chat.say('Georgia');
    expect(chat.state.answers.location).toBe('Georgia');
  });

  it('skips an optional date at once on "no me acuerdo"', () => {
    const chat = started();
    chat.answer(
      {
        matter: '2',
        aboutSelf: '1',
        detained: 'no',
        nextCheckInDate: 'skip',
        location: 'Los Angeles, CA',
        aNumber: 'skip',
        hasCourtCase: 'no',
        removalOrder: 'no',
        missedHearing: 'no',
        citizenship: 'México',
      },
      'entryDate',
    );
    chat.say('no me acuerdo');
    expect(chat.state.skipped).toContain('entryDate');
    expect(chat.state.step).not.toBe('entryDate');
  });
});
