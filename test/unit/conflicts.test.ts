/**
 * The conflict check's rules, one test each (functions/core/conflicts/): how names are read and
 * compared, the adverse-parties answer read into names, the CSV reader, the list's cache, and
 * the lead email and lead.json carrying the matches first.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadConflictsFile, loadNameTables } from '../../functions/adapters/conflicts-file';
import {
  type ConflictRow,
  findConflicts,
  indexConflicts,
  MATCH_THRESHOLD,
  matchNames,
  parseName,
} from '../../functions/core/conflicts/conflicts';
import { ConflictCsvError, parseConflictCsv } from '../../functions/core/conflicts/csv';
import { NO_NAMES } from '../../functions/core/conflicts/names';
import { namesIn } from '../../functions/core/conflicts/parties';
import { type ConflictListStore, conflictChecker } from '../../functions/core/conflicts/source';
import { buildLeadEmail } from '../../functions/core/leads/email';
import { LeadJsonSchema, leadJson } from '../../functions/core/leads/json';
import { content } from '../helpers/content';
import { aLead } from '../helpers/lead';

const tables = loadNameTables(process.cwd());
/** The match of two names if it reaches the threshold a conflict is reported at. */
const match = (a: string, b: string) => {
  const found = matchNames(parseName(a, tables), parseName(b, tables), tables);
  return found && found.score >= MATCH_THRESHOLD ? found : undefined;
};

describe('the name matcher', () => {
  it('folds accents and case, and says so', () => {
    expect(match('maria lopez', 'María López')).toEqual({ score: 1, why: ['accents and case'] });
  });

  it('matches a Spanish double surname with the second one dropped', () => {
    const found = match('Maria Lopez', 'María López García');
    expect(found?.why).toContain('second surname dropped');
    expect(found?.score).toBeGreaterThanOrEqual(0.9);
  });

  it('matches the two surnames in the other order', () => {
    expect(match('Rosa Diaz Vega', 'Rosa Vega Díaz')?.why).toContain('surnames in the other order');
  });

  it('matches a name written family name first, with or without a comma', () => {
    expect(match('Lopez Garcia Maria', 'María López García')?.why).toContain(
      'given and family names swapped',
    );
    expect(match('Ramírez, Luis', 'Luis Ramírez')?.why).toContain('written family name first');
  });

  it('drops particles and titles, and splits "Delacruz" when Cruz is a surname', () => {
    expect(match('Juan de la Cruz', 'Juan Cruz')?.score).toBe(1);
    expect(match('Juan Delacruz', 'Juan de la Cruz')?.score).toBe(1);
    expect(match('Sr. Miguel Angel Torres Jr.', 'Miguel Ángel Torres')?.score).toBe(1);
  });

  it('reads nicknames from knowledge/names.yaml, in Spanish and English', () => {
    expect(match('Pepe Hernandez', 'José Hernández')?.why).toContain('nickname Pepe = José');
    expect(match('Lupe Ramirez', 'Guadalupe Ramírez')?.why).toContain('nickname Lupe = Guadalupe');
    expect(match('Beto Aguilar', 'Roberto Aguilar')?.why).toContain('nickname Beto = Roberto');
    expect(match('Bill Smith', 'William Smith')?.why).toContain('nickname Bill = William');
  });

  it('matches the same given name in another language', () => {
    expect(match('Joseph Garcia', 'José García')?.why).toContain(
      'Joseph = José in another language',
    );
  });

  it('matches a typo, scaled by length, and spellings that sound the same', () => {
    expect(match('Jsoe Perez', 'José Pérez')?.why).toContain('one letter off: Jsoe = José');
    expect(match('Maria Rodrigez', 'María Rodríguez')?.why?.join()).toMatch(/one letter off/);
    expect(match('Jose Gonzales', 'José González')?.why).toContain(
      'sounds alike: Gonzales = González',
    );
    // Four letters allow only a swap: "Lara" and "Lora" are two names.
    expect(match('Lara Perez', 'Lora Perez')).toBeUndefined();
  });

  it('matches an initial only with two more names beside it', () => {
    expect(match('J. Lopez Garcia', 'Juan López García')?.why).toContain('initial J. = Juan');
    expect(match('J. Lopez', 'Juan López')).toBeUndefined();
  });

  it('never matches on a shared common surname alone, or a shared given name alone', () => {
    expect(match('Juan Garcia', 'Pedro García')).toBeUndefined();
    expect(match('Ana Martinez Lopez', 'Carmen Martínez López')).toBeUndefined();
    expect(match('Maria Lopez', 'María Hernández')).toBeUndefined();
    expect(match('Flores', 'Ana Flores')).toBeUndefined();
  });

  it('keeps apart names a letter apart that are two names: Mario and María, Luis and Luisa', () => {
    expect(match('Mario Lopez', 'María López')).toBeUndefined();
    expect(match('Luis Soto', 'Luisa Soto')).toBeUndefined();
    expect(match('Martin Lopez', 'Marvin López')).toBeUndefined();
    expect(match('Pedro Rojas', 'Pedro Rosas')).toBeUndefined();
  });

  it('keeps apart two people whose second surnames or second given names differ', () => {
    expect(match('Maria Lopez Garcia', 'María López Hernández')).toBeUndefined();
    expect(match('Juan Carlos Perez', 'Juan Antonio Pérez')).toBeUndefined();
  });

  it('still folds accents, order and typos without the names file', () => {
    const bare = (a: string, b: string) =>
      matchNames(parseName(a, NO_NAMES), parseName(b, NO_NAMES), NO_NAMES);
    expect(bare('Lopez Garcia Maria', 'María López García')?.score).toBeGreaterThan(0.7);
    expect(bare('Pepe Hernandez', 'José Hernández')).toBeUndefined();
  });
});

