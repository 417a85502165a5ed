/**
 * Misspellings read as the articles' own words. A question's word that no article knows is
 * compared with the surface words of the articles (four letters or more), never with a list of
 * legal words, so a correction can only land on a word some article uses:
 *
 * - the same sound: Spanish spelt by ear ("deportasion", "jues", "abeas", "inmigrasion",
 *   "abogaos") has the phonetic key of the word meant (`soundKey`: h silent, c/z/s, b/v, qu/k,
 *   ll/y, doubled letters, "-ado" said "-ao");
 * - one slip of the thumb (insert, delete, substitute or swap) in a word of five letters or more
 *   ("numbr", "apeal", "finaza"), first letter kept;
 * - one slip on top of the sound in a word of eight or more ("imigrasion").
 *
 * Shorter words are never corrected: "wifi", "ves", "cita" are too close to too much.
 */

/** True when a and b are at most one edit apart (insert, delete, substitute or swap). */
export function oneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * How a folded word sounds, spelt one way: the letters people swap when they write by ear.
 *
 * @example soundKey('deportasion') === soundKey('deportacion') // true
 */
export function soundKey(word: string): string {
  return word
    .replace(/ph/g, 'f')
    .replace(/ch/g, '%')
    .replace(/h/g, '')
    .replace(/qu(?=[ei])/g, 'k')
    .replace(/c(?=[ei])/g, 's')
    .replace(/[cq]/g, 'k')
    .replace(/z/g, 's')
    .replace(/v/g, 'b')
    .replace(/ll/g, 'y')
    .replace(/ado(s?)$/, 'ao$1')
    .replace(/(.)\1+/g, '$1');
}

/** Shortest word corrected at all, by sound. */
const MIN_SOUND = 4;
/** Shortest word corrected for one slip of the thumb. */
const MIN_EDIT = 5;
/** Shortest word corrected for a slip on top of the sound. */
const MIN_SOUND_EDIT = 8;

/**
 * A corrector over the articles' surface words and their counts: the word a misspelling most
 * likely means (the most used of those that fit), or undefined.
 *
 * @example spellingCorrector(new Map([['deportacion', 9]]))('deportasion') // 'deportacion'
 */
export function spellingCorrector(
  surface: ReadonlyMap<string, number>,
): (word: string) => string | undefined {
  const byShape = new Map<string, string[]>();
  const bySoundShape = new Map<string, string[]>();
  const bySound = new Map<string, string>();
  const add = (map: Map<string, string[]>, key: string, w: string) => {
    const list = map.get(key);
    if (list) list.push(w);
    else map.set(key, [w]);
  };
  const count = (w: string | undefined) => (w ? (surface.get(w) ?? 0) : -1);
  const keys = new Map<string, string>();
  for (const w of surface.keys()) {
    add(byShape, `${w[0]}${w.length}`, w);
    const key = soundKey(w);
    keys.set(w, key);
    if (count(w) > count(bySound.get(key))) bySound.set(key, w);
    add(bySoundShape, `${key[0]}${key.length}`, w);
  }
  /** The most used of the words near `word` in `map` (by first letter and length). */
  function nearest(map: Map<string, string[]>, word: string, keyOf: (w: string) => string) {
    let best: string | undefined;
    for (let l = word.length - 1; l <= word.length + 1; l++) {
      for (const w of map.get(`${word[0]}${l}`) ?? []) {
        if (w.length < MIN_EDIT || !oneEdit(keyOf(w), word)) continue;
        if (count(w) > count(best)) best = w;
      }
    }
    return best;
  }
  return (word) => {
    if (word.length < MIN_SOUND) return undefined;
    const key = soundKey(word);
    const heard = key.length >= MIN_SOUND ? bySound.get(key) : undefined;
    if (heard) return heard;
    if (word.length < MIN_EDIT) return undefined;
    const typed = nearest(byShape, word, (w) => w);
    if (typed || word.length < MIN_SOUND_EDIT) return typed;
    return nearest(bySoundShape, key, (w) => keys.get(w) ?? w);
  };
}
