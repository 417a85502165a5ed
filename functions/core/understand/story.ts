/**
 * The story in a message: every fact it states, read from the words people use when they write
 * what happened ("a mi esposo lo agarró ICE ayer en el trabajo, está en Adelanto"). The first
 * free-text answer is read this way and said back for the client to confirm
 * (engine/heard.ts); later answers are read too, for the questions not reached yet.
 *
 * Deterministic and local: phrase tables over the message's one reading (parse/reading.ts),
 * the date parser for the dates, the facilities file for where, and the choice scorer
 * (choose.ts) for the matter when no story word decides it. A fact is read only when the words
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
import { type Reading, read } from '../parse/reading';
import { chooseByMeaning } from './choose';
import { findFacility } from './facilities';

/** Who the story is about, as a word the say-back can use ("your husband", "su hija"). */
export const WHO_WORDS = [
  'husband',
  'wife',
  'partner',
  'son',
  'daughter',
  'father',
  'mother',
  'brother',
  'sister',
  'relative',
  'friend',
] as const;
export type WhoWord = (typeof WHO_WORDS)[number];

export interface Story {
  /** Facts by step id, in the flow's values. */
  facts: Record<string, unknown>;
  /** Who it is about, when someone else: the word to say back. */
  who?: WhoWord;
}

// --- who -------------------------------------------------------------------------------------

/** Relation nouns: the writer's relationship to the person named, and the word to say back. */
const RELATIONS: Record<string, [string, WhoWord]> = {
  esposo: ['spouse', 'husband'],
  esposa: ['spouse', 'wife'],
  esposso: ['spouse', 'husband'],
  marido: ['spouse', 'husband'],
  mujer: ['spouse', 'wife'],
  pareja: ['spouse', 'partner'],
  novio: ['spouse', 'partner'],
  novia: ['spouse', 'partner'],
  husband: ['spouse', 'husband'],
  hubby: ['spouse', 'husband'],
  wife: ['spouse', 'wife'],
  partner: ['spouse', 'partner'],
  fiance: ['spouse', 'partner'],
  fiancee: ['spouse', 'partner'],
  prometido: ['spouse', 'partner'],
  prometida: ['spouse', 'partner'],
  boyfriend: ['spouse', 'partner'],
  girlfriend: ['spouse', 'partner'],
  bf: ['spouse', 'partner'],
  gf: ['spouse', 'partner'],
  hijo: ['parent', 'son'],
  ijo: ['parent', 'son'],
  ija: ['parent', 'daughter'],
  hno: ['sibling', 'brother'],
  hna: ['sibling', 'sister'],
  espozo: ['spouse', 'husband'],
  espoza: ['spouse', 'wife'],
  abuelita: ['relative', 'relative'],
  abuelito: ['relative', 'relative'],
  daddy: ['child', 'father'],
  hija: ['parent', 'daughter'],
  hijito: ['parent', 'son'],
  hijita: ['parent', 'daughter'],
  son: ['parent', 'son'],
  daughter: ['parent', 'daughter'],
  papa: ['child', 'father'],
  papi: ['child', 'father'],
  padre: ['child', 'father'],
  apa: ['child', 'father'],
  jefe: ['child', 'father'],
  dad: ['child', 'father'],
  father: ['child', 'father'],
  pops: ['child', 'father'],
  mama: ['child', 'mother'],
  mami: ['child', 'mother'],
  madre: ['child', 'mother'],
  ama: ['child', 'mother'],
  jefa: ['child', 'mother'],
  mom: ['child', 'mother'],
  mother: ['child', 'mother'],
  mommy: ['child', 'mother'],
  hermano: ['sibling', 'brother'],
  hermana: ['sibling', 'sister'],
  hermanito: ['sibling', 'brother'],
  hermanita: ['sibling', 'sister'],
  brother: ['sibling', 'brother'],
  sister: ['sibling', 'sister'],
  bro: ['sibling', 'brother'],
  sis: ['sibling', 'sister'],
  primo: ['relative', 'relative'],
  prima: ['relative', 'relative'],
  tio: ['relative', 'relative'],
  tia: ['relative', 'relative'],
  sobrino: ['relative', 'relative'],
  sobrina: ['relative', 'relative'],
  nieto: ['relative', 'relative'],
  nieta: ['relative', 'relative'],
  cunado: ['relative', 'relative'],
  cunada: ['relative', 'relative'],
  suegro: ['relative', 'relative'],
  suegra: ['relative', 'relative'],
  yerno: ['relative', 'relative'],
  nuera: ['relative', 'relative'],
  abuelo: ['relative', 'relative'],
  abuela: ['relative', 'relative'],
  cousin: ['relative', 'relative'],
  uncle: ['relative', 'relative'],
  aunt: ['relative', 'relative'],
  nephew: ['relative', 'relative'],
  niece: ['relative', 'relative'],
  grandson: ['relative', 'relative'],
  granddaughter: ['relative', 'relative'],
  grandpa: ['relative', 'relative'],
  grandma: ['relative', 'relative'],
  grandfather: ['relative', 'relative'],
  grandmother: ['relative', 'relative'],
  amigo: ['friend', 'friend'],
  pana: ['friend', 'friend'],
  socio: ['friend', 'friend'],
  jeva: ['spouse', 'partner'],
  jevo: ['spouse', 'partner'],
  cipote: ['parent', 'son'],
  cipota: ['parent', 'daughter'],
  nino: ['parent', 'son'],
  nina: ['parent', 'daughter'],
  chamaco: ['parent', 'son'],
  chamaca: ['parent', 'daughter'],
  chava: ['spouse', 'partner'],
  morra: ['spouse', 'partner'],
  amiga: ['friend', 'friend'],
  friend: ['friend', 'friend'],
  vecino: ['friend', 'friend'],
  vecina: ['friend', 'friend'],
  neighbor: ['friend', 'friend'],
  coworker: ['friend', 'friend'],
  roommate: ['friend', 'friend'],
  compa: ['friend', 'friend'],
  compadre: ['friend', 'friend'],
  comadre: ['friend', 'friend'],
  parents: ['child', 'relative'],
  papas: ['child', 'relative'],
  padres: ['child', 'relative'],
  companero: ['friend', 'friend'],
  companera: ['friend', 'friend'],
};

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

const POSSESSIVE = new Set(['mi', 'my', 'our', 'nuestro', 'nuestra', 'mii', 'mu']);
/** A relation noun followed by these says what the person is, not what happened to them. */
const STATUS_AFTER =
  /^(?:(?!yo |i |soy |im |me |pero |but |puede |can |quiere |wants |necesita |needs |pedir |apply )\w+\s+){0,4}?(?:(?:que )?(?:es|is|are|son|fue|was|esta|has|tiene|tienen|have)\s+(?:a\s+|un\s+|una\s+|us\s+|american\s+)?(?:ciudadan|citizen|residente|resident|legal|green card|permanent|naturaliz|nacid|born|americano|americana|papeles|papers|documentos|documents|residencia)|ciudadan|citizen|residente|nacid|born here|us citizen|americano|americana)/;

interface Mention {
  at: number;
  relation: string;
  who: WhoWord;
  /** "Mis hijos", "my kids": a group, rarely the one the story is about. */
  plural: boolean;
  /** "Mi esposo es ciudadano": who the person is to the family, not the subject. */
  status: boolean;
}

