/**
 * Commands a client may type at any step, in English or Spanish. They are matched on the whole
 * message (after case and accent folding), so an answer that merely contains "back" or "ayuda"
 * is still read as an answer.
 */
import { HELP_WORDS } from '../channels/keywords';
import type { Language } from '../flow';
import { reading, type Said } from '../parse/reading';

export type Command =
  | { kind: 'language'; language: Language }
  | { kind: 'help' }
  | { kind: 'back' }
  | { kind: 'restart' }
  | { kind: 'person' }
  | { kind: 'delete' }
  | { kind: 'text' }
  | { kind: 'web' }
  | { kind: 'whatsapp' };

const WORDS: Array<[Command, string[]]> = [
  [
    { kind: 'text' },
    [
      'continue by text',
      'text me',
      'switch to text',
      'sms',
      'continuar por texto',
      'seguir por texto',
      'por mensaje de texto',
      'por mensaje',
      'mandame un mensaje',
    ],
  ],
  [
    { kind: 'web' },
    [
      'continue on the web',
      'continue on web',
      'web',
      'website',
      'continuar en la web',
      'seguir en la web',
      'en la pagina',
      'en la computadora',
    ],
  ],
  [
    { kind: 'whatsapp' },
    [
      'whatsapp',
      'whats app',
      'wasap',
      'guasap',
      'wsp',
      'continue on whatsapp',
      'continue by whatsapp',
      'switch to whatsapp',
      'seguir por whatsapp',
      'continuar por whatsapp',
      'seguir en whatsapp',
      'por whatsapp',
    ],
  ],
  [
    { kind: 'language', language: 'es' },
    ['espanol', 'spanish', 'en espanol', 'in spanish', 'castellano'],
  ],
  [{ kind: 'language', language: 'en' }, ['english', 'ingles', 'en ingles', 'in english']],
  [{ kind: 'help' }, [...HELP_WORDS, 'menu', 'commands', 'comandos', '?']],
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
 * Requests said in a sentence, at any step: "can i talk to a lawyer", "quiero hablar con alguien",
 * "delete this conversation". Checked after the exact words, on the folded text.
 */
const SENTENCES: Array<[Command, RegExp]> = [
  [
    { kind: 'person' },
    /\b(talk|speak|chat)\b.*\b(person|human|someone|somebody|lawyer|attorney|agent|staff)\b/,
  ],
  [
    { kind: 'person' },
    /\b(hablar|comunicarme|platicar)\b.*\b(persona|alguien|abogad[oa]|humano|agente)\b/,
  ],
  [{ kind: 'person' }, /^(i (want|need) (a|an) (lawyer|attorney|person))\b/],
  [{ kind: 'person' }, /^((yo )?(quiero|necesito) (un|una) (abogad[oa]|persona))\b/],
  [
    { kind: 'delete' },
    /\b(delete|erase)\b.*\b(conversation|data|information|info|chat|everything|messages)\b/,
  ],
  [
    { kind: 'delete' },
    /\b(borrar|borra|borre|eliminar|elimina|elimine)\b.*\b(datos|conversacion|informacion|todo|chat|mensajes)\b/,
  ],
];

/**
 * The command a message is, if it is one.
 *
 * @example parseCommand('Español') // { kind: 'language', language: 'es' }
 */
export function parseCommand(said: Said): Command | undefined {
  const text = reading(said);
  const folded = text.folded;
  const exact = LOOKUP.get(folded) ?? (text.raw.trim() === '?' ? { kind: 'help' } : undefined);
  return exact ?? SENTENCES.find(([, pattern]) => pattern.test(folded))?.[0];
}

/** Every command word, for the flow test that no question expects one as its answer. */
export const COMMAND_WORDS: readonly string[] = [...LOOKUP.keys()];
