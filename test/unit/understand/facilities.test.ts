import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { loadBundledContent } from '../../../functions/adapters/content-bundle';
import { foldWords } from '../../../functions/core/parse/normalize';
import { phoneMetadata, usePhoneMetadata } from '../../../functions/core/parse/phone-metadata';
import {
  FacilitiesSchema,
  type Facility,
  findFacility,
} from '../../../functions/core/understand/facilities';
import { buildContentDir } from '../../../infra/content';
import { content } from '../../helpers/content';

const file = new URL('../../../knowledge/detention-facilities.yaml', import.meta.url);
const raw: unknown = YAML.parse(readFileSync(file, 'utf8'));
const data = FacilitiesSchema.parse(raw);
const facilities = data.facilities;

const find = (text: string, covered: readonly string[] = []) =>
  findFacility(foldWords(text), facilities, covered)?.name;

/** Words that turn up in ordinary messages, and places too broad to mean one facility. */
const COMMON = new Set(
  [
    // English
    'the a an and or but in on at to from of for with by is are was were be been he she him her',
    'they them we us i you my your his their our it its this that there here where when what who',
    'how why not no yes now today tomorrow yesterday took taken take have has had do did go went',
    'come came send sent moved transferred arrested detained held hold still jail prison center',
    'centre county city state processing process ice detention facility correctional corrections',
    'regional federal contract service staging annex camp north south east west new old big small',
    'home house work family children kids son daughter husband wife brother sister mother father',
    'court judge lawyer attorney bond help please call phone number money pay park lake river',
    'valley hill beach green plains view desert golden mesa hall bend falls creek green border',
    // Spanish
    'el la los las un una de del en al con por para que y o si mi su sus lo le les se es esta',
    'estan fue tienen tiene llevaron detuvieron detenido detenida preso presa carcel centro',
    'condado ciudad estado corte juez abogado fianza hijo hija esposo esposa hermano hermana mama',
    'papa casa trabajo dinero pago paso siguiente valle rio lago playa verde norte sur este oeste',
    'nuevo nueva grande campo campamento migracion inmigracion hielo ayuda gracias hoy manana',
    'ayer ahora donde cuando porque como adelante palma garita frontera',
  ]
    .join(' ')
    .split(' '),
);
const TOO_BROAD = new Set([
  'texas',
  'california',
  'florida',
  'arizona',
  'louisiana',
  'georgia',
  'new york',
  'new jersey',
  'new mexico',
  'nuevo mexico',
  'washington',
  'colorado',
  'nevada',
  'michigan',
  'illinois',
  'oklahoma',
  'virginia',
  'pennsylvania',
  'mexico',
  'el paso',
  'en el paso',
  'laredo',
  'nuevo laredo',
  'san diego',
  'los angeles',
  'houston',
  'miami',
  'chicago',
  'newark',
  'bakersfield',
  'orange county',
  'aurora',
  'torrance',
  'la palma',
  'san luis',
  'imperial',
  'eloy',
  'angola',
  'baker',
  'montana',
  'elizabeth',
  'henderson',
  'monroe',
  'hamilton',
  'dover',
  'south texas',
  'south florida',
  'north lake',
  'rio grande',
  'el valle',
]);

describe('knowledge/detention-facilities.yaml', () => {
  it('validates against FacilitiesSchema, with its review date and ICE as the authority', () => {
    const result = FacilitiesSchema.safeParse(raw);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    expect(data.lastReviewed).toBe('2026-12-07');
    expect(data.sources.map((s) => s.url)).toEqual(
      expect.arrayContaining([
        'https://www.ice.gov/detention-facilities',
        'https://www.ice.gov/detain/detention-management',
      ]),
    );
  });

  it('covers the main facilities across the country, every California one among them', () => {
    expect(facilities.length).toBeGreaterThanOrEqual(60);
    expect(facilities.filter((f) => f.state === 'CA').map((f) => f.name)).toEqual([
      'Adelanto ICE Processing Center',
      'Desert View Annex',
      'Otay Mesa Detention Center',
      'Imperial Regional Detention Facility',
      'Golden State Annex',
      'Mesa Verde ICE Processing Center',
      'California City Detention Facility',
    ]);
    expect(new Set(facilities.map((f) => f.state)).size).toBeGreaterThanOrEqual(20);
  });

  it('finds each facility by every one of its aliases and by its name', () => {
    for (const facility of facilities) {
      for (const alias of facility.aliases) expect(find(alias), alias).toBe(facility.name);
      expect(find(facility.name), facility.name).toBe(facility.name);
    }
  });

  it('has no alias that is a common word or a place too broad to mean one facility', () => {
    const aliases = facilities.flatMap((f) => f.aliases);
    expect(aliases.filter((alias) => COMMON.has(alias) || TOO_BROAD.has(alias))).toEqual([]);
  });
});

