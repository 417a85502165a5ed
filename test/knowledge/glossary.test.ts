/**
 * Every Spanish article says each legal term the one way knowledge/glossary.yaml chose, and none
 * of the variants it forbids; the check catches a bad article and leaves ordinary Spanish alone.
 */
import { describe, expect, it } from 'vitest';
import { readContentInputs } from '../../functions/adapters/content-files';
import type { Article } from '../../functions/core/knowledge/article';
import { checkGlossary, fold, type Glossary, loadGlossary } from './glossary';

const glossary = loadGlossary();

/** An English and a Spanish article with the given prose, the rest filled in. */
function pair(en: string, es: string): Article[] {
  const base = {
    id: 'sample',
    topic: 'court',
    questions: ['one question', 'another question', 'a third question'],
    lastReviewed: '2026-12-07',
    sources: [{ cite: 'INA 240' }],
    inFlux: false as const,
  };
  return [
    { ...base, lang: 'en', title: 'Sample', short: 'Sample short answer.', body: en },
    { ...base, lang: 'es', title: 'Ejemplo', short: 'Respuesta corta de ejemplo.', body: es },
  ];
}

const problems = (en: string, es: string, g: Glossary = glossary) =>
  checkGlossary(g, pair(en, es)).map((p) => p.problem);

describe('knowledge/glossary.yaml', () => {
  it('is written folded, and no chosen term is one of the variants it forbids', () => {
    const chosen = glossary.terms.map((t) => fold(t.es));
    const article = pair('', chosen.join('. '));
    expect(checkGlossary(glossary, article)).toEqual([]);
  });

  it('is followed by every Spanish article in the knowledge base', () => {
    const { articles } = readContentInputs({ root: process.cwd() });
    const found = checkGlossary(glossary, articles);
    expect(found).toEqual([]);
  });
});

describe('the glossary check', () => {
  it.each([
    ['asalto grave (felonious assault)', 'agresión grave'],
    ['con la Forma I-765', 'formulario'],
    ['la Forma EOIR-33', 'formulario'],
    ['las formas de ICE', 'formulario'],
    ['pagar la tarifa', 'cuota'],
    ['la orden queda final', 'firme'],
    ['una orden final de deportación', 'firme'],
    ['un hijo mayor de edad', '21 años o más'],
    ['la Forma I-205 (orden de deportación)', 'formulario'],
    ['la I-205 (orden de deportación) la firma un agente', 'orden de ejecución de deportación'],
    ['las personas que entraron sin inspección (sin papeles)', 'sin inspección'],
    ['si entró sin papeles no hay fianza', 'sin inspección'],
    ['un sufrimiento excepcional y extremadamente inusual', 'perjuicio'],
    ['el sufrimiento de su esposo', 'perjuicio'],
    ['dificultades extremas para su padre', 'perjuicio'],
    ['buena conducta moral', 'buen carácter moral'],
    ['un bono de inmigración', 'fianza'],
    ['salió en libertad condicional de inmigración', 'parole'],
    ['suspensión de la deportación a ese país', 'withholding of removal'],
    ['temor creíble', 'miedo creíble'],
  ])('catches "%s" and asks for "%s"', (bad, want) => {
    const found = problems('', bad);
    expect(found.length, bad).toBeGreaterThan(0);
    expect(found.join('\n')).toContain(`write "${want}"`);
  });

  it('catches a Spanish article that never uses the term its English article needs', () => {
    expect(
      problems(
        'A parent abused by a US-citizen son or daughter who is 21 or older may self-petition.',
        'Un padre maltratado por un hijo ciudadano adulto puede pedir por su cuenta.',
      ),
    ).toContainEqual(expect.stringContaining('the Spanish never "21 años o más"'));
    expect(
      problems('Your spouse would suffer extreme hardship.', 'Su esposo sufriría un daño extremo.'),
    ).toContainEqual(expect.stringContaining('the Spanish never "perjuicio"'));
    expect(
      problems('Then file Form I-765 with USCIS.', 'Luego presente la I-765 ante USCIS.'),
    ).toContainEqual(expect.stringContaining('the Spanish never "formulario"'));
  });

  it('leaves ordinary Spanish alone', () => {
    const fine = [
      'De esta forma puede pedirlo, y de forma continua.',
      'Otras formas de escribirlo; formas graves de trata de personas.',
      'Una forma más segura de comunicarse.',
      'Al final del caso, hasta 60 días. Al final, el juez decide.',
      'Servicios legales pro bono: justice.gov/eoir/list-pro-bono-legal-service-providers.',
      'La orden queda firme. Un hijo o hija de 21 años o más.',
      'Una agresión grave. El Formulario I-205 (orden de ejecución de deportación).',
      'Puede pedir una cuota reducida; los honorarios del abogado son aparte.',
      'Menores de edad no aparecen en el localizador.',
    ].join('\n');
    expect(problems('', fine)).toEqual([]);
  });

  it('does not read the questions (clients type "bono") or the sources', () => {
    const [en, es] = pair('', 'Una audiencia de fianza.');
    const found = checkGlossary(glossary, [
      en as Article,
      {
        ...(es as Article),
        questions: ['cuanto es el bono de inmigracion', 'otra', 'una mas'],
        sources: [{ cite: 'Form I-205 (tarifa)' }],
      },
    ]);
    expect(found).toEqual([]);
  });
});
