import { describe, expect, it } from 'vitest';
import { FactsSchema } from '../../../functions/core/facts';
import { parseEmail } from '../../../functions/core/parse/email';

describe('parseEmail', () => {
  it.each([
    ['maria@example.com', 'maria@example.com'],
    ['  Maria@Example.COM  ', 'maria@example.com'],
    ['my email is maria@example.com', 'maria@example.com'],
    ['My email is maria.lopez@example.com.', 'maria.lopez@example.com'],
    ['mi correo es maria_lopez85@gmail.com', 'maria_lopez85@gmail.com'],
    ['Mi correo: <jose+abogado@correo.example.mx>', 'jose+abogado@correo.example.mx'],
    ['es maria-lopez@mail.example.org!', 'maria-lopez@mail.example.org'],
    ["o'brien@example.com", "o'brien@example.com"],
    ['maria arroba gmail punto com', 'maria@gmail.com'],
    ['maria at example dot com', 'maria@example.com'],
  ])('reads %j as %s', (text, value) => {
    const result = parseEmail(text);
    expect(result).toEqual({ ok: true, value });
    // The value must also satisfy the `email` fact's own schema.
    expect(FactsSchema.shape.email.safeParse(value).success).toBe(true);
  });

  it.each([
    ['maria@gmail', 'no top-level domain'],
    ['maria@', 'no domain'],
    ['@example.com', 'no local part'],
    ['maria@@example.com', 'two @'],
    ['maria..lopez@example.com', 'a double dot'],
    ['.maria@example.com', 'a leading dot'],
    ['maria@-example.com', 'a label starting with a hyphen'],
    ['maria@example.c', 'a one-letter TLD'],
    ['maria@example.123', 'a numeric TLD'],
    ['maria lopez', 'no address'],
    ['maria@example.com or jose@example.com', 'two addresses'],
    ['what is your email?', 'a question'],
    ['no tengo correo', 'no address'],
    ['', 'nothing'],
  ])('refuses %j (%s)', (text) => {
    expect(parseEmail(text)).toEqual({ ok: false });
  });
});
