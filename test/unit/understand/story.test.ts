/**
 * The story in a message (functions/core/understand/story.ts): what each message states is read,
 * and nothing it does not state. The eval sets (test/understanding/) measure the figures; these
 * pin the rules, each on both sides.
 */
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../functions/core/flow';
import { read } from '../../../functions/core/parse/reading';
import { readStory } from '../../../functions/core/understand/story';
import { content } from '../../helpers/content';

const TODAY = '2026-11-25'; // a Wednesday
const story = (text: string, lang: Language = 'es') =>
  readStory(content(), read(text), TODAY, lang).facts;

describe('reading the story in a first message', () => {
  it.each([
    [
      'detuvieron a mi esposo',
      { matter: 'detention', aboutSelf: 'no', writerRelationship: 'spouse', detained: 'yes' },
    ],
    [
      'se llevaron a mi hijo ayer',
      { writerRelationship: 'parent', detained: 'yes', detainedSince: '2026-11-24' },
    ],
    ['a mi papá lo agarró ICE', { writerRelationship: 'child', detained: 'yes' }],
    ['mi esposo está en la cárcel de migración', { writerRelationship: 'spouse', detained: 'yes' }],
    [
      'ICE took my dad from the house hace 3 dias',
      {
        writerRelationship: 'child',
        detained: 'yes',
        detainedSince: '2026-11-22',
        arrestSetting: 'home',
      },
    ],
  ] as const)('reads "%s"', (text, facts) => {
    expect(story(text)).toMatchObject(facts);
  });

  it('reads a whole night-time story: who, when, where, where from, how long, a name and a number', () => {
    expect(
      story(
        'a mi esposo Juan Pérez López lo agarró ICE ayer en el trabajo, está en Adelanto. Es de Guatemala, lleva 15 años aquí, cruzó sin papeles. No tiene abogado. Mi cel es 213 373 4253',
      ),
    ).toEqual({
      matter: 'detention',
      aboutSelf: 'no',
      writerRelationship: 'spouse',
      detained: 'yes',
      detainedSince: '2026-11-24',
      arrestSetting: 'work',
      facility: 'Adelanto ICE Processing Center',
      citizenship: 'GT',
      entryDate: '2011',
      entryManner: 'without-inspection',
      represented: 'no',
      name: 'Juan Pérez López',
      phone: '+12133734253',
    });
  });

  it('reads "my husband got picked up by ICE this morning" in English, today', () => {
    expect(story('my husband got picked up by ICE this morning', 'en')).toMatchObject({
      aboutSelf: 'no',
      writerRelationship: 'spouse',
      detained: 'yes',
      detainedSince: TODAY,
    });
  });

  it('takes what the writer is to the person the right way round', () => {
    expect(story('my dad got picked up by ICE', 'en').writerRelationship).toBe('child');
    expect(story('my son got picked up by ICE', 'en').writerRelationship).toBe('parent');
    expect(story('soy su esposa, lo detuvo ICE').writerRelationship).toBe('spouse');
    expect(story('soy su mamá, lo detuvo ICE').writerRelationship).toBe('parent');
    expect(story('my brother in law was picked up by immigration', 'en').writerRelationship).toBe(
      'relative',
    );
  });

  it('does not take a relative who is only mentioned as the subject', () => {
    const facts = story('mi esposo es ciudadano y yo tengo corte');
    expect(facts).toMatchObject({ matter: 'court', aboutSelf: 'yes', hasCourtCase: 'yes' });
    expect(facts).not.toHaveProperty('writerRelationship');
    expect(story('tengo audiencia el 8 de enero, entré con mi hija')).toMatchObject({
      aboutSelf: 'yes',
    });
  });

  it('reads not detained, released and fears as not a detention', () => {
    expect(story('no está detenido pero tiene corte')).toMatchObject({
      detained: 'no',
      hasCourtCase: 'yes',
      matter: 'court',
      aboutSelf: 'no',
    });
    expect(
      story('a mi esposo lo soltaron de detención con grillete y ahora tiene corte').detained,
    ).toBe('no');
    expect(story('I was released from detention and now I have court', 'en').detained).toBe('no');
    expect(story('tengo miedo que me detengan en la corte')).not.toHaveProperty('detained');
    expect(story('what if ICE arrests me at my check in', 'en')).not.toHaveProperty('detained');
  });

  it('reads a county jail where ICE may come as a county jail, not immigration detention', () => {
    const facts = story(
      'mi esposo esta en la carcel del condado y no se si lo van a entregar a migracion',
    );
    expect(facts).toMatchObject({ matter: 'detention', arrestSetting: 'county-jail' });
    expect(facts).not.toHaveProperty('detained');
  });

  it('dates a detention looking back and a hearing looking ahead', () => {
    expect(story('mi hermano tiene corte el lunes')).toMatchObject({
      nextHearingDate: '2026-11-30',
    });
    expect(story('a mi hermano lo detuvieron el lunes')).toMatchObject({
      detainedSince: '2026-11-23',
    });
    expect(story('tengo corte el 12/18 y necesito abogado')).toMatchObject({
      nextHearingDate: '2026-12-18',
    });
    const both = story(
      'i was arrested by ICE on the 12th of November and I have a court date on December 16',
      'en',
    );
    expect(both).toMatchObject({ detainedSince: '2026-11-12', nextHearingDate: '2026-12-16' });
  });

  it('counts years here only as years here, not an age', () => {
    expect(story('mi hijo Kevin tiene 20 años')).not.toHaveProperty('entryDate');
    expect(story('mi esposo lleva 15 años aquí y lo detuvieron')).toMatchObject({
      entryDate: '2011',
    });
  });

  it('takes a name only written out in full, and a US phone only', () => {
    expect(story('mi hijo Kevin lo detuvieron')).not.toHaveProperty('name');
    expect(story('se llevaron a mi hijo kevin ramirez')).not.toHaveProperty('name');
    expect(story('my dad got picked up. His name is Carlos Mejia', 'en')).toMatchObject({
      name: 'Carlos Mejia',
    });
    expect(story('llamen al +52 55 1234 5678, detuvieron a mi hijo')).not.toHaveProperty('phone');
  });

  it('reads out-of-scope matters as something else, and traffic court is not immigration court', () => {
    expect(story('I need help with my divorce', 'en').matter).toBe('other');
    expect(story('tengo corte por una multa de transito')).not.toHaveProperty('hasCourtCase');
  });

  it('reads nothing from a greeting', () => {
    expect(story('hola buenas noches')).toEqual({});
    expect(story('help', 'en')).toEqual({});
  });
});
