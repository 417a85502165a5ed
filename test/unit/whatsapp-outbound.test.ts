/**
 * Messages the firm starts to a WhatsApp client (functions/core/channels/whatsapp/outbound.ts):
 * free text only within 24 hours of the client's last message, else the approved template, else
 * a text to a safe number, else nothing; never anything after a STOP. And WhatsApp's rendering.
 */
import { describe, expect, it } from 'vitest';
import type { SmsLine } from '../../functions/core/channels/sms/line';
import {
  messageWhatsAppClient,
  templateText,
  WINDOW_MS,
} from '../../functions/core/channels/whatsapp/outbound';
import { renderWhatsApp } from '../../functions/core/channels/whatsapp/render';
import type { OutboundMessage } from '../../functions/core/ports';
import { content } from '../helpers/content';

const NOW = new Date('2026-12-07T18:00:00Z');
const PHONE = '+12133734253';
const SID = `HX${'a'.repeat(32)}`;

function line(address: string, optedOut = false): SmsLine {
  return {
    phone: address,
    optedOut,
    language: 'es',
    version: 1,
    updatedAt: NOW.toISOString(),
    recent: [],
  };
}

function setup(lines: SmsLine[] = [], templates: Record<string, string> = {}) {
  const sent: OutboundMessage[] = [];
  const deps = {
    sender: { send: async (m: OutboundMessage) => ({ id: String(sent.push(m)) }) },
    sms: { getLine: async (a: string) => lines.find((l) => l.phone === a) },
    content: content(),
    templates,
    now: () => NOW,
  };
  return { deps, sent };
}

const message = (over: Partial<Parameters<typeof messageWhatsAppClient>[1]> = {}) => ({
  phone: PHONE,
  language: 'es' as const,
  text: 'Ana, de la oficina: ¿puede venir el lunes?',
  template: 'staffMessage' as const,
  variables: ['Example Immigration Defense', 'Ana, de la oficina: ¿puede venir el lunes?'],
  safeToText: true,
  ...over,
});

const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

describe('a message the firm starts to a WhatsApp client', () => {
  it('goes as free text by WhatsApp within 24 hours of the client’s last message', async () => {
    const { deps, sent } = setup();
    const reached = await messageWhatsAppClient(
      deps,
      message({ lastFromClient: ago(WINDOW_MS - 60_000) }),
    );
    expect(reached).toEqual({ by: 'whatsapp', template: false });
    expect(sent).toEqual([{ to: `whatsapp:${PHONE}`, body: message().text }]);
  });

  it('goes as the approved template after 24 hours (and when the last message is unknown)', async () => {
    for (const lastFromClient of [ago(WINDOW_MS + 60_000), undefined]) {
      const { deps, sent } = setup([], { 'staffMessage.es': SID });
      const reached = await messageWhatsAppClient(deps, message({ lastFromClient }));
      expect(reached).toEqual({ by: 'whatsapp', template: true });
      expect(sent).toEqual([
        {
          to: `whatsapp:${PHONE}`,
          template: {
            sid: SID,
            variables: { 1: 'Example Immigration Defense', 2: message().text },
          },
          body: `Una persona de Example Immigration Defense le escribió: ${message().text} Responda aquí para contestar.`,
        },
      ]);
    }
  });

  it('uses the template of the client’s language only', async () => {
    const { deps, sent } = setup([], { 'staffMessage.en': SID });
    const reached = await messageWhatsAppClient(deps, message({ safeToText: false }));
    expect(reached).toEqual({ by: 'none', why: 'no-template' });
    expect(sent).toEqual([]);
  });

  it('falls back to a text when no template is set up and the number is safe to text', async () => {
    const { deps, sent } = setup();
    const reached = await messageWhatsAppClient(deps, message());
    expect(reached).toEqual({ by: 'sms' });
    // By SMS: to the plain number, accents folded to GSM-7.
    expect(sent).toEqual([{ to: PHONE, body: 'Ana, de la oficina: ¿puede venir el lunes?' }]);
  });

  it('sends nothing without a template when the number is not safe, or its SMS said STOP', async () => {
    for (const [safeToText, lines] of [
      [false, []],
      [true, [line(PHONE, true)]],
    ] as const) {
      const { deps, sent } = setup([...lines]);
      expect(await messageWhatsAppClient(deps, message({ safeToText }))).toEqual({
        by: 'none',
        why: 'no-template',
      });
      expect(sent).toEqual([]);
    }
  });

  it('sends nothing to a number not safe to contact unless the client is writing now', async () => {
    for (const [lastFromClient, reached] of [
      [ago(2 * 60 * 60 * 1000), { by: 'none', why: 'not-safe' }],
      [ago(5 * 60 * 1000), { by: 'whatsapp', template: false }],
    ] as const) {
      const { deps, sent } = setup([], { 'staffMessage.es': SID });
      expect(
        await messageWhatsAppClient(
          deps,
          message({ lastFromClient, notSafe: true, safeToText: false }),
        ),
      ).toEqual(reached);
      expect(sent.length).toBe(reached.by === 'none' ? 0 : 1);
    }
  });

  it('sends nothing at all, by any channel, after a STOP on WhatsApp', async () => {
    const { deps, sent } = setup([line(`whatsapp:${PHONE}`, true)], { 'staffMessage.es': SID });
    const reached = await messageWhatsAppClient(deps, message({ lastFromClient: ago(60_000) }));
    expect(reached).toEqual({ by: 'none', why: 'opted-out' });
    expect(sent).toEqual([]);
  });
});

describe('the templates to submit for approval', () => {
  it('fill their numbered variables in both languages, with no placeholder left', () => {
    for (const language of ['en', 'es'] as const) {
      for (const name of ['accepted', 'reminder', 'staffMessage'] as const) {
        const text = templateText(content(), language, name, ['Firm', 'mañana, lunes 14 de enero']);
        expect(text).not.toMatch(/\{\{|\}\}|\{[a-z]+\}/);
        expect(text).toContain('Firm');
      }
    }
  });
});

describe('rendering for WhatsApp', () => {
  it('keeps accents and links, numbers the choices, and makes Markdown bold WhatsApp’s', () => {
    const [body] = renderWhatsApp(
      [
        {
          role: 'bot',
          text: '**¿Está detenido?** Vea https://example.org/ayuda',
          choices: [
            { value: 'yes', label: 'Sí' },
            { value: 'no', label: 'No' },
          ],
        },
      ],
      'es',
    );
    expect(body).toBe(
      '*¿Está detenido?* Vea https://example.org/ayuda\nResponda 1 para Sí, 2 para No.',
    );
  });

  it('cuts only past 1,600 characters, at a paragraph', () => {
    const paragraph = `${'palabra '.repeat(60).trim()}.`;
    const long = [paragraph, paragraph, paragraph, paragraph].join('\n\n');
    const bodies = renderWhatsApp([{ role: 'bot', text: long }], 'es');
    expect(long.length).toBeGreaterThan(1600);
    expect(bodies.length).toBe(2);
    for (const b of bodies) expect(b.length).toBeLessThanOrEqual(1600);
    expect(bodies.join('\n\n')).toBe(long);
    expect(renderWhatsApp([{ role: 'bot', text: paragraph }], 'es')).toEqual([paragraph]);
  });
});
