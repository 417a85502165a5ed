/**
 * The SMS keywords of DOMAIN.md. A message that is one of these, alone, is handled by the SMS
 * channel before the intake sees it, so no question may expect one of them as its answer.
 */
export const OPT_OUT_WORDS = [
  'stop',
  'stopall',
  'unsubscribe',
  'cancel',
  'end',
  'quit',
  'optout',
  'remove',
  'parar',
  'alto',
  'baja',
  'cancelar',
] as const;
export const OPT_IN_WORDS = ['start', 'unstop', 'alta'] as const;
export const HELP_WORDS = ['help', 'ayuda'] as const;

export const SMS_KEYWORDS: readonly string[] = [...OPT_OUT_WORDS, ...OPT_IN_WORDS, ...HELP_WORDS];
