import { describe, expect, it } from 'vitest';
import { keywordLanguage, smsKeyword } from '../../../functions/core/channels/keywords';

describe('SMS keywords', () => {
  it.each([
    'STOP',
    'stop',
    ' Stop ',
    'STOPALL',
    'unsubscribe',
    'CANCEL',
    'end',
    'quit',
    'OPTOUT',
    'remove',
    'PARAR',
    'alto',
    'Baja',
    'cancelar',
    'stop.',
  ])('reads "%s" alone as opting out', (text) => {
    expect(smsKeyword(text)).toBe('opt-out');
  });

  it.each(['START', 'unstop', 'Alta'])('reads "%s" as opting back in', (text) => {
    expect(smsKeyword(text)).toBe('opt-in');
  });

  it.each(['HELP', 'ayuda', 'Ayuda!'])('reads "%s" as asking for help', (text) => {
    expect(smsKeyword(text)).toBe('help');
  });

  it.each(['stop calling me at work', 'no', 'ayuda por favor con mi caso', 'the end', 'altos', ''])(
    'reads "%s" as an ordinary message',
    (text) => {
      expect(smsKeyword(text)).toBeUndefined();
    },
  );

  it('answers Spanish keywords in Spanish', () => {
    expect(keywordLanguage('BAJA')).toBe('es');
    expect(keywordLanguage('STOP')).toBe('en');
    expect(keywordLanguage('hola')).toBeUndefined();
  });
});