function mentions(tokens: readonly string[]): Mention[] {
  const found: Mention[] = [];
  tokens.forEach((token, at) => {
    // Not "su": "su esposa" is his wife, nobody's relation to the writer.
    const lead = POSSESSIVE.has(token) || token === 'mis' || token === 'al';
    // "Husband detained at Stewart", "brother detained in adelanto": a note without "my".
    const bare =
      !lead &&
      own(RELATIONS, token) &&
      /^(?:detained|detenid[oa]|arrested|picked|taken|in|at)$/.test(tokens[at + 1] ?? '');
    if (!lead && !bare) return;
    if (bare) {
      const entry = own(RELATIONS, token);
      if (entry)
        found.push({ at, relation: entry[0], who: entry[1], plural: false, status: false });
      return;
    }
    // "My best friend", "mi hermanito menor": one word between "my" and who.
    const skip = ADJECTIVES.has(tokens[at + 1] ?? '') ? 1 : 0;
    const raw = tokens[at + 1 + skip] ?? '';
    const singular = raw.replace(/(?<=[aeiou])s$/, '');
    const bareS = raw.replace(/s$/, '');
    const entry = own(RELATIONS, raw) ?? own(RELATIONS, singular) ?? own(RELATIONS, bareS);
    if (!entry) return;
    // "My wife's cousin", "my husband's green card": the apostrophe went, the "s" stayed. What
    // follows says whose: another relative (a relative of the writer's), or the person's thing.
    const next = tokens[at + 2 + skip] ?? '';
    const possessive = token !== 'mis' && raw !== singular && POSSESSED.test(next);
    const chained = possessive && own(RELATIONS, next) !== undefined;
    const plural = token === 'mis' || (raw !== singular && !possessive);
    const afterAt = at + 2 + skip + (chained ? 1 : 0);
    let after = tokens.slice(afterAt, afterAt + 6).join(' ');
    // "My brother in law", "mother-in-law": a relative, whoever the noun names.
    const inLaw = /^in law\b/.test(after);
    if (inLaw) after = tokens.slice(afterAt + 2, afterAt + 8).join(' ');
    const relative = inLaw || chained;
    found.push({
      at: at + 1 + skip + (chained ? 1 : 0) + (inLaw ? 2 : 0),
      relation: relative ? 'relative' : entry[0],
      who: relative ? 'relative' : entry[1],
      plural,
      status: STATUS_AFTER.test(after),
    });
  });
  return found;
}

/** "ICE took my husband", "se llevaron a mi papá": taken, said of a relative. */
const TOOK_RELATIVE = new RegExp(
  `\\b(?:took|grabbed|snatched|picked up|arrested|detained) (?:my|mi|our|su) (?:${Object.keys(RELATIONS).join('|')})\\b`,
);

/** What follows "my wife's": a relative, or something of the person's. */
const POSSESSED = new RegExp(
  `^(?:${Object.keys(RELATIONS).join('|')}|baby|green|case|court|hearing|interview|visa|papers|lawyer|application|petition|daca|tps|asylum|\\d+)$`,
);

/** Words between "my" and who: "my best friend", "my elderly father", "mi querido esposo". */
const ADJECTIVES = new Set([
  'best',
  'little',
  'lil',
  'older',
  'younger',
  'elderly',
  'big',
  'baby',
  'dear',
  'oldest',
  'youngest',
  'querido',
  'querida',
  'pobre',
  'pequeno',
  'pequena',
  'hermanito',
]);

/** "Soy su esposa", "I am his mother", "im her son": the writer says what they are. */
const WRITER_SAYS =
  /\b(?:soy (?=(?:tio|tia|primo|prima|abuelo|abuela|hermano|hermana|mama|papa|madre|padre|esposo|esposa|amigo|amiga|vecino|vecina) de\b)|soy (?:\w+ )?(?:la|el) (?=\w+ de\b)|(?:i am|im) (?:the )?(?:older |younger |big |little |oldest |youngest )?(?=\w+ of\b)|soy (?:su|la|el)|i am (?:his|her|their|the)|im (?:his|her|their|the)|i m (?:his|her|their))\s+(\w+)/;

// --- what happened ---------------------------------------------------------------------------

/** Detention words, the whole story's (folded words, one space). */
const DETAIN =
  /\b(?:snatched|trancaron|retuvo|retuvieron|retenid[oa]|centro de procesamiento|processing center|still holding (?:him|her|them)|(?:they re|theyre|are) holding (?:him|her|them)|not coming out|no va a salir|no lo van a dejar salir|(?:lo|la) sacaron de|(?:lo|la|los) (?:mandaron|trasladaron|pasaron) a|(?:moved|transferred|sent) (?:him|her|them) to|trincaron|apanaron|pescaron|pesco|cogio la migra|(?:lo|la) cogio (?:inmigracion|migracion|ice)|cogieron|le cayo (?:ice|la migra|migracion|inmigracion)|cayo (?:ice|la migra)|cayo pres[oa] por (?:inmigracion|migracion|ice)|echaron pa l corralon|lo tiene(?:n)? inmigracion|ice (?:lo|la|los) tiene(?:n)?|(?:called|llamo a|llamaron a) (?:la )?(?:ice|migra|migracion|inmigracion)|la tiene(?:n)? inmigracion|taken (?:by ice|into custody)|people taken|ice raided|detuvieron|detubieron|detuvo|detubo|detenid[oa]s?|detencion|detained|detain|detention|arrestaron|arresto|arrestad[oa]s?|arrested|agarr(?:o|aron|ado|ada)|agarr[oa]ron|levantaron|levanto|caught|se (?:lo|la|los|las) (?:llevo|llevaron)|se llevaron|llevaron a mi|se llevo a mi|picked (?:him |her |me |them )?up|picks? up|got picked|(?:was|were|got|been) taken|took (?:him|her|me|them)|got taken|got arrested|in (?:ice |immigration )?custody|kept (?:him|her|them)|se quedo detenid[oa]|no ha salido|hasnt come out|corralon|hielera|carcel de (?:la )?(?:migracion|inmigracion|migra|ice)|centro de detencion|detention (?:center|centre|facility)|en detencion|in detention|ya no salio|y no salio|no ha salido|never came out|no lo dejaron salir|no la dejaron salir|lo dejaron detenido|la dejaron detenida|lo dejaron adentro|(?:didnt|never) come out|entregaron a (?:la )?(?:migra|migracion|inmigracion|ice)|lo pasaron a (?:ice|migracion)|handed (?:him|her|them) (?:over )?to ice|turned (?:him|her|them) over to ice|grabbed|lo tienen encerrad[oa]|deten|atraparon|atrapo|capturaron|recogio la migra|ice (?:has|have|got|tiene)|lo tiene(?:n)? (?:ice|la migra|migracion)|la tiene(?:n)? (?:ice|la migra|migracion)|lo tienen en|la tienen en|los tienen en|the have him|they have (?:him|her|them)|being held|held (?:at|in|by)|locked up|encerrad[oa])\b/;
const IMMIGRATION =
  /\b(?:ice|migra|migracion|inmigracion|immigration|imigracion|migrasion|la migra|border patrol|patrulla fronteriza|federales|dhs|cbp)\b/;
const POLICE_ONLY =
  /\b(?:policia|police|sheriff|cops?|county jail|carcel del condado|condado|county|la carcel|jail|city jail)\b/;
/** "Sigue detenido", "still in detention": held now, whatever else was said. */
const STILL_HELD =
  /\b(?:estoy detenid[oa]|sigo detenid[oa]|i am (?:still )?detained|im (?:still )?detained|sigue (?:detenid[oa]|preso|presa|encerrad[oa]|en)|still (?:detained|held|in detention|in custody|locked up))\b/;
/** "I think ICE took my neighbor", "no sé si fue la migra": a guess, not a detention. */
const HEDGED =
  /\b(?:i think|creo que|not sure if (?:it was )?|no se si fue|maybe|tal vez|quizas)\s+(?:\w+\s+){0,4}?(?:took|detained|arrested|agarro|agarraron|detuvo|detuvieron|se (?:lo|la) llevo|se (?:lo|la) llevaron|se llevaron)\b(?:\s+\w+){0,3}/g;
/** A facility named as where someone is held ("lo tienen en Adelanto"), not crossed ("entré por El Paso"). */
const FACILITY_HELD =
  /\b(?:been|has been|lleva|llevan|esta|estan|estoy|sigue|lo tienen|la tienen|los tienen|me tienen|tienen|lo llevaron|la llevaron|lo mandaron|la mandaron|lo pasaron|is|are|am|hes|shes|im|being held|held|locked|in detention|en detencion|detenid[oa]|detained|moved|transferred|trasladaron|they have|took (?:him|her)|sent (?:him|her))\b/;
/** "Nunca me ha parado ICE", "never been caught": no detention, and none to ask about. */
const NEVER_TAKEN =
  /\b(?:nunca|never|no)\s+(?:\w+\s+){0,3}?(?:parado|agarrado|arrestado|detenido|caught|arrested|stopped|detained|picked up)\b/;
const GUESSED_PLACE =
  /\b(?:i think|she thinks|he thinks|we think|creo que|cree que|creemos que|maybe|tal vez|quizas|they said (?:he|she)ll go|will (?:go|be taken) to|might be|van a llevar|lo van a mandar|la van a mandar|dicen que lo van|no estamos seguros|not sure)\b/;
const PLACE_KNOWN =
  /\b(?:esta en|lo tienen en|la tienen en|is at|is in|hes at|shes at|hes in|shes in|they have (?:him|her) (?:at|in)|shows? (?:up )?in the (?:ice )?locator|localizador dice)\b/;