describe('the adverse parties answer', () => {
  it('reads the names out of what the client wrote', () => {
    expect(namesIn('mi ex esposo Juan Pérez y su hermano Carlos Pérez', tables)).toEqual([
      'Juan Pérez',
      'Carlos Pérez',
    ]);
    expect(namesIn('Luis Soto (my ex-boyfriend); the landlord', tables)).toEqual(['Luis Soto']);
  });

  it('keeps "y" inside one name when one side is no name on its own', () => {
    expect(namesIn('José Ortega y Gasset', tables)).toContain('José Ortega Gasset');
  });
});

const LIST: ConflictRow[] = [
  { name: 'María López García', role: 'adverse', matter: '2023-114' },
  { name: 'Juan García', role: 'client', matter: '2024-002' },
  { name: 'Pedro García', role: 'former-client', matter: '' },
];

describe('findConflicts', () => {
  it('checks the client and each adverse party, surest first, with what matched and why', () => {
    const found = findConflicts(indexConflicts(LIST, tables), {
      client: 'Maria Lopez',
      adverseParties: 'mi ex, Juan Garcia',
    });
    expect(found).toEqual([
      {
        name: 'Juan García',
        role: 'client',
        matter: '2024-002',
        against: 'Juan Garcia',
        as: 'adverse-party',
        score: 1,
        why: ['accents and case'],
      },
      {
        name: 'María López García',
        role: 'adverse',
        matter: '2023-114',
        against: 'Maria Lopez',
        as: 'client',
        score: 0.95,
        why: ['accents and case', 'second surname dropped'],
      },
    ]);
  });

  it('finds nothing for a lead with no names', () => {
    expect(findConflicts(indexConflicts(LIST, tables), {})).toEqual([]);
  });
});

