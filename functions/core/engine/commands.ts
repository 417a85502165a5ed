/**
 * Commands a client may type at any step, in English or Spanish. They are matched on the whole
 * message (after case and accent folding), so an answer that merely contains "back" or "ayuda"
 * is still read as an answer.
 */
import type { Language } from '../flow';
import { normalize } from '../parse/normalize';

export type Command =
  | { kind: 'language'; language: Language }
  | { kind: 'help' }
  | { kind: 'back' }
  | { kind: 'restart' }
  | { kind: 'person' }
  | { kind: 'delete' };

const WORDS: Array<[Command, string[]]> = [
  [
    { kind: 'language', language: 'es' },
    ['espanol', 'spanish', 'en espanol', 'in spanish', 'castellano'],
  ],
  [{ kind: 'language', language: 'en' }, ['english', 'ingles', 'en ingles', 'in english']],
  [{ kind: 'help' }, ['help', 'ayuda', 'menu', 'commands', 'comandos', '?']],
  [
    { kind: 'back' },
    ['back', 'go back', 'previous', 'atras', 'volver', 'regresar', 'anterior', 'undo'],
  ],
  [
    { kind: 'restart' },
    ['restart', 'start over', 'reiniciar', 'empezar de nuevo', 'comenzar de nuevo', 'reset'],
  ],
  [
    { kind: 'person' },
    [
      'person',
      'persona',
      'talk to a person',
      'speak to a person',
      'human',
      'humano',
      'agent',
      'agente',
      'representative',
      'hablar con una persona',
      'quiero hablar con una persona',
      'una persona',
    ],
  ],
  [
    { kind: 'delete' },
    [
      'delete my data',
      'delete my information',
      'erase my data',
      'delete',
      'borrar mis datos',
      'borrar mi informacion',
      'borrar',
      'eliminar mis datos',
    ],
  ],
];

const LOOKUP = new Map<string, Command>(
  WORDS.flatMap(([command, words]) => words.map((w) => [w, command] as const)),
);

/**
 * The command a message is, if it is one.
 *
 * @example parseCommand('Español') // { kind: 'language', language: 'es' }
 */
export function parseCommand(text: string): Command | undefined {
  const folded = normalize(text);
  return LOOKUP.get(folded) ?? (text.trim() === '?' ? { kind: 'help' } : undefined);
}

/** Every command word, for the flow test that no question expects one as its answer. */
export const COMMAND_WORDS: readonly string[] = [...LOOKUP.keys()];