/** Held now, said in the present ("ahora lo tienen en", "he is at"). */
const HELD_NOW =
  /\b(?:estoy detenid[oa]|estoy en|in custody|holding|being held|detenid[oa] en|detained (?:at|in)|ahora|now|todavia|still|sigue|esta en|estan en|lo tienen|la tienen|tienen a|is at|is in|hes in|shes in|being held|right now|ahorita)\b/;
/** Arrests said without immigration ("arrested for shoplifting"): the police's, not ICE's. */
const POLICE_ARREST = /\b(?:arrested|arrestaron|arresto|arrestad[oa])\b/;
const FEARED =
  /\b(?:que pasa si|what if|what happens if|(?:tengo |tiene |tenemos )?miedo (?:de )?que|afraid (?:that )?|scared (?:that )?|me pueden|can|could|will|would|si|if)\s+(?:me |lo |la |nos |les |ice |they |la migra |migracion )?(?:\w+ )?(?:detengan|detienen|detener|agarren|agarran|agarrar|arresten|arrestan|arrestar|lleven|detain|detains|arrest|arrests|take|pick)\b(?:\s+(?:me|him|her|us|them))?/g;
/** Papers and status: a story about them and nothing else wants to know the options. */
const STATUS_WORDS =
  /\b(?:visa|papeles|papers|green card|residencia|residency|daca|tps|asilo|asylum|ciudadania|citizenship|parole|parol|i 130|i130|petition|peticion|pedir a|overstay(?:ed)?|sin papeles|undocumented|status|estatus|permiso de trabajo|work permit|ajuste|adjustment|sponsor|arreglar|fix my)\b/;
/** Asking what can be done after a removal ("bring him back", "¿qué opciones tengo?"). */
const OPTIONS_ASKED =
  /\b(?:bring (?:him|her|them) back|traerlo|traerla|regresar legal|volver legal|come back legally|quiere regresar|wants to come back)\b/;
/** Legal matters that are not immigration, named outright. */
const OTHER_LEGAL =
  /\b(?:restraining order|orden de restriccion|orden de proteccion|dealer|deuda|debt|credit card|tarjeta de credito|herencia|inheritance|testamento|a will|wills|probate|real estate|mordio|dog bite|bit my|small claims|terreno|pleito|slip and fall|me resbale|expelled|expulsaron|suspended from school|accidente|accident|insurance|seguro medico|aseguranza|landlord|casero|desalojo|desalojar|evict|evicted|evicting|wages|overtime|salario|sueldo|me despidieron|fired|divorcio|divorce|custodia|(?<!\bin |\binto |\bice |\bimmigration )custody|child support|pension alimenticia|bankruptcy|bancarrota|taxes|impuestos|identity theft|robaron mi identidad|stole my identity|cuenta del hospital|hospital bill|social security disability|disability was denied|discapacidad|moho|mold|harassed|harassment|acoso|fender bender|choque|vendedor nos escondio|seller|pension de alimentos|manutencion|atropellad[oa]|el seguro no quiere)\b/;
/** A lawsuit: "quiero demandar a la policía", "can I sue". */
const SUING = /\b(?:demandar|demanda|sue|lawsuit|real estate|bienes raices)\b/;
/** Held in a jail: "está preso", "lo tienen en el bote", "he's locked up". */
const HELD_IN_JAIL =
  /\b(?:pres[oa]|encerrad[oa]|lo tienen|la tienen|locked up|sitting in|is in|esta en|held|detenid[oa]|hold|detainer)\b/;
const COUNTY_JAIL =
  /\b(?:juvenile detention|juvenile hall|centro juvenil|detencion juvenil|carcel juvenil|el bote|estacion de policia|police station|county jail|carcel del condado|la carcel del county|la county jail|the county|city jail|sheriff|in jail|en la carcel(?! de (?:la )?(?:migracion|inmigracion|ice|migra)))\b/;
/** "No está detenido", "he's not detained", "nunca lo han detenido". */
/** Let go: "lo soltaron con grillete", "I was released", "salió bajo fianza". */
const RELEASED =
  /\b(?:(?<!\bno )(?:lo|la|los|me|nos|les) (?:soltaron|liberaron|dejaron salir)(?: \w+)?(?: de (?:la )?(?:detencion|carcel|centro de detencion|migracion|inmigracion|ice))?|(?:was|got|been|were) released(?: from (?:\w+ )?(?:detention|custody))?|released (?:from|on|with)|let (?:him|her|me|them) go|sali(?:o|eron|mos) (?:con|bajo) (?:un |una )?(?:grillete|fianza|bond)|(?:con|with) (?:un |an )?(?:grillete|ankle monitor)|pagamos (?:la )?fianza|bonded out|out on bond|got out of (?:detention|jail|ice)|sali(?:o|eron) de (?:la )?detencion|sali(?:o|mos) del centro de detencion|ya salio de (?:la )?detencion|aparato en el tobillo|ankle monitor)\b/;
const NOT_DETAINED =
  /\b(?:no|not|nunca|never|isnt|wasnt|hasnt|havent|arent|ni)\s+(?:\w+\s+){0,3}?(?:detenid[oa]|detained|detuvieron|detenido|custody|en detencion|in detention)\b/;
/** The writer was taken: "me detuvieron", "I was detained". */
const SELF_DETAINED =
  /\b(?:me (?:detuvieron|detubieron|agarraron|agarro|arrestaron|llevaron|levantaron|tienen)|estoy (?:detenid[oa]|en detencion|en la carcel)|i (?:was|got|am|m|have been) (?:detained|arrested|picked up|taken)|im (?:detained|in detention)|ice (?:detained|arrested|took|picked up) me)\b/;

const COURT =
  /\b(?:bia|board of immigration appeals|apelacion de inmigracion|appealed my asylum|corte|court|audiencia|hearing|juez|judge|jueza|notice to appear|nta|aviso de comparecencia|comparecencia|master calendar|caso de deportacion|deportation case|removal proceedings|proceso de deportacion|procedimiento|cita en la corte|court date|eoir|caso en la corte|immigration case|caso de inmigracion)\b/;
const NO_COURT =
  /\b(?:(?:no|not|never|nunca|dont|doesnt|didnt)\s+(?:(?!pero|but|y|and|go|ir|voy|va|attend|show|asistir|presentarme|presentarse)\w+\s+){0,4}?(?:court|corte|audiencia|hearing|caso en corte)(?! date| fecha| yet| todavia)|ni (?:tengo|tiene|tienen|tenemos) (?:corte|caso|audiencia))\b/;
const ORDER =
  /\b(?:tiene(?:n)? (?:una )?orden(?! de (?:arresto|proteccion|restriccion))|tengo (?:una )?orden(?! de (?:arresto|proteccion|restriccion))|has an? (?:old |final )?(?:deportation|removal) order|orden de (?:deportacion|deportasion|remocion|salida)|deportation order|removal order|order of (?:removal|deportation)|ordered (?:deported|removed)|final order|orden final|le dieron (?:la )?deportacion|me dieron (?:la )?deportacion|tiene deportacion|tengo deportacion|got deported order|orden de deporta)\b/;
const NO_ORDER = /\b(?:no|not|never|nunca|dont|doesnt|ni)\s+(?:\w+\s+){0,3}?(?:orden|order)\b/;
/** Deported before: a removal order was made ("me deportaron en 2009", "I was deported"). */
const DEPORTED_BEFORE =
  /\b(?:me deportaron|lo deportaron|la deportaron|nos deportaron|fui deportad[oa]|fue deportad[oa]|was deported|got deported|been deported|were deported)\b/;
const MISSED =
  /\b(?:missed (?:my|his|her|the|a|our|their) (?:court|hearing|audiencia|court date)|didnt (?:go|show up) (?:to|for) (?:my|his|her|the) (?:court|hearing)|(?:no|nunca) (?:fui|fue|fuimos|se presento|me presente|llegue|llego) a (?:la|mi|su|una) (?:corte|audiencia|cita)|falt(?:e|o) a (?:la|mi|su|una) (?:corte|audiencia)|perdi (?:la|mi) (?:cita|audiencia|corte)|se me paso (?:la|mi) (?:corte|audiencia))\b/;

