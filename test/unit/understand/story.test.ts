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

describe('who it is about, the matter and nothing invented: the second round', () => {
  const who = (facts: Record<string, unknown>) => [facts.aboutSelf, facts.writerRelationship];

  it('takes a friend named without "my" when something happened to them, not otherwise', () => {
    expect(who(story('tengo un amigo que lo detuvo la migra ayer'))).toEqual(['no', 'friend']);
    expect(who(story('a coworker of mine got picked up by ICE at the plant', 'en'))).toEqual([
      'no',
      'friend',
    ]);
    expect(story('a friend told me to ask about my papers', 'en')).not.toHaveProperty(
      'writerRelationship',
    );
  });

  it('skips an age or a number between "my" and who', () => {
    expect(who(story('my 17 year old daughter was detained at the border', 'en'))).toEqual([
      'no',
      'parent',
    ]);
    expect(who(story('a mis tres hijos los agarró la migra en el trabajo'))).toEqual([
      'no',
      'parent',
    ]);
  });

  it('reads "soy tía de...", "I\'m the younger brother of..."', () => {
    expect(who(story('soy tía de una muchacha que detuvieron ayer'))).toEqual(['no', 'relative']);
    expect(who(story("I'm the younger brother of the man ICE took on Monday", 'en'))).toEqual([
      'no',
      'sibling',
    ]);
  });

  it('reads new relation words: "carnal", "buddy", "roommate got taken"', () => {
    expect(who(story('a mi carnal lo agarró la migra'))).toEqual(['no', 'sibling']);
    expect(who(story('my buddy got picked up by ICE', 'en'))).toEqual(['no', 'friend']);
    expect(who(story('Coworker got taken by ICE this morning', 'en'))).toEqual(['no', 'friend']);
  });

  it('takes the one something was done to before the one who does something', () => {
    expect(who(story('mi pana, a mi primo lo agarró la migra'))).toEqual(['no', 'relative']);
    expect(who(story('ICE came looking for my uncle and took my husband', 'en'))).toEqual([
      'no',
      'spouse',
    ]);
    expect(who(story('no es mi esposo, es mi hermano al que detuvieron'))).toEqual([
      'no',
      'sibling',
    ]);
  });

  it('takes the relative named with a status when he or she is the one taken', () => {
    expect(
      who(story('my wife has a green card but they detained her at the airport', 'en')),
    ).toEqual(['no', 'spouse']);
    expect(who(story('mi esposo es residente y lo detuvieron en el aeropuerto'))).toEqual([
      'no',
      'spouse',
    ]);
  });

  it("names nobody's relationship for someone else's relative", () => {
    const es = story('escribo por una vecina, a su hijo lo detuvo la migra');
    expect(es.aboutSelf).toBe('no');
    expect(es).not.toHaveProperty('writerRelationship');
    const en = story("my stepson's boyfriend got detained by ICE", 'en');
    expect(en.aboutSelf).toBe('no');
    expect(en).not.toHaveProperty('writerRelationship');
  });

  it('reads "mi hija y yo tenemos audiencia" and "me llamó mi esposo" the right way', () => {
    expect(story('mi hija y yo tenemos audiencia el 9 de marzo').aboutSelf).toBe('yes');
    expect(who(story('me llamó mi esposo desde la cárcel, le pusieron hold de ICE'))).toEqual([
      'no',
      'spouse',
    ]);
  });

  it('reads a matter said not to be immigration as something else', () => {
    expect(story("I need a lawyer for a DUI, it's not immigration", 'en').matter).toBe('other');
    expect(story('tengo corte por violencia doméstica, no es de inmigración').matter).toBe('other');
  });

  it('reads papers said in passing beside another legal problem as something else', () => {
    expect(
      story("I have my green card, my landlord won't fix the heat and wants us out", 'en').matter,
    ).toBe('other');
    expect(story('soy residente y quiero divorciarme de mi esposo').matter).toBe('other');
    expect(story('I slipped at the store and broke my arm', 'en').matter).toBe('other');
    expect(story('nos quieren sacar de la casa que rentamos, el dueño no da razón').matter).toBe(
      'other',
    );
  });

  it('takes a court case stated over one denied, and is unsure only about court', () => {
    expect(story('tengo corte el 15 de enero, nunca he ido a una corte').hasCourtCase).toBe('yes');
    expect(
      story('I have a hearing on January 15 and I have never been to court before', 'en')
        .hasCourtCase,
    ).toBe('yes');
    expect(
      story('mi hija tiene corte el 3 de febrero y no sé si puede pedir asilo').hasCourtCase,
    ).toBe('yes');
    expect(story('no sé si mi hijo tiene corte').hasCourtCase).toBeUndefined();
    expect(story("I don't know if my son has a court case", 'en').hasCourtCase).toBeUndefined();
  });

  it('reads "no court yet" as neither a court case nor none', () => {
    expect(story('no tenemos corte todavía, queremos saber qué opciones hay')).not.toHaveProperty(
      'hasCourtCase',
    );
    expect(story("we don't have court yet, what are our options", 'en')).not.toHaveProperty(
      'hasCourtCase',
    );
  });

  it('reads "master", "in absentia" and "no fui al court"', () => {
    expect(story('tengo master el 2 de febrero')).toMatchObject({
      matter: 'court',
      hasCourtCase: 'yes',
      aboutSelf: 'yes',
    });
    expect(story('I have my master on February 2', 'en').hasCourtCase).toBe('yes');
    expect(story('the judge ordered me deported in absentia', 'en').removalOrder).toBe('yes');
    expect(story('no fui al court y el juez me dio deportación').missedHearing).toBe('yes');
  });

  it('reads a release after a detention as released, "ya no está detenida" included', () => {
    expect(story('a mi esposa la soltaron de Otay Mesa ayer, ya no está detenida').detained).toBe(
      'no',
    );
    expect(story('my brother was detained and released last week', 'en').detained).toBe('no');
  });

  it('reads texting spellings word for word', () => {
    expect(story('tngo corte en marzo y no tngo abogado q cobran')).toMatchObject({
      matter: 'court',
      aboutSelf: 'yes',
      represented: 'no',
    });
    expect(story('Mi hijo no contesta desde anoche, creo q lo agarraron').detained).toBeUndefined();
  });

  it('reads "me agarraron a mi hermano" as the brother\'s arrest, not the writer\'s', () => {
    expect(story('me agarraron a mi hermano en la obra')).toMatchObject({
      aboutSelf: 'no',
      writerRelationship: 'sibling',
    });
    expect(story('me agarraron en la obra').aboutSelf).toBe('yes');
  });

  it('reads a relative taken after the writer was let go as the one it is about', () => {
    expect(
      story(
        'i was detained by ICE in 2020 and released on bond. now they took my brother yesterday',
        'en',
      ),
    ).toMatchObject({ aboutSelf: 'no', writerRelationship: 'sibling', detained: 'yes' });
    expect(
      story('I was released from detention in 2023 and my next hearing is in May', 'en'),
    ).toMatchObject({ aboutSelf: 'yes', detained: 'no', matter: 'court' });
  });

  it('reads "X de mi Y": an in-law is a relative, a neighbour\'s daughter a friend, a partner\'s mother nobody', () => {
    expect(story('el esposo de mi hermana lo tienen en Krome').writerRelationship).toBe('relative');
    expect(story('la hija de mi vecina la detuvieron ayer').writerRelationship).toBe('friend');
    const partners = story("My boyfriend's mom was taken by ICE", 'en');
    expect(partners.aboutSelf).toBe('no');
    expect(partners.writerRelationship).toBeUndefined();
  });

  it('reads an employer, a pastor or a teacher as writerRelationship other', () => {
    expect(
      story('I run a dairy farm in Idaho. ICE detained one of my workers this morning.', 'en'),
    ).toMatchObject({ aboutSelf: 'no', writerRelationship: 'other' });
    expect(
      story('Soy dueño de un restaurante y la migra se llevó a dos de mis cocineros'),
    ).toMatchObject({ aboutSelf: 'no', writerRelationship: 'other', detained: 'yes' });
    expect(story('escribo por mi suegro, lo detuvieron ayer').writerRelationship).toBe('relative');
  });

  it('reads someone named in the third person as someone else', () => {
    expect(story('Juan Pérez fue detenido por ICE el jueves en Raleigh')).toMatchObject({
      aboutSelf: 'no',
      detained: 'yes',
    });
    expect(story('ICE took Carlos this morning from the construction site', 'en')).toMatchObject({
      aboutSelf: 'no',
      detained: 'yes',
    });
  });

  it('names no one relationship for two relatives taken together', () => {
    const two = story('agarraron a mi mamá y a mi hermano en la casa hoy');
    expect(two.aboutSelf).toBe('no');
    expect(two.writerRelationship).toBeUndefined();
    expect(story('detuvieron a mi papa y mi mama esta sola').writerRelationship).toBe('child');
  });

  it('reads a US citizen in a jail, with no immigration word, as not immigration', () => {
    expect(
      story('mi hijo está en la cárcel por una pelea, él es ciudadano, nació aquí').matter,
    ).toBe('other');
    expect(story('mi hijo está en la cárcel por una pelea y tiene hold de ICE').matter).toBe(
      'detention',
    );
  });

  it('never reads "Inmigración" alone as a matter outside immigration', () => {
    expect(story('Inmigración').matter).toBeUndefined();
    expect(story('immigration question', 'en').matter).toBeUndefined();
  });

  it('reads a removal order with papers asked for as the options', () => {
    expect(
      story('my mother has an old removal order, can she get a green card through me?', 'en')
        .matter,
    ).toBe('options');
    expect(
      story('mi papá tiene orden de deportación. ¿Puedo pedirlo yo que soy ciudadana?').matter,
    ).toBe('options');
  });

  it('reads a detention after a return from a deportation as held now, not one before it', () => {
    expect(
      story(
        'My dad was deported in 2014, came back in 2016, and ICE arrested him this morning',
        'en',
      ),
    ).toMatchObject({ matter: 'detention', detained: 'yes' });
    expect(
      story('Mi esposo fue deportado en 2012 y se regresó, ahora lo volvieron a detener'),
    ).toMatchObject({ matter: 'detention', detained: 'yes' });
    expect(
      story('My fiancé was deported in 2020 after being detained for 8 months', 'en').detained,
    ).toBeUndefined();
  });

  it('reads a release years back beside a detention as history', () => {
    expect(
      story('my brother got took by ICE monday. he was released from detention back in 2023', 'en')
        .detained,
    ).toBe('yes');
    expect(
      story('I was released from detention in 2023 and my next hearing is in May', 'en').detained,
    ).toBe('no');
  });

  it('reads the police denied, or an old record, as no police matter', () => {
    expect(
      story('se llevaron a mi papa de la casa hoy, nunca ha tenido problemas con la policia')
        .detained,
    ).toBe('yes');
    expect(
      story('a mi papá lo detuvieron en la casa, tuvo un caso de violencia domestica hace años')
        .matter,
    ).toBe('detention');
    expect(story('a mi papá lo arrestaron por violencia domestica').matter).not.toBe('detention');
  });

  it('reads "llegué en 2019" as the arrival, and "12 años casados" as none', () => {
    expect(story('k opciones tengo, soy de mexico, llegue en 2019').entryDate).toBe('2019');
    expect(story('yo soy ciudadana y llevamos 12 años casados').entryDate).toBeUndefined();
  });

  it('reads who alone: "mi esposo", "es para mi hermano", "its for me"', () => {
    expect(story('mi esposo')).toEqual({ aboutSelf: 'no', writerRelationship: 'spouse' });
    expect(story('es para mi hermano')).toEqual({ aboutSelf: 'no', writerRelationship: 'sibling' });
    expect(story('its for me', 'en')).toEqual({ aboutSelf: 'yes' });
    expect(story('vine con mi hija')).not.toMatchObject({ writerRelationship: 'parent' });
  });

  it('never weighs the words of what did not happen for the matter', () => {
    expect(
      story('No tengo ningún caso abierto, nunca me ha parado ICE, just want to know mis opciones')
        .matter,
    ).toBe('options');
    expect(
      story('hola, queria saber si califico para algo, llegue en 2010 y nunca me han arrestado')
        .matter,
    ).toBe('options');
  });

  it('reads an abuser’s threat of deportation as the options, not a court case', () => {
    expect(
      story('mi esposo me pega y es residente, me dice q si lo dejo me va a hacer deportar').matter,
    ).toBe('options');
  });

  it('does not read "has never missed a hearing" as a missed hearing', () => {
    expect(
      story('ICE detained my husband at his check in, he has never missed a hearing', 'en')
        .missedHearing,
    ).toBeUndefined();
  });

  it('reads "la migra tiene a mi hermano en ..." as a detention', () => {
    expect(story('la migra tiene a mi hermano en Krome desde el lunes')).toMatchObject({
      matter: 'detention',
      detained: 'yes',
    });
  });

  it('reads an order the family did not know of as an order, not none', () => {
    expect(
      story('la detuvieron por una orden de deportación, no sabíamos que tenía orden'),
    ).toMatchObject({ removalOrder: 'yes', detained: 'yes', matter: 'detention' });
    expect(story('mi esposo no tiene orden de deportación').removalOrder).toBe('no');
  });

  it('reads a guessed deportation as no detention', () => {
    expect(
      story('I missed court years ago and I think I got deported in absentia', 'en').matter,
    ).toBe('court');
  });

  it('reads a county jail ICE wants to take him from as the jail, not detention', () => {
    const facts = story(
      'mi hermano está en la cárcel del condado por un DUI y ICE lo quiere llevar',
    );
    expect(facts.detained).toBeUndefined();
    expect(facts.arrestSetting).toBe('county-jail');
  });

  it('reads "I am being held" as the writer held', () => {
    expect(story('I am being held at Otero, my cousin is texting for me', 'en')).toMatchObject({
      aboutSelf: 'yes',
      detained: 'yes',
    });
  });

  it('reads a notice to appear as a court case, and a date not given yet as neither', () => {
    expect(
      story('me dieron una NTA en la frontera, todavía no me dan fecha de corte'),
    ).toMatchObject({ hasCourtCase: 'yes', matter: 'court' });
    expect(story('nunca me mandaron NTA, quiero arreglar papeles').hasCourtCase).not.toBe('yes');
    expect(
      story('mi tío está detenido en Stewart y no le han dado fecha de corte').hasCourtCase,
    ).toBeUndefined();
    expect(
      story('mi tía está en el centro de detención, no sabemos cuándo tiene corte').hasCourtCase,
    ).toBeUndefined();
  });

  it('reads the writer’s role over a coworker, and a coworker alone as a friend', () => {
    expect(
      story('a mi compañero de trabajo lo agarró ICE en la obra, yo soy su supervisor')
        .writerRelationship,
    ).toBe('other');
    expect(story('my coworker got picked up by ICE today', 'en').writerRelationship).toBe('friend');
    expect(story('brother in law detained at Krome since Monday', 'en').writerRelationship).toBe(
      'relative',
    );
  });

  it('reads a relative visited or cared for as no one the story is about', () => {
    expect(story('con mi permiso de trabajo puedo ir a ver a mi papá a Guatemala?').aboutSelf).toBe(
      'yes',
    );
  });

  it('reads malpractice, an adoption and a car insurance claim as other, a passport taken as the options', () => {
    expect(story('necesito abogado para una demanda de negligencia médica').matter).toBe('other');
    expect(story('I want to adopt my wife’s daughter', 'en').matter).toBe('other');
    expect(story('el patrón me quitó el pasaporte y no me paga, qué puedo hacer').matter).toBe(
      'options',
    );
    expect(
      story('I was deported in 2015 and came back, is there any hope for me', 'en').matter,
    ).toBe('options');
  });
});
