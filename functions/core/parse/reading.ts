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
  return new MessageReading(raw);
}

/**
 * A Reading as a class: its forms on the prototype, each kept in a field once worked out (a
 * message is read at every turn, and the story reader reads several short texts of its own, so a
 * Reading costs one small object, not a set of closures and a map).
 */
class MessageReading implements Reading {
  #folded: string | undefined;
  #key: string | undefined;
  #words: string | undefined;
  #tokens: readonly string[] | undefined;
  #question: boolean | undefined;
  #memo: Map<string, unknown> | undefined;

  constructor(readonly raw: string) {}

  get folded(): string {
    if (this.#folded === undefined) this.#folded = normalize(this.raw);
    return this.#folded;
  }

  get key(): string {
    if (this.#key === undefined) this.#key = this.folded.replace(/'/g, '');
    return this.#key;
  }

  get words(): string {
    if (this.#words === undefined) this.#words = wordsOfKey(this.key);
    return this.#words;
  }

  get tokens(): readonly string[] {
    if (this.#tokens === undefined) this.#tokens = this.words ? this.words.split(' ') : [];
    return this.#tokens;
  }

  get question(): boolean {
    if (this.#question === undefined) this.#question = /[?¿]/.test(this.raw);
    return this.#question;
  }

  memo<T>(name: string, make: () => T): T {
    if (this.#memo === undefined) this.#memo = new Map();
    if (this.#memo.has(name)) return this.#memo.get(name) as T;
    const value = make();
    this.#memo.set(name, value);
    return value;
  }
}

/**
 * The Reading of what was said: itself, or plain text read now.
 *
 * @example reading('hola').folded // 'hola'
 */
export function reading(said: Said): Reading {
  return typeof said === 'string' ? read(said) : said;
}