const SETTINGS: [string, RegExp][] = [
  [
    'traffic',
    /\b(?:manejando|driving|pulled (?:him |her |me |us )?over|traffic stop|lo paro la policia|la paro la policia|lo pararon|la pararon|nos pararon|reten|en el carro|en la carretera|on the freeway|on the highway)\b/,
  ],
  [
    'check-in',
    /\b(?:(?:fue|fui|fuimos|went|goes|go) (?:\w+ )?(?:a firmar|a reportarse|a su cita|a mi cita|to (?:his|her|my|their) (?:yearly |annual )?(?:ice )?(?:check in|checkin|appointment))|en (?:su|mi|la) cita (?:con|de) (?:ice|migracion|inmigracion)|cita de reporte|en su reporte|at (?:his|her|my|the) (?:ice )?(?:check in|checkin|appointment)|(?:yearly|annual) check in|(?:ice|isap) (?:check in|appointment)|check in with ice)\b/,
  ],
  [
    'court',
    /\b(?:(?:agarraron|detuvieron|arrestaron|detenid[oa]|grabbed|detained|arrested|taken|took (?:him|her)|picked (?:him |her )?up) (?:\w+ ){0,4}?(?:en la corte|at (?:the |his |her |my )?(?:immigration )?court|at (?:his|her|my) (?:immigration )?(?:court )?hearing|en su audiencia|afuera de la corte|outside (?:the )?court)|walked out of the courtroom|saliendo de (?:la )?corte|leaving (?:the )?court|after (?:his|her) hearing|despues de su audiencia)\b/,
  ],
  [
    'work',
    /\b(?:en el trabajo|en su trabajo|at work|at his job|at her job|at the job|at his work|at her work|in the job|job site|en la chamba|en el jale|donde trabaja|where he works|where she works|en el job|en su job|at the plant|en la obra|en la fabrica|construccion|restaurante|del restaurante|la yarda|the farm|factory|jobsite|parqueo del trabajo|estacionamiento de su trabajo|de su trabajo|saliendo del trabajo|saliendo de mi trabajo|a la fabrica|en la planta|la cocina)\b/,
  ],
  [
    'home',
    /\b(?:tocaron la puerta|knocked on (?:the|our|my|his|her) door|del edificio donde viv|de (?:la|su|mi|nuestra) casa|saliendo de (?:la|su|mi) casa|(?:from|outside|at|to) (?:\w+ ){0,3}?(?:house|home(?! depot)|apartment)|en la casa|en casa|en mi casa|en su casa|en nuestra casa|at home(?! depot)|a (?:la|mi|su) casa|from home(?! depot)|el apartamento|la puerta de la casa|at the door)\b/,
  ],
  [
    'border',
    /\b(?:por la frontera|en la frontera|at the border|la garita|airport|aeropuerto|port of entry|en la linea|crossing the border|cruzando)\b/,
  ],
  [
    'county-jail',
    /\b(?:county jail|carcel del condado|la carcel del county|sheriff|city jail|ice hold|hold de migracion|detainer|in jail|en la carcel)\b(?! de (?:la )?(?:migracion|inmigracion|ice|migra))/,
  ],
];

/** Settings said of other things too ("está sola en su casa"): taken only near the arrest. */
const AMBIGUOUS_SETTINGS = new Set(['home', 'work', 'border']);

// --- when --------------------------------------------------------------------------------------

/** Times of day the date parser does not read: said as the day they fall on. */
const DAY_PARTS: [RegExp, string][] = [
  [
    /\b(?:ahorita|hace (?:un )?rato|hace (?:como |una |unas |like )?(?:una |un |\d+ )?horas?|(?:an|an hour|\d+ hours?|a few hours|like an hour) ago|just now|esta manana|this morning|esta tarde|this afternoon|esta noche|tonight|hoy en la manana|hoy en la tarde|earlier today|this am)\b/g,
    ' hoy ',
  ],
  [
    /\b(?:last night|ayer en la noche|ayer en la tarde|ayer en la manana|yesterday morning|yesterday afternoon|yesterday evening)\b/g,
    ' ayer ',
  ],
];
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)';
const WEEKDAY =
  '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo)';
