import { describe, expect, it } from 'vitest';
import { loadWebAssets } from '../../functions/adapters/content-files';
import type { Catalog } from '../../functions/core/content';
import { parseCommand } from '../../functions/core/engine/commands';
import { WIDGET_STRINGS_SLOT, webRoutes } from '../../functions/http/web';
import { content } from '../helpers/content';

/** widget.js as bundled from functions/web/widget/, before the server writes its strings in. */
const WIDGET_JS = loadWebAssets('.').widgetJs;
const assets = { demoHtml: '<!doctype html><title>demo</title>', widgetJs: WIDGET_JS };

/** The served widget.js, and the STRINGS object written into it, read back. */
async function served(strings: Catalog) {
  const res = await webRoutes(assets, strings).request('/widget.js');
  const js = await res.text();
  // What stands where the slot was: the bundle's text before and after the slot is unchanged.
  const at = WIDGET_JS.indexOf(WIDGET_STRINGS_SLOT);
  const tail = WIDGET_JS.length - at - WIDGET_STRINGS_SLOT.length;
  const json = at < 0 ? 'null' : js.slice(at, js.length - tail);
  return { res, js, json, words: JSON.parse(json) as Record<string, Record<string, string>> };
}

/** The `widget.*` strings of one language, without the prefix. */
const widgetKeys = (strings: Catalog, lang: 'en' | 'es') =>
  Object.fromEntries(
    Object.entries(strings[lang])
      .filter(([key]) => key.startsWith('widget.'))
      .map(([key, text]) => [key.slice('widget.'.length), text]),
  );

describe('GET /widget.js', () => {
  it('carries the widget strings of prompts/ in English and Spanish, as runnable script', async () => {
    const strings = content().strings;
    const { res, js, words } = await served(strings);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    // The bundler kept the one slot of strings.js as the server looks for it.
    expect(WIDGET_JS.split(WIDGET_STRINGS_SLOT)).toHaveLength(2);
    expect(js).not.toContain(WIDGET_STRINGS_SLOT);
    expect(words.en).toEqual(widgetKeys(strings, 'en'));
    expect(words.es).toEqual(widgetKeys(strings, 'es'));
    expect(words.en?.send).toBe('Send');
    expect(words.es?.send).toBe('Enviar');
    // Parsed (not run): the file with its strings is still valid JavaScript.
    expect(() => new Function(js)).not.toThrow();
  });

  it('shows a string changed in the catalog, escaped so it cannot end the script', async () => {
    const strings = content().strings;
    const send = "Send </script><script>alert(1)</script> $& $' \u2028 & more";
    const changed: Catalog = {
      ...strings,
      en: { ...strings.en, 'widget.send': send },
      es: { ...strings.es, 'widget.exit': 'Salir ya' },
    };
    const { js, json, words } = await served(changed);
    expect(words.en?.send).toBe(send);
    expect(words.es?.exit).toBe('Salir ya');
    expect(json).not.toMatch(/[<>\u2028]/);
    expect(js.split('</script>')).toHaveLength(WIDGET_JS.split('</script>').length);
    expect(() => new Function(js)).not.toThrow();
  });

  it('keeps no words of its own in widget.js: they are all in prompts/', () => {
    const strings = content().strings;
    // Its code, without the comments that describe it.
    const code = WIDGET_JS.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '');
    const words = [
      ...Object.values(widgetKeys(strings, 'en')),
      ...Object.values(widgetKeys(strings, 'es')),
    ];
    expect(words.length).toBeGreaterThan(50);
    for (const text of words) {
      if (typeof text === 'string' && text.length >= 8) expect(code).not.toContain(text);
    }
  });

  it('switches language with a message the intake reads as a language command', () => {
    const strings = content().strings;
    for (const lang of ['en', 'es'] as const) {
      const command = strings[lang]['widget.languageCommand'];
      expect(parseCommand(String(command))).toEqual({ kind: 'language', language: lang });
    }
  });
});
