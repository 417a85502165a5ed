/**
 * The names in an adverse-parties answer, which clients write as they speak: "mi ex esposo Juan
 * Pérez y su hermano Carlos Pérez", "Luis Soto (my ex-boyfriend); the landlord, Mr. Gray". Split
 * at list marks and at "and"/"y" between two names, with the words that are not names dropped.
 */
import type { NameTables } from './names';
import { fold } from './tokens';

const LIST_MARKS = /[;,\n/&()[\]:|•+]+|\s[-–—]\s/;
const AND = /\s+(?:and|y|e|or|o)\s+/i;

/** The words of a piece that may be a name: letters only, the not-names dropped. */
function nameWords(piece: string, tables: NameTables): string[] {
  return piece
    .split(/[^\p{L}\p{M}'’.-]+/u)
    .map((w) => w.replace(/^[-.]+|[-]+$/g, ''))
    .filter((w) => /\p{L}/u.test(w))
    .filter(
      (w) =>
        !fold(w)
          .split(/[.-]+/)
          .every((part) => !part || tables.notNames.has(part)),
    );
}

/**
 * The names written in an adverse-parties answer (or a client's name with a note beside it),
 * each as typed; pieces with no name in them are left out.
 *
 * @example namesIn('mi ex esposo Juan Pérez y su hermano Carlos', tables) // ['Juan Pérez', 'Juan Pérez Carlos']… see the test
 */
export function namesIn(text: string, tables: NameTables): string[] {
  const out: string[] = [];
  for (const piece of text.split(LIST_MARKS)) {
    const halves = piece.split(AND);
    const named = halves.map((h) => nameWords(h, tables)).filter((w) => w.length > 0);
    // "Juan Pérez y María López": two names. "José Ortega y Gasset", "Juan y su hermano": one.
    if (named.length > 1 && named.every((w) => w.length >= 2)) {
      for (const words of named) out.push(words.join(' '));
    } else {
      const all = named.flat();
      if (all.length) out.push(all.join(' '));
      for (const words of named)
        if (named.length > 1 && words.length >= 2) out.push(words.join(' '));
    }
  }
  return [...new Set(out)].slice(0, 20);
}
