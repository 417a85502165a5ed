/**
 * How words are folded before they are indexed or searched: case and accents, stop words, light
 * plural stripping, and synonyms for legal terms people do not know. Documents and queries go
 * through the same steps, so "la migra" finds an article that says "ICE" and "residencia" one
 * that says "green card".
 */
import { normalize } from '../parse/normalize';

/**
 * Groups of words that mean the same thing to a client. Each group folds to its first entry.
 * Multi-word phrases are folded before the text is split into words.
 */
const SYNONYMS: readonly (readonly string[])[] = [
  [
    'deport',
    'deportation',
    'deported',
    'deporting',
    'deportacion',
    'deportar',
    'deportaron',
    'deportado',
    'deportada',
    'deporten',
    'removal',
    'removed',
    'orden de deportacion',
  ],
  ['ice', 'la migra', 'migra', 'immigration enforcement', 'inmigra'],
  [
    'greencard',
    'green card',
    'greencard',
    'residency',
    'residencia',
    'residente permanente',
    'permanent resident',
    'lpr',
    'mica',
    'la green',
  ],
  [
    'detain',
    'detained',
    'detention',
    'detenido',
    'detenida',
    'detencion',
    'detuvieron',
    'arrested',
    'arrestado',
    'arrestada',
    'arrestaron',
    'picked up',
    'agarraron',
    'agarro',
    'se lo llevaron',
    'se la llevaron',
    'preso',
    'presa',
    'custody',
    'custodia',
    'locked up',
    'encerrado',
  ],
  ['lawyer', 'attorney', 'abogado', 'abogada', 'abogao', 'lawer', 'licenciado', 'licenciada'],
  ['court', 'corte', 'tribunal', 'courthouse'],
  ['judge', 'juez', 'jueza'],
  ['bond', 'fianza', 'bail', 'bono'],
  ['asylum', 'asilo', 'asilo politico', 'political asylum'],
  [
    'workpermit',
    'work permit',
    'permiso de trabajo',
    'ead',
    'employment authorization',
    'work authorization',
    'permiso para trabajar',
  ],
  ['hearing', 'audiencia', 'court date', 'cita en la corte', 'cita de corte', 'fecha de corte'],
  ['papers', 'papeles', 'documents', 'documentos'],
  [
    'citizen',
    'ciudadano',
    'ciudadana',
    'ciudadanos',
    'citizenship',
    'ciudadania',
    'us citizen',
    'american citizen',
    'ciudadano americano',
    'ciudadano estadounidense',
  ],
  [
    'child',
    'children',
    'kid',
    'kids',
    'son',
    'daughter',
    'hijo',
    'hija',
    'hijos',
    'hijas',
    'nino',
    'nina',
    'ninos',
  ],
  ['spouse', 'husband', 'wife', 'esposo', 'esposa', 'marido', 'mujer'],
  ['visa', 'visas'],
  ['warrant', 'orden judicial', 'orden de arresto'],
  ['notario', 'notary', 'notary public', 'notarios'],
  [
    'a-number',
    'a number',
    'anumber',
    'alien number',
    'numero a',
    'numero de extranjero',
    'uscis number',
  ],
  ['nta', 'notice to appear', 'aviso de comparecencia', 'notificacion de comparecencia'],
  [
    'move',
    'moved',
    'moving',
    'mudanza',
    'mude',
    'mudar',
    'mudarme',
    'cambie de casa',
    'change of address',
    'cambio de direccion',
    'new address',
    'nueva direccion',
  ],
  ['appeal', 'apelar', 'apelacion', 'bia', 'board of immigration appeals'],
  ['fear', 'afraid', 'miedo', 'scared', 'amenazas', 'threats', 'persecution', 'persecucion'],
  [
    'abuse',
    'abused',
    'abuso',
    'maltrato',
    'violencia domestica',
    'domestic violence',
    'golpea',
    'beats',
  ],
  ['traffick', 'trafficking', 'trata', 'forced labor', 'trabajo forzado'],
  ['victim', 'victima', 'victimas'],
  ['police', 'policia', 'cops'],
  [
    'check-in',
    'check in',
    'checkin',
    'reportarme',
    'report to ice',
    'firmar con ice',
    'ankle monitor',
    'grillete',
    'brazalete',
    'isap',
  ],
  [
    'cost',
    'costs',
    'cost',
    'how much',
    'cuanto',
    'cuesta',
    'cobran',
    'cobra',
    'price',
    'precio',
    'fee',
    'fees',
    'charge',
    'pay',
    'pagar',
  ],
];

const STOP_WORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those ' +
    'i me my we our you your he him his she her they them their what which who whom how when where why do does did ' +
    'can could should would will shall may might must have has had not no yes so than then there here about into out up ' +
    'get got am im pls plz please u ur hi hello ok thanks thank just also very really now any some all ' +
    'el la los las un una unos unas y o pero si de del al a en con por para como que cual cuales quien quienes cuando donde ' +
    'porque por que xq pq q k es son era fue ser estar esta estan estoy este esto eso esa ese mi mis tu tus su sus nos ' +
    'yo usted ustedes ellos ellas lo le les me te se ya muy mas pues hola buenas gracias favor tengo tiene tienen hay puedo ' +
    'puede pueden hacer hago hace quiero saber necesito'
  ).split(/\s+/),
);

// Phrases first, longest first, so "green card" folds before "card" is seen alone.
const PHRASES = SYNONYMS.flatMap((group) =>
  group.filter((w) => w.includes(' ')).map((w) => [w, group[0] ?? w] as const),
).sort((a, b) => b[0].length - a[0].length);
const WORDS = new Map(SYNONYMS.flatMap((group) => group.map((w) => [w, group[0] ?? w] as const)));

/** Folds the text's phrases to their canonical words ("la migra" → "ice"). */
export function foldPhrases(text: string): string {
  let folded = ` ${normalize(text).replace(/[^\p{L}\p{N}\s-]/gu, ' ')} `;
  for (const [phrase, canonical] of PHRASES)
    folded = folded.split(` ${phrase} `).join(` ${canonical} `);
  return folded.trim();
}

/**
 * One word as the index sees it: synonyms folded, stop words dropped (null), a plural "s" cut
 * from longer words ("hearings" → "hearing", "detenidos" → "detenido").
 *
 * @example processTerm('Audiencias') // 'hearing'
 */
export function processTerm(term: string): string | null {
  const word = normalize(term);
  if (word.length < 2 || STOP_WORDS.has(word)) return null;
  const direct = WORDS.get(word);
  if (direct) return direct;
  const singular = word.length > 4 && word.endsWith('s') ? word.slice(0, -1) : word;
  return WORDS.get(singular) ?? singular;
}

/** Splits folded text into words (the index's tokenizer). */
export function tokenize(text: string): string[] {
  return foldPhrases(text).split(/\s+/).filter(Boolean);
}