const DATE_PHRASES = [
  new RegExp(`\\b\\d{1,2} de ${MONTH}(?: (?:de |del )?\\d{4})?\\b`, 'g'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)? of ${MONTH}(?: \\d{4})?\\b`, 'g'),
  new RegExp(`\\b${MONTH} \\d{1,2}(?:st|nd|rd|th)?(?: \\d{4})?\\b`, 'g'),
  /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/g,
  new RegExp(
    `\\b(?:next|this coming|coming|el proximo|la proxima|proximo|el|on|desde el|since|last|el pasado|este|this)? ?${WEEKDAY}(?: que viene| pasado)?\\b`,
    'g',
  ),
  /\b(?:hace|desde hace) (?:como |unos |unas )?\w+ (?:dias?|semanas?|meses|mes)\b/g,
  /\b\w+ (?:days?|weeks?|months?) ago\b/g,
  /\b(?:en|in|dentro de) \w+ (?:dias|semanas|days|weeks)\b/g,
  /\b(?:hoy|today|ayer|yesterday|anoche|antier|anteayer|antes de ayer|manana|tomorrow|pasado manana)\b/g,
  /\b(?:desde el|since the|on the|el dia) \d{1,2}(?:st|nd|rd|th)?\b/g,
];
/** Dates said looking back ("ayer", "hace 3 días", "last Monday"): a detention's, never a hearing's. */
const LOOKING_BACK =
  /^(?:hoy|today|ayer|yesterday|anoche|antier|anteayer|antes de ayer|hace|desde|since|last|el pasado)\b|(?:ago|pasado)$/;
/** Dates said looking ahead ("mañana", "next Tuesday", "en dos semanas"): a hearing's. */
const LOOKING_AHEAD =
  /^(?:manana|tomorrow|pasado manana|next|this coming|coming|el proximo|la proxima|proximo|en|in|dentro)\b|que viene$/;

/** How far (in characters) a plainly said date may stand from the words it dates. */
const NEAR_CHARS = 60;
/** Words of an ICE check-in, whose dates are not hearings. */
const CHECK_IN_DATE =
  /\b(?:volver a ice|reportarme|reportarse|me reporto|se reporta|check in|check-in|checkin|cita con ice|cita de ice|report to ice|firmar|ice office)\b/;
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
function datePhrases(words: string): Dated[] {
  let text = ` ${words} `.replace(
    /\b(?:lleva|llevan|llevamos|tiene|tienen|for|been (?:there |detained |held )?for)\s+(\w+)\s+(dias|semanas|days|weeks)\b/g,
    (m, n: string, unit: string) =>
      (/^(?:days|weeks)$/.test(unit) ? `${n} ${unit} ago` : `hace ${n} ${unit}`).padEnd(m.length),
  );
  for (const [pattern, day] of DAY_PARTS) text = text.replace(pattern, (m) => day.padEnd(m.length));
  // "mañana" after "esta" / "la" / "en la" is the morning, said above: not tomorrow.
  text = text.replace(/\b(?:la|en la|por la|de la) manana\b/g, (m) => ' '.repeat(m.length));
  const found: Dated[] = [];
  const taken: [number, number][] = [];
  for (const pattern of DATE_PHRASES) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index ?? 0;
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

/** Character offsets of the matches of a pattern in the text. */
function offsets(text: string, pattern: RegExp): number[] {
  return [...text.matchAll(everywhere(pattern))].map((m) => m.index ?? 0);
}

/** Where the last match of a pattern starts, or -1. */
function lastIndexOf(text: string, pattern: RegExp): number {
  return offsets(text, pattern).at(-1) ?? -1;
}

function nearest(at: number, places: number[]): number {
  return places.reduce((best, p) => Math.min(best, Math.abs(p - at)), Number.POSITIVE_INFINITY);
}

// --- where they are from, how they came, how long ----------------------------------------------

const FROM =
  /\b(?:es|soy|somos|son|is|am|im|are|were|was|s|m|re|hes|shes|theyre|and|originally|tengo tps|tiene tps|tps|vienen|venimos|viene|vengo|nacio en|naci en|born in)\s+(?:de|from|in)\s+((?:el |la |los )?\w+(?: \w+)?)/g;
const DEMONYMS: Record<string, string> = {
  mexicano: 'MX',
  mexicana: 'MX',
  mexican: 'MX',
  guatemalteco: 'GT',
  guatemalteca: 'GT',
  guatemalan: 'GT',
  hondureno: 'HN',
  catracho: 'HN',
  catracha: 'HN',
  guanaco: 'SV',
  guanaca: 'SV',
  chapin: 'GT',
  chapina: 'GT',
  nica: 'NI',
  hondurena: 'HN',
  honduran: 'HN',
  salvadoreno: 'SV',
  salvadorena: 'SV',
  salvadoran: 'SV',
  nicaraguense: 'NI',
  nicaraguan: 'NI',
  venezolano: 'VE',
  venezolana: 'VE',
  venezuelan: 'VE',
  colombiano: 'CO',
  colombiana: 'CO',
  colombian: 'CO',
  ecuatoriano: 'EC',
  ecuatoriana: 'EC',
  ecuadorian: 'EC',
  peruano: 'PE',
  peruana: 'PE',
  peruvian: 'PE',
  cubano: 'CU',
  cubana: 'CU',
  cuban: 'CU',
  haitiano: 'HT',
  haitiana: 'HT',
  haitian: 'HT',
  dominicano: 'DO',
  dominicana: 'DO',
  brasileno: 'BR',
  brasilena: 'BR',
  brazilian: 'BR',
  ukrainian: 'UA',
  ucraniano: 'UA',
  ucraniana: 'UA',
  polish: 'PL',
  jamaican: 'JM',
  nigerian: 'NG',
  indian: 'IN',
  chinese: 'CN',
  russian: 'RU',
  argentino: 'AR',
  chileno: 'CL',
  chilena: 'CL',
  boliviano: 'BO',
  boliviana: 'BO',
  paraguayo: 'PY',
  uruguayo: 'UY',
  panameno: 'PA',
  costarricense: 'CR',
};

const WITHOUT_INSPECTION =
  /\b(?:cruz(?:o|e|amos|aron) (?:la frontera |el rio |por el (?:rio|cerro|desierto|monte) )?sin papeles|cruz(?:o|e|amos|aron) (?:la frontera|el rio|por el (?:rio|cerro|desierto|monte))|crossed (?:the border|illegally|without papers)|entr(?:o|e|amos|aron) (?:sin papeles|ilegal|ilegalmente|sin visa|por el cerro|por el rio)|came (?:in )?(?:illegally|without papers|without a visa|across the border)|snuck (?:in|across)|mojad[oa])\b/;
const INSPECTED =
  /\b(?:(?:vino|vine|vinimos|vinieron|entro|entre|entramos|llego|llegue|llegamos) con (?:una )?visa|came (?:here )?(?:on|with) (?:a )?(?:tourist |student |work )?visa|overst(?:a|e)yed|se le vencio la visa|se me vencio la visa|visa vencida|expired visa|visa expired)\b/;
const PAROLE = /\b(?:cbp ?one|cbp 1|parole|parol|permiso humanitario)\b/;

const YEARS_HERE =
  /\b(?:(?:lleva(?:mos|n)?|has been here|been here|have been here|lived here|living here|been in the (?:us|usa|states|country))\s+(?:aqui\s+|aca\s+|for\s+|como\s+|unos\s+|about\s+|like\s+|over\s+|mas de\s+)?(\d{1,2})\s+(?:anos|years|yrs)|(?:tiene(?:n)?|tengo|tenemos|vivimos|vive|vivo)\s+(?:como\s+|unos\s+|mas de\s+)?(\d{1,2})\s+(?:anos|years)\s+(?:aqui|aca|here|en (?:estados unidos|usa|los estados unidos|este pais)|in the (?:us|usa|states|country)|viviendo aqui))/;
/** "Llegó en 2010", "came in 2008", "desde 2005 está aquí". */
const ARRIVED_YEAR =
  /\b(?:lleg(?:o|e|amos|aron)|vino|vine|vinimos|vinieron|entro|entre|cruzo|cruce|came|arrived|entered|crossed|moved here)\s+(?:\w+\s+){0,3}?(?:en|in|el)\s+(?:el\s+)?(?:ano\s+)?((?:19|20)\d{2})\b/;

const NO_LAWYER =
  /\b(?:no (?:tiene|tenemos|tengo|tienen|hay) (?:un )?abogad[oa]|sin abogad[oa]|(?:dont|doesnt|do not|does not) have (?:a |an )?(?:lawyer|attorney)|no (?:lawyer|attorney)|(?:has|have|got) no (?:lawyer|attorney)|without (?:a |an )?(?:lawyer|attorney)|ni abogado)\b/;
const HAS_LAWYER =
  /\b(?:(?:ya )?(?:tiene|tenemos|tengo|tienen) (?:un |una )?abogad[oa](?! de)|(?:has|have|got) (?:a |an )(?:lawyer|attorney))\b/;

const LIVES =
  /\b(?:vivimos|vivo|vive|viven|we live|i live|he lives|she lives|they live|living|lives|vivia|viviamos)\s+(?:en|in)\s+([a-z][a-z ]{1,30}?(?:, ?(?:new |north |south |west |rhode )?[a-z]{2,20})?)(?=\s*[.,;:!?()]|\s+(?:y|and|pero|but|con|with|desde|since|hace|for|el|la|los|las|mi|my|ice|lo|tiene|tengo|he|she|we|they|ever|por|since|the|a|al|cerca|near|hasta|until|now|ahora|somos|son)\b|$)/;

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
  text: Reading,
  today: string,
  language: Language,
  asked: string | undefined,
  known: Record<string, unknown>,
): Story {
  const words = text.words;
  const facts: Record<string, unknown> = {};
  const story: Story = { facts };
  if (words === '') return story;
  const padded = ` ${words} `;

  // Detention: a detention word, not negated; the police alone is a county jail, not ICE.
  const facility = findFacility(words, content.facilities, content.firm.coveredFacilities);
  // "Nunca me han arrestado", "I was never caught": not a detention, said or denied.
  const untaken = words.replace(everywhere(NEVER_TAKEN), ' ');
  const detainWord =
    DETAIN.test(untaken) || SELF_DETAINED.test(untaken) || TOOK_RELATIVE.test(untaken);
  // "Never been arrested" beside "got detained yesterday": the detention stands.
  // Negations are read within a sentence: "no me detuvieron. Tengo corte" has a court case.
  const clauses = text.key;
  const unnegated = words.replace(everywhere(NOT_DETAINED), ' ');
  // Released (on bond, with an ankle monitor) is not detained now, whatever came before.
  // Let go and then taken ("lo soltaron del precinto pero ICE lo estaba esperando"): the last
  // word on it decides.
  // A release years ago ("since 2017 when she got out of detention") is not today's news.
  // Nor is one hoped for ("if he can get out on bond", "para que lo suelten").
  const releases = offsets(words, RELEASED).filter(
    (at) =>
      !/\b(?:19|20)\d{2}\b/.test(words.slice(Math.max(0, at - 25), at + 45)) &&
      !/\b(?:if|si|can|could|puede|pueda|para|want|quiero|how|como)\s+(?:\w+\s+){0,2}$/.test(
        words.slice(Math.max(0, at - 30), at),
      ),
  );
  const lastRelease = releases.at(-1) ?? -1;
  // "Got out of detention": the word "detention" there is the release, not a new arrest.
  const beyondRelease = words.replace(everywhere(RELEASED), (m) => ' '.repeat(m.length));
  const lastTaken = Math.max(
    lastIndexOf(beyondRelease, DETAIN),
    lastIndexOf(beyondRelease, TOOK_RELATIVE),
  );
  const negated =
    (releases.length > 0 && !STILL_HELD.test(words) && lastRelease > lastTaken) ||
    (NOT_DETAINED.test(clauses) && !DETAIN.test(unnegated) && !facility);
  // "Tengo miedo que me detengan", "what if ICE arrests me": a fear, not a detention, unless the
  // rest of the message tells one.
  const unfeared = words.replace(FEARED, ' ').replace(HEDGED, ' ');
  const feared =
    unfeared !== words &&
    !DETAIN.test(unfeared) &&
    !SELF_DETAINED.test(unfeared) &&
    !TOOK_RELATIVE.test(unfeared);
  // Only an arrest word, and no immigration word or facility: a police arrest.
  const onlyArrest =
    !IMMIGRATION.test(words) &&
    !facility &&
    POLICE_ARREST.test(words) &&
    !DETAIN.test(words.replace(everywhere(POLICE_ARREST), ' '));
  const immigration = IMMIGRATION.test(words) || facility !== undefined;
  // Held by the police, ICE maybe coming ("no sé si lo van a entregar a migración", "ICE le
  // puede poner hold"): a county jail, not immigration detention yet.
  // Someone in a jail: an arrest or being held said beside it, not a jail named in passing.
  const jailed =
    COUNTY_JAIL.test(words) &&
    (POLICE_ARREST.test(words) || DETAIN.test(words) || HELD_IN_JAIL.test(words));
  const jailMaybeIce =
    jailed &&
    (/\b(?:no se si|dont know if|do not know if|not sure if|va a|van a|going to|puede|might|may|could|will ice|todavia no|not yet|le (?:puede|pueden|van a) poner)\b/.test(
      words,
    ) ||
      /\b(?:hold|detainer)\b/.test(words) ||
      !DETAIN.test(words.replace(COUNTY_JAIL, ' ')));
  // "La policía lo arrestó y migración le puede poner un hold": the police hold him, not ICE.
  const policeHold =
    POLICE_ONLY.test(words) &&
    /\b(?:hold|detainer|le (?:puede|pueden|van a|va a) poner (?:un |el )?(?:hold|detainer|orden)|lo van a entregar|la van a entregar|going to (?:pick|take)|will (?:pick|take))\b/.test(
      words,
    );
  const policeOnly = (POLICE_ONLY.test(words) && !immigration) || jailMaybeIce || policeHold;
  if (negated) facts.detained = 'no';
  else if (
    (detainWord || (facility && FACILITY_HELD.test(words))) &&
    !(DEPORTED_BEFORE.test(words) && !HELD_NOW.test(words)) &&
    !policeOnly &&
    !feared &&
    !onlyArrest
  )
    facts.detained = 'yes';
  if ((jailMaybeIce || policeHold) && !negated) facts.arrestSetting = 'county-jail';
  // "I think he is in Jena", "they said he'll go to Florence": a guess, not where he is.
  const placeGuessed = GUESSED_PLACE.test(words) && !PLACE_KNOWN.test(words);
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
    const padded = ` ${words} `;
    const arrestAt = [DETAIN, SELF_DETAINED, TOOK_RELATIVE].flatMap((p) => offsets(padded, p));
    const close = (pattern: RegExp, id: string) =>
      !AMBIGUOUS_SETTINGS.has(id) ||
      asked === 'arrestSetting' ||
      (arrestAt.length === 0 && detainedKnown) ||
      offsets(padded, pattern).some((at) => nearest(at, arrestAt) <= NEAR_CHARS);
    const setting = SETTINGS.find(([id, pattern]) => pattern.test(words) && close(pattern, id));
    if (setting) facts.arrestSetting = setting[0];
    else if (policeOnly && (jailed || POLICE_ARREST.test(words)))
      facts.arrestSetting = 'county-jail';
  }

  // Court: a court word not negated; an order; a missed hearing (which is a court case too).
  if (MISSED.test(words)) {
    facts.missedHearing = 'yes';
    facts.hasCourtCase = 'yes';
  }
  // An order asked about ("¿cómo sé si tengo orden de deportación?") is not one stated.
  const stated = text.key
    .split(/(?<=[.!?¿])/)
    .filter((sentence) => !/[?¿]/.test(sentence))
    .join(' ');
  if ((ORDER.test(stated) || DEPORTED_BEFORE.test(words)) && !NO_ORDER.test(clauses))
    facts.removalOrder = 'yes';
  else if (NO_ORDER.test(clauses)) facts.removalOrder = 'no';
  const courtSetting = SETTINGS.find(([id]) => id === 'court')?.[1];
  // "No sé si tiene corte", "sin ver juez": no court case stated either way.
  const unsureCourt =
    /\b(?:no se si|no sabemos si|ni si|dont know if|do not know if|not sure if|sin ver (?:a )?(?:un )?juez|without (?:seeing )?a judge)\b/.test(
      words,
    );
  // "Nunca ha tenido ni una multa": a court or ticket denied is not the matter.
  const undenied = words.replace(
    /\b(?:ni|no|nunca|never|not)\s+(?:\w+\s+){0,3}?(?:multa|ticket|tickets|multas|problemas?|record|antecedentes)\b/g,
    ' ',
  );
  const otherCourt =
    /\b(?:corte penal|posesion|possession|defensor publico|public defender|multa|ticket|transito|trafico|corte familiar|family court|juvenile court|corte juvenil|violencia domestica|traffic court|criminal court|corte criminal|corte de transito|custodia|(?<!\bin |\binto |\bice |\bimmigration )custody|divorcio|divorce|small claims|caso criminal|criminal case|dui|shoplifting|robo|theft|manejar borracho|drunk driving)\b/.test(
      undenied,
    ) &&
    !/\b(?:inmigracion|immigration|deportacion|deportation|removal|asilo|asylum|eoir|migracion)\b/.test(
      words,
    );
  const courtWord =
    !otherCourt &&
    COURT.test(
      words
        .replace(ORDER, ' ')
        .replace(courtSetting ?? /$^/, ' ')
        // "An order from the judge" states the order, not a case still in court.
        .replace(ORDER.test(words) ? /\b(?:juez|judge)\b/g : /$^/, ' '),
    );
  if (unsureCourt && !facts.missedHearing) {
    // Neither yes nor no: the question is asked.
  } else if (NO_COURT.test(clauses) && !facts.missedHearing) facts.hasCourtCase = 'no';
  else if (courtWord) facts.hasCourtCase = 'yes';

  // Dates: a past one near the detention words is since when; a future one near court words is
  // the next hearing.
  // Dates keep their slashes ("12/18"); everything else is read as words.
  const dateText = ` ${text.folded.replace(/[^\p{L}\p{N}/]+/gu, ' ').trim()} `;
  const dates = datePhrases(dateText.trim());
  if (dates.length > 0) {
    // The arrest's own words date it too ("el domingo lo pararon manejando").
    const arrestWords = SETTINGS.map(([, pattern]) => pattern);
    const detainAt = [DETAIN, SELF_DETAINED, ...arrestWords].flatMap((p) => offsets(dateText, p));
    const courtAt = offsets(dateText, COURT);
    // "Tengo que volver a ICE el 9 de diciembre": a check-in's day, not the hearing's.
    const checkInAt = offsets(dateText, CHECK_IN_DATE);
    // The hearing is the date nearest the court words, wherever it stands in the message.
    let hearingDistance = Number.POSITIVE_INFINITY;
    for (const date of dates) {
      const toDetention = nearest(date.at, detainAt);
      const toCourt = nearest(date.at, courtAt);
      // Looking back is a detention's day, looking ahead a hearing's; a date said plainly goes
      // with the nearer of the two, unless only one reading of it is near today ("on the 12th of
      // November", said on the 25th, is past: next year's is too far for a hearing to be meant).
      const back = LOOKING_BACK.test(date.text);
      const ahead = LOOKING_AHEAD.test(date.text);
      // "Desde el 10", "on the 20th": a day of this month, or of the last when still ahead.
      const day = /^(?:desde el|since the|on the|el dia) (\d{1,2})/.exec(date.text)?.[1];
      const said = day ? dayOfMonth(Number(day), today) : date.text;
      const past = parseDate(read(said), { today, direction: 'past' });
      const future = parseDate(read(said), { today, direction: 'future' });
      const recent = past.ok && daysBetween(past.value, today) <= RECENT_DAYS;
      const soon = future.ok && daysBetween(today, future.value) <= SOON_DAYS;
      const detention = back || (!ahead && (recent && !soon ? true : toDetention <= toCourt));
      // A date said plainly counts only close to what it dates (a clause away at most).
      const near = back || ahead || Math.min(toDetention, toCourt) <= NEAR_CHARS;
      if (!near) continue;
      if ((facts.detained === 'yes' || detainedKnown) && detention && !('detainedSince' in facts)) {
        if (past.ok) facts.detainedSince = past.value;
      } else if (
        (facts.hasCourtCase === 'yes' || known.hasCourtCase === 'yes') &&
        !back &&
        !(recent && !soon) &&
        (ahead || toCourt < toDetention || facts.detained !== 'yes') &&
        !facts.missedHearing
      ) {
        const checkIn = nearest(date.at, checkInAt) < toCourt;
        if (future.ok && future.value >= today && toCourt < hearingDistance && !checkIn) {
          facts.nextHearingDate = future.value;
          hearingDistance = toCourt;
        }
      }
    }
  }

  // Who: someone named with "mi"/"my" the story happens to, else the writer.
  const who = whoItIs(text.tokens, words, facts);
  if (who) {
    facts.aboutSelf = who.self ? 'yes' : 'no';
    if (who.relation) facts.writerRelationship = who.relation;
    if (who.word) story.who = who.word;
  }

  // Where they are from: "es de Guatemala", "soy hondureña".
  const country = countryOf(words);
  if (country) facts.citizenship = country;

  // How and when they came.
  if (PAROLE.test(words)) facts.entryManner = 'parole';
  else if (INSPECTED.test(words)) facts.entryManner = 'inspected';
  else if (WITHOUT_INSPECTION.test(words)) facts.entryManner = 'without-inspection';
  const arrived = ARRIVED_YEAR.exec(words);
  const years = YEARS_HERE.exec(words);
  const thisYear = Number(today.slice(0, 4));
  if (arrived?.[1] && Number(arrived[1]) <= thisYear) facts.entryDate = arrived[1];
  else {
    const count = Number(years?.[1] ?? years?.[2] ?? 0);
    if (count > 0) facts.entryDate = String(thisYear - count);
  }

  // A lawyer or none.
  if (NO_LAWYER.test(words)) facts.represented = 'no';
  else if (HAS_LAWYER.test(words)) facts.represented = 'yes';

  // Where they live: "vivimos en Los Angeles", never a country.
  const livesMatch = LIVES.exec(text.key);
  // "Yo vivo en Seattle" in a story about someone else says where the writer lives.
  const writerOnly =
    facts.aboutSelf === 'no' && /^(?:vivo|i live|living)\b/.test(livesMatch?.[0] ?? '');
  const lives = writerOnly ? null : livesMatch;
  const place = lives?.[1]?.trim();
  if (place && !parseCountry(place).ok) {
    const location = parseLocation(place);
    if (location.ok) facts.location = titleCase(location.value.text);
  }

  // A phone to call back, and the person's name as written.
  const phone = /\d{3}\D{0,3}\d{3}\D{0,2}\d{4}/.test(text.raw) ? parsePhone(text.raw) : undefined;
  if (phone?.ok && phone.value.startsWith('+1')) facts.phone = phone.value;
  const name = nameIn(text, facts.aboutSelf === 'no');
  // "Un centro que se llama Delaney Hall": a facility's name, not the person's.
  if (name && !findFacility(read(name).words, content.facilities)) facts.name = name;

  // The matter: what happened decides it; else what the words mean.
  // Not immigration: another court (custody, a DUI, a theft charge), a lawsuit, with no ICE.
  // "I don't have papers" beside an eviction says why it is hard, not what they ask for.
  const asksStatus = STATUS_WORDS.test(
    words.replace(
      /\b(?:no tengo papeles|no tiene papeles|sin papeles|dont have papers|doesnt have papers|undocumented|indocumentad[oa])\b/g,
      ' ',
    ),
  );
  const notImmigration =
    (otherCourt || SUING.test(undenied) || OTHER_LEGAL.test(undenied)) &&
    !IMMIGRATION.test(words) &&
    !asksStatus &&
    !facility;
  if (notImmigration) {
    // "El papá se lo llevó a Arizona": a custody fight's words, not a detention.
    delete facts.detained;
    delete facts.detainedSince;
    delete facts.hasCourtCase;
    delete facts.nextHearingDate;
  }
  // "I think my brother was detained": not stated as a detention, but what the writer fears.
  const guessedDetention = unfeared !== words.replace(FEARED, ' ') && !notImmigration;
  const matter =
    facts.detained === 'yes' ||
    (facts.arrestSetting === 'county-jail' && !notImmigration) ||
    guessedDetention
      ? 'detention'
      : facts.hasCourtCase === 'yes' || (facts.removalOrder === 'yes' && !OPTIONS_ASKED.test(words))
        ? 'court'
        : notImmigration
          ? 'other'
          : facts.removalOrder === 'yes' && OPTIONS_ASKED.test(words)
            ? 'options'
            : (matterByMeaning(
                content,
                text,
                language,
                facts.detained === 'no' || NEVER_TAKEN.test(clauses),
                facts.hasCourtCase === 'no',
              ) ??
              (STATUS_WORDS.test(words) ||
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
  noCourt = false,
): string | undefined {
  const step = content.flow.steps.find((s) => s.id === 'matter');
  const meant = step ? chooseByMeaning(content, step, text, language)?.value : undefined;
  // "I'm not detained, I have no court, I just want papers": the words of what did not happen.
  if (notDetained && meant === 'detention') return undefined;
  return noCourt && meant === 'court' ? undefined : meant;
}

const FIRST_PERSON =
  /\b(?:yo|i|im|me|mi caso|my case|tengo|necesito|quiero|quisiera|queria|estoy|soy|puedo|saco|renuevo|pido|califico|aplico|llevo|vivo|llegue|entre|cruce|le hago|i have|i need|i want|can i|my court|my hearing|mi corte|mi audiencia|mis papeles|my papers|me llego|recibi|i got|mi green card|my green card|mi daca|my daca|mi residencia|mi permiso|my work permit|mi mica)\b/;
/** The writer says it happened to them: "tengo corte", "me detuvieron", "I have a hearing". */
const SELF_EVENT =
  /\b(?:mi \w+ y yo|my \w+ and i|yo y mi|me and my|nos (?:detuvieron|agarraron|arrestaron|soltaron)|a mi y a mi|tengo (?:corte|audiencia|cita|un caso|caso|una audiencia|fecha|una orden|orden)|me (?:llego|llegaron|dieron|mandaron|quieren deportar|van a deportar|detuvieron|agarraron|arrestaron)|(?:mi|my) (?:corte|audiencia|court|hearing|court date)|i (?:have|had|got) (?:a |my |an )?(?:court|hearing|notice|nta|immigration|deportation|asylum hearing)|perdi mi|i missed|nunca fui|no fui|i was (?:detained|arrested)|estoy detenid[oa])\b/;
/** Said of someone else with no "mi X": "no está detenido pero tiene corte", "he's not detained". */
const SOMEONE_ELSE =
  /\b(?:one of (?:our|my)|uno de (?:mis|nuestros)|una de (?:mis|nuestras)|a patient|a client|my students|mis alumnos|my employee|my workers|my guys|mi trabajador|(?:i m|im|i am) a (?:teacher|pastor|social worker|paralegal|nurse|volunteer)|i am the pastor|i own a|soy (?:maestr[oa]|pastor|trabajadora social|el pastor)|escribo por|le escribo por|de parte de|on behalf of|writing for|writing about|pregunto por|asking for)\b(?! (?:me|myself|mi mism[oa]|mi)\b)/;
const THIRD_ONLY =
  /^(?:el|ella|he|she|hes|shes)\b|\b(?:no esta detenid[oa]|is not detained|isnt detained|hes not detained|shes not detained)\b/;
const PARTNER =
  /\b(?:(?:el|al) papa de mis|(?:la|a la) mama de mis|el padre de mis|la madre de mis|the father of my|the mother of my|my kids dad|my kids mom|my childrens father|baby daddy|baby mama|(?:mi )?companer[oa] de vida)\b/;
const JOINT_SELF =
  /\b(?:a mi y a mi|mi \w+ y yo|yo y mi|my \w+ and i|me and my|nos (?:detuvieron|agarraron|arrestaron|soltaron)|we (?:were|got) (?:detained|arrested|picked up|released))\b/;
const STARTS_FIRST_PERSON =
  /^(?:\w+ ){0,3}?(?:necesito|quiero|tengo|tuve|ocupo|i need|i want|i have|i had|can i|me|yo)\b(?! (?:ayuda |help )?(?:para|for|with) (?:mi|my) )/;
const THIRD_PERSON_EVENT =
  /^(?:\w+\s+){0,3}?(?:estan|son|fueron|were|are|detained|detenid[oa]s?|arrested|llego|llegaron|vino|came|nunca|never|trabaja|works|vive|lives|me pidio|asked me|me dijo|told me|get|apply|pedir|sacar|preso|presa|locked|tiene|has|have|had|tenia|necesita|needs|esta|is|was|fue|got|recibio|received|le llego|le dieron|lo|la|se|just|ya|quiere|wants|puede|can|falto|missed|no fue|didnt)\b/;

function whoItIs(
  tokens: readonly string[],
  words: string,
  facts: Record<string, unknown>,
): { self: boolean; relation?: string; word?: WhoWord } | undefined {
  const said = WRITER_SAYS.exec(words);
  const named = said?.[1] ? own(RELATIONS, said[1]) : undefined;
  const writerIs = named ? own(WRITER_IS, named[0]) : undefined;
  // "Soy su esposa": the writer is the wife, so the person is her spouse, said as a partner.
  if (writerIs) return { self: false, relation: writerIs, word: personWord(writerIs) };
  const all = mentions(tokens);
  // "Quiero pedir a mis papás", "bring my parents here": a petition's relatives are the subject.
  const petition =
    /\b(?:pedir a|pedirle a|arreglarle|bring|petition for|sponsor|traer a|reclamar a)\b/.test(
      words,
    );
  // "Mis dos hijos están detenidos": a group the story happens to, when no one else is named.
  const singles = all.filter((m) => !m.status && !m.plural);
  const groupTaken = singles.length === 0 && facts.detained === 'yes';
  const candidates = all.filter((m) => !m.status && (!m.plural || petition || groupTaken));
  const event = facts.detained === 'yes' || facts.hasCourtCase === 'yes' || 'removalOrder' in facts;
  if (SELF_DETAINED.test(words) && facts.detained === 'yes') return { self: true };
  // "Can my husband petition for me?": the writer is the one it is for.
  if (
    /\b(?:brought me|me trajo|me trajeron|for myself|para mi mism[oa]|about me|me ayuda (?:para|a) (?:los papeles|arreglar|sacar)|for me|sponsor me|petition me|me (?:puede|pueden|pueda) (?:pedir|arreglar)|pedirme|arreglarme|me toca|me pidio a mi)\b/.test(
      words,
    )
  )
    return { self: true };
  const selfEvent = SELF_EVENT.test(words);
  // "El papá de mis hijos", "my kids' father", "mi compañero de vida": a partner, whatever word
  // came before ("mi viejo").
  if (PARTNER.test(words) && !SELF_DETAINED.test(words))
    return { self: false, relation: 'spouse', word: 'partner' };
  // "A mí y a mi hijo nos detuvieron", "my husband and I": it happened to the writer too.
  if (
    JOINT_SELF.test(words) &&
    (!event ||
      (/\b(?:nos|we)\b/.test(words.replace(/\bmy \w+ and i\b|\bmi \w+ y yo\b/g, ' ')) &&
        !/\b(?:lo|la|she|he|him|her)\b/.test(words)))
  )
    return { self: true };
  for (const m of candidates) {
    const before = tokens.slice(Math.max(0, m.at - 4), m.at - 1).join(' ');
    const after = tokens.slice(m.at + 1, m.at + 6).join(' ');
    // "detuvieron a mi esposo", "took my dad", "para mi hijo", "mi esposo tiene corte".
    // "Vine con mi hija", "came with my son": a companion, not who it is about.
    if (/(?:^| )(?:con|with)$/.test(before)) continue;
    const object =
      /(?:^| )(?:a|al|to|for|para|pa|pal|sobre|about|de|por|of)$/.test(before) ||
      /(?:^| )(?:es|its|it is|is|era|was)$/.test(before);
    const verbBefore =
      /\b(?:took|detained|arrested|picked|grabbed|snatched|released|got|llevaron|detuvieron|agarraron|arrestaron|soltaron)\b/.test(
        before,
      );
    const subject = THIRD_PERSON_EVENT.test(after);
    // "Tengo audiencia ... con mi hija": the writer's own event, the relative only mentioned.
    if (selfEvent && !verbBefore) continue;
    if ((event && (object || verbBefore || subject)) || (!event && (object || subject))) {
      return { self: false, relation: m.relation, word: m.who };
    }
  }
  // Something happened and one "mi X" is named: X is the one it happened to ("mi esposo, ICE,
  // ayer"; "mi esposa faltó a su corte").
  const [only] = candidates;
  if (event && candidates.length === 1 && only && !selfEvent) {
    return { self: false, relation: only.relation, word: only.who };
  }
  if (selfEvent) return { self: true };
  // "I'm a pastor writing for one of our members": someone else, no relative named.
  if (SOMEONE_ELSE.test(words) && candidates.length === 0) return { self: false };
  if (FIRST_PERSON.test(words) && candidates.length === 0) return { self: true };
  // "Necesito ayuda con mi divorcio, mi esposo no quiere firmar": the writer's own matter.
  if (!event && STARTS_FIRST_PERSON.test(words)) return { self: true };
  if (THIRD_ONLY.test(words) && candidates.length === 0) return { self: false };
  return undefined;
}

/** The word for the person when the writer said what they are: only a spouse is sure. */
function personWord(writerIs: string): WhoWord {
  return writerIs === 'spouse' ? 'partner' : writerIs === 'friend' ? 'friend' : 'relative';
}

/** Words that lead into a name: someone else's, or the writer's own. */
const NAME_LEADS_OTHER = ['se llama', 'su nombre es', 'his name is', 'her name is', 'name is'];
const NAME_LEADS_OWN = ['me llamo', 'mi nombre es', 'my name is'];
const PARTICLES = new Set(['de', 'del', 'la', 'los', 'las', 'y']);

/**
 * The name of the person the story is about, when written out with capitals: right after the
 * relation word ("mi esposo Juan Pérez") or "se llama" for someone else, after "me llamo" for
 * the writer. Two words at least: a first name alone is asked for in full. The message's raw
 * words line up with its folded tokens, so the name keeps its accents and capitals.
 */
function nameIn(text: Reading, someoneElse: boolean): string | undefined {
  const raw = text.raw
    .normalize('NFC')
    .replace(/['’‘`´]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const tokens = text.tokens;
  if (raw.length !== tokens.length) return undefined;
  const starts: number[] = [];
  const leads = someoneElse ? NAME_LEADS_OTHER : NAME_LEADS_OWN;
  for (const lead of leads) {
    const at = ` ${tokens.join(' ')} `.indexOf(` ${lead} `);
    if (at >= 0)
      starts.push(
        tokens.join(' ').slice(0, at).split(' ').filter(Boolean).length + lead.split(' ').length,
      );
  }
  if (someoneElse) {
    tokens.forEach((token, i) => {
      const next = tokens[i + 1] ?? '';
      if ((POSSESSIVE.has(token) || token === 'al') && own(RELATIONS, next)) starts.push(i + 2);
    });
  }
  for (const start of starts) {
    const name: string[] = [];
    for (let j = start; j < raw.length && name.length < 6; j++) {
      const word = raw[j] ?? '';
      const folded = tokens[j] ?? '';
      // "Juan", not "JUAN" in a message typed in capitals, nor a sentence's first word.
      if (/^\p{Lu}\p{Ll}/u.test(word) && !STOP_CAPITALS.has(folded)) name.push(word);
      else if (PARTICLES.has(folded) && name.length > 0 && /^\p{Lu}/u.test(raw[j + 1] ?? ''))
        name.push(word);
      else break;
    }
    while (name.length && PARTICLES.has((name.at(-1) ?? '').toLowerCase())) name.pop();
    if (name.filter((w) => /^\p{Lu}/u.test(w)).length >= 2) return name.join(' ');
  }
  return undefined;
}