describe('findFacility', () => {
  it.each([
    ['lo tienen en Adelanto', 'Adelanto ICE Processing Center'],
    ['está en el de Otay', 'Otay Mesa Detention Center'],
    ['they took him to Krome', 'Krome North Service Processing Center'],
    ['NWDC in Tacoma', 'Northwest ICE Processing Center'],
    ['en Dilley con los niños', 'Dilley Immigration Processing Center'],
    ['lo mandaron a Conroe', 'Montgomery Processing Center'],
    ['my dad is in Pearsall', 'South Texas ICE Processing Center'],
    ['está en Batavia, Nueva York', 'Buffalo (Batavia) Service Processing Center'],
    ['en el centro de detención de El Paso', 'El Paso Service Processing Center'],
    ['lo llevaron al Alcatraz de los Caimanes', 'South Florida Detention Facility'],
    ['está en Jena, en la LaSalle', 'Central Louisiana ICE Processing Center'],
    ['la tienen en “Mesa Verde”', 'Mesa Verde ICE Processing Center'],
    ['en Fort Bliss', 'Camp East Montana'],
  ])('finds the facility in "%s"', (text, name) => {
    expect(find(text)).toBe(name);
  });

  it('takes the longest match: the annex named with its town is the annex', () => {
    expect(find('desert view annex en adelanto')).toBe('Desert View Annex');
    expect(find('el anexo de adelanto')).toBe('Desert View Annex');
    expect(find('florence correctional in florence')).toBe(
      'Central Arizona Florence Correctional Complex',
    );
  });

  it.each([
    'el paso siguiente es ir a la corte',
    'my county jail',
    'he is at the processing center',
    'lo tienen en la cárcel del condado',
    'ICE lo detuvo en la casa',
    'lo deportaron a Nuevo Laredo',
    'vivimos en La Palma',
    'we live in Torrance',
    'mi hermano Eloy trabaja aquí',
    'soy de Angola',
    'vivo en Bakersfield',
    'la corte de inmigración en San Diego',
    '',
  ])('finds nothing in "%s"', (text) => {
    expect(find(text)).toBeUndefined();
  });

  it('takes a place name wherever it stands: Florence means the one in Arizona', () => {
    // The matcher reads where someone is held; it does not know a city in Italy from one in Arizona.
    expect(find('i am in florence italy')).toBe('Florence Service Processing Center');
  });

  it("matches the firm's covered facilities, the listed facility when there is one", () => {
    const covered = content().firm.coveredFacilities;
    expect(covered).toEqual(['Otay Mesa', 'Adelanto', 'Imperial', 'Desert View']);
    // "Imperial" alone is no alias, but a covered name held by one listed name is that facility.
    expect(find('está en Imperial', covered)).toBe('Imperial Regional Detention Facility');
    expect(find('está en Imperial')).toBeUndefined();
    expect(find('otay mesa', covered)).toBe('Otay Mesa Detention Center');
  });

  it('returns a covered facility that is not listed by its name alone', () => {
    const facility = findFacility(foldWords('lo tienen en Santa Ana'), facilities, [
      'Santa Ana City Jail',
      'Santa Ana',
    ]);
    expect(facility).toEqual({ name: 'Santa Ana', city: '', state: '', aliases: [] });
  });

  it('reads a message in well under a tenth of a millisecond', () => {
    const words = foldWords(
      'Buenas tardes, mi esposo fue detenido por ICE el martes en la mañana cuando iba al trabajo ' +
        'y ahora me dicen que lo tienen en Adelanto pero no sé si lo van a mover a otro lugar',
    );
    const covered = content().firm.coveredFacilities;
    findFacility(words, facilities, covered);
    const runs = 2000;
    const start = performance.now();
    for (let i = 0; i < runs; i++) findFacility(words, facilities, covered);
    expect((performance.now() - start) / runs).toBeLessThan(0.1);
  });
});

describe('FacilitiesSchema', () => {
  const entry = (aliases: string[], name = 'Example Processing Center'): Facility => ({
    name,
    city: 'Example',
    state: 'TX',
    aliases,
  });
  const issues = (list: Facility[]) =>
    FacilitiesSchema.safeParse({ ...data, facilities: list }).error?.issues.map(
      (i) => `${i.path.join('.')}: ${i.message}`,
    );

  it('refuses an alias claimed by two facilities, naming the one that has it', () => {
    expect(issues([entry(['otay']), entry(['otay'], 'Other Detention Center')])).toEqual([
      'facilities.1.aliases.0: "otay" already names Example Processing Center',
    ]);
  });

  it('refuses an alias not written folded, and a state that is not a two-letter code', () => {
    expect(issues([{ ...entry(['Otay Mesa', 'el de otáy']), state: 'Texas' }])).toEqual([
      'facilities.0.state: a two-letter state code, upper case (CA)',
      'facilities.0.aliases.0: write it folded: lower case, no accents or punctuation, single spaces',
      'facilities.0.aliases.1: write it folded: lower case, no accents or punctuation, single spaces',
    ]);
  });

  it('refuses a facility without aliases', () => {
    expect(issues([entry([])])?.[0]).toMatch(/^facilities\.0\.aliases: /);
  });
});

describe('loading', () => {
  const original = phoneMetadata();
  const { dir } = buildContentDir({
    root: process.cwd(),
    rosterFile: 'prompts/roster.example.yaml',
  });
  afterAll(() => {
    usePhoneMetadata(original);
    rmSync(dir, { recursive: true, force: true });
  });

  it('puts the facilities on the content, from the files and from content.json alike', () => {
    expect(content().facilities).toEqual(facilities);
    expect(loadBundledContent(dir).content.facilities).toEqual(facilities);
  });
});
