/**
 * One reading of a client's message, made once at the engine's edge and passed to everything
 * that reads it: commands, question detection, answer parsing and the story reader
 * (understand/story.ts). Each form is worked out on first use and kept, so a message is folded
 * once however many readers look at it.
 *
 * The parsers take a `Said`: a Reading, or plain text (tests, scripts), which they read here.
 */
import { normalize, wordsOfKey } from './normalize';

export interface Reading {
  /** As typed. */
  readonly raw: string;
  /** `normalize`: lower case, no accents, curly quotes folded, spaces collapsed, ends trimmed. */
  readonly folded: string;
  /** `folded` without apostrophes ("i dont know"): what phrase tables are written in. */
  readonly key: string;
  /** As `foldWords`: only letters and digits, one space between words ("don't" is "dont"). */
  readonly words: string;
  /** `words` split. */
  readonly tokens: readonly string[];
  /** True when it carries "?" or "¿". */
  readonly question: boolean;
  /**
   * A form of the message a reader works out once and keeps (the knowledge terms of it, the
   * story read from it), by name.
   */
  memo<T>(name: string, make: () => T): T;
}

/** A message as a Reading, or as plain text that will be read where it is needed. */
export type Said = string | Reading;

/**
 * Reads a message once; every form is computed on first use.
 *
 * @example read('¡Sí, lo DEPORTARON!').words // 'si lo deportaron'
 */
export function read(raw: string): Reading {
  const memo = new Map<string, unknown>();
  const once = <T>(name: string, make: () => T): T => {
    if (memo.has(name)) return memo.get(name) as T;
    const value = make();
    memo.set(name, value);
    return value;
  };
  return {
    raw,
    get folded() {
      return once(':folded', () => normalize(raw));
    },
    get key() {
      return once(':key', () => this.folded.replace(/'/g, ''));
    },
    get words() {
      return once(':words', () => wordsOfKey(this.key));
    },
    get tokens() {
      return once(':tokens', () => (this.words ? this.words.split(' ') : []));
    },
    get question() {
      return once(':question', () => /[?¿]/.test(raw));
    },
    memo: once,
  };
}

/**
 * The Reading of what was said: itself, or plain text read now.
 *
 * @example reading('hola').folded // 'hola'
 */
export function reading(said: Said): Reading {
  return typeof said === 'string' ? read(said) : said;
}