/** Capitalised words that are not names: sentence starts, places, months. */
const STOP_CAPITALS = new Set([
  'county',
  'condado',
  'soy',
  'es',
  'please',
  'thanks',
  'thank',
  'help',
  'hello',
  'hi',
  'hola',
  'gracias',
  'ayuda',
  'urgent',
  'urgente',
  'por',
  'shes',
  'hes',
  'its',
  'theyre',
  'the',
  'don',
  'dona',
  'im',
  'i',
  'we',
  'my',
  'mi',
  'lo',
  'la',
  'el',
  'ella',
  'ice',
  'he',
  'she',
  'they',
  'we',
  'and',
  'y',
  'es',
  'está',
  'esta',
  'tiene',
  'has',
  'is',
  'was',
  'fue',
  'ayer',
  'hoy',
]);

/** "los angeles" → "Los Angeles": a place read from folded words, written as a place. */
function titleCase(place: string): string {
  return place
    .replace(/\b\p{L}/gu, (c) => c.toUpperCase())
    .replace(/\b([A-Z][a-z])$/u, (code) => code.toUpperCase());
}

function countryOf(words: string): string | undefined {
  const codes = new Set<string>();
  for (const m of words.matchAll(FROM)) {
    const named = m[1] ?? '';
    // "es de Guatemala", "from El Salvador": one or two words after.
    const two = parseCountry(named);
    const one = parseCountry(named.split(' ')[0] ?? '');
    const code = two.ok ? two.value : one.ok ? one.value : undefined;
    if (code && code !== 'US') codes.add(code);
  }
  for (const token of words.split(' ')) {
    const code = own(DEMONYMS, token);
    if (code) codes.add(code);
  }
  const [only] = codes;
  return codes.size === 1 ? only : undefined;
}