describe('the conflict list as CSV', () => {
  it('reads quoted fields with commas, a BOM, CRLF and a missing matter', () => {
    const rows = parseConflictCsv(
      '\uFEFFname,role,matter\r\n"López García, María",adverse,"2023-114, custody"\r\nJosé Pérez,Former-Client,\r\n\r\nAna Ruiz,client\r\n',
    );
    expect(rows).toEqual([
      { name: 'López García, María', role: 'adverse', matter: '2023-114, custody' },
      { name: 'José Pérez', role: 'former-client', matter: '' },
      { name: 'Ana Ruiz', role: 'client', matter: '' },
    ]);
  });

  it('reads a doubled quote inside a quoted field, and a line break in one', () => {
    const rows = parseConflictCsv('name,role,matter\n"Juan ""Pepe"" Soto",client,"a\nb"\n');
    expect(rows).toEqual([{ name: 'Juan "Pepe" Soto', role: 'client', matter: 'a\nb' }]);
  });

  it('names the line of a bad row', () => {
    const bad = 'name,role,matter\nAna Ruiz,client,1\nJosé Pérez,enemy,2\n';
    expect(() => parseConflictCsv(bad)).toThrow(ConflictCsvError);
    expect(() => parseConflictCsv(bad)).toThrow(
      'line 3: role must be client, former-client or adverse',
    );
    expect(() => parseConflictCsv('name,role,matter\nLópez, María,adverse,1\n')).toThrow(
      /line 2: 4 fields where the header has 3/,
    );
    expect(() => parseConflictCsv('nombre,rol\nx,client\n')).toThrow(/line 1: the header/);
    expect(() => parseConflictCsv('name,role\n,client\n')).toThrow(
      'line 2: name must not be empty',
    );
  });
});

describe('the list a lead is checked against', () => {
  const memoryStore = (): ConflictListStore & { reads: number } => {
    let meta: Awaited<ReturnType<ConflictListStore['meta']>>;
    let rows: ConflictRow[] = [];
    return {
      reads: 0,
      async meta() {
        this.reads++;
        return meta;
      },
      async rows() {
        return rows;
      },
      async replace(next, who, expected) {
        rows = next;
        meta = {
          uploadId: `u${(expected?.version ?? 0) + 1}`,
          count: next.length,
          uploadedAt: who.at,
          uploadedBy: who.by,
          parts: 1,
          version: (expected?.version ?? 0) + 1,
        };
        return meta;
      },
    };
  };

  it('uses the file until a list is uploaded, then the upload', async () => {
    let now = new Date('2026-12-07T10:00:00Z');
    const store = memoryStore();
    const checker = conflictChecker({ store, fileRows: LIST, tables, now: () => now });
    expect((await checker.check({ client: 'Pedro Garcia' }))[0]?.name).toBe('Pedro García');
    expect(await checker.summary()).toEqual({ source: 'file', count: 3 });
    await checker.replace([{ name: 'Rosa Vega', role: 'adverse', matter: '' }], {
      by: 'marcus.whitfield@example.com',
      at: now.toISOString(),
    });
    expect(await checker.check({ client: 'Pedro Garcia' })).toEqual([]);
    expect(await checker.summary()).toEqual({
      source: 'upload',
      count: 1,
      uploadedAt: '2026-12-07T10:00:00.000Z',
      uploadedBy: 'marcus.whitfield@example.com',
    });
    now = new Date('2026-12-07T10:05:00Z');
  });

  it('reads the stored pointer at most once a minute', async () => {
    let now = new Date('2026-12-07T10:00:00Z');
    const store = memoryStore();
    const checker = conflictChecker({ store, tables, now: () => now });
    for (let i = 0; i < 5; i++) await checker.check({ client: 'Ana Ruiz' });
    expect(store.reads).toBe(1);
    now = new Date('2026-12-07T10:01:01Z');
    await checker.check({ client: 'Ana Ruiz' });
    expect(store.reads).toBe(2);
  });

  it('keeps checking with the list last read when the table cannot be read', async () => {
    const error = vi.fn();
    const store = memoryStore();
    store.meta = async () => {
      throw Object.assign(new Error('down'), { name: 'StoreUnavailableError' });
    };
    const checker = conflictChecker({
      store,
      fileRows: LIST,
      tables,
      now: () => new Date(),
      log: { info: () => {}, error },
    });
    expect((await checker.check({ client: 'Juan Garcia' }))[0]?.name).toBe('Juan García');
    expect(error).toHaveBeenCalledWith('conflicts_list_unavailable', {
      error: 'StoreUnavailableError',
    });
  });
});

describe('a lead with possible conflicts', () => {
  const lead = aLead({
    conflicts: [
      {
        name: 'María López García',
        role: 'adverse',
        matter: '2023-114',
        against: 'Maria Lopez',
        as: 'client',
        score: 0.95,
        why: ['accents and case', 'second surname dropped'],
      },
    ],
  });
  const email = buildLeadEmail(
    lead,
    {
      transcript: 'https://intake.example.com/t',
      accept: 'https://intake.example.com/a',
      decline: 'https://intake.example.com/d',
    },
    { firmName: 'Example', from: 'intake@example.com', strings: content().strings },
  );

  it('says them first in the email, in both parts, never as a decline', () => {
    const line =
      'María López García (an adverse party, matter 2023-114) may be the client “Maria Lopez”: 95% (accents and case; second surname dropped)';
    expect(email.text.split('\n').slice(0, 3)).toEqual([
      '!! POSSIBLE CONFLICTS: CHECK BEFORE YOU CALL',
      `- ${line}`,
      expect.stringContaining('nothing was declined'),
    ]);
    const html = email.html;
    expect(html.indexOf('Possible conflicts: check before you call')).toBeLessThan(
      html.indexOf('NEW LEAD'),
    );
    expect(html).toContain('María López García (an adverse party, matter 2023-114)');
  });

  it('carries them in lead.json', () => {
    const json = LeadJsonSchema.parse(JSON.parse(email.attachments[0].content));
    expect(json.conflicts).toEqual(lead.conflicts);
    expect(leadJson(aLead()).conflicts).toEqual([]);
  });

  it('says them in Spanish too', () => {
    const es = buildLeadEmail(
      lead,
      {
        transcript: 'https://intake.example.com/t',
        accept: 'https://intake.example.com/a',
        decline: 'https://intake.example.com/d',
      },
      {
        firmName: 'Example',
        from: 'intake@example.com',
        strings: content().strings,
        language: 'es',
      },
    );
    expect(es.text).toMatch(/^!! POSIBLES CONFLICTOS/);
    expect(es.text).toContain('una parte contraria, asunto 2023-114');
  });
});

describe('the files of the conflict check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'amparo-conflicts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads CONFLICTS_FILE, and names the file and the line of a bad row', () => {
    const good = join(dir, 'good.csv');
    writeFileSync(good, '\uFEFFname,role,matter\r\n"Soto, Ana",client,7\r\n');
    expect(loadConflictsFile(good)).toEqual([{ name: 'Soto, Ana', role: 'client', matter: '7' }]);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'name,role,matter\nAna Soto,client,7\nLuis Soto,enemy,8\n');
    expect(() => loadConflictsFile(bad)).toThrow(
      `CONFLICTS_FILE ${bad} line 3: role must be client, former-client or adverse`,
    );
    const latin1 = join(dir, 'latin1.csv');
    writeFileSync(latin1, Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0xe9, 0x0a]));
    expect(() => loadConflictsFile(latin1)).toThrow(`CONFLICTS_FILE ${latin1} is not UTF-8 text`);
  });

  it('refuses a names file with a word written twice or with accents, naming the entry', () => {
    mkdirSync(join(dir, 'knowledge'));
    const write = (given: string) =>
      writeFileSync(
        join(dir, 'knowledge', 'names.yaml'),
        `particles: de\ntitles: ""\nnotNames: ""\nnicknames: {}\nsameName: []\ngivenNames: ${given}\nsurnames: ""\n`,
      );
    write('jose jose');
    expect(() => loadNameTables(dir)).toThrow('givenNames.1: "jose" is listed twice');
    write('josé');
    expect(() => loadNameTables(dir)).toThrow('givenNames.0: must be one folded word');
  });
});
