import { describe, expect, it } from 'vitest';
import { loadWebAssets } from '../../functions/adapters/content-files';
import { loadConfig } from '../../functions/config';
import type { Catalog } from '../../functions/core/content';
import { parseCommand } from '../../functions/core/engine/commands';
import { WIDGET_STRINGS_SLOT, webRoutes } from '../../functions/http/web';
import { content } from '../helpers/content';

/** widget.js and chat.js as bundled from functions/web/, before the server writes strings in. */
const BUILT = loadWebAssets('.');
const assets = { ...BUILT, demoHtml: '<!doctype html><title>demo</title>' };
const FIRMS = ['https://www.firm.example', 'https://firm.example'];

/** The served widget.js, and the STRINGS object written into it, read back. */
async function served(strings: Catalog, path: '/widget.js' | '/chat.js' = '/widget.js') {
  const WIDGET_JS = path === '/widget.js' ? BUILT.widgetJs : BUILT.chatJs;
  const res = await webRoutes(assets, strings, FIRMS).request(path);
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

describe.each(['/widget.js', '/chat.js'] as const)('GET %s', (path) => {
  const WIDGET_JS = path === '/widget.js' ? BUILT.widgetJs : BUILT.chatJs;

  it('carries the widget strings of prompts/ in English and Spanish, as runnable script', async () => {
    const strings = content().strings;
    const { res, js, words } = await served(strings, path);
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
    const { js, json, words } = await served(changed, path);
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

describe('GET /chat', () => {
  it('may be framed by the firm sites only, and loads only its own script', async () => {
    const res = await webRoutes(assets, content().strings, FIRMS).request('/chat');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'self' https://www.firm.example https://firm.example");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('<script src="/chat.js"></script>');
    expect(html).toContain('<title>Intake assistant</title>');
  });

  it('is framed by any site only where ALLOWED_ORIGINS says *', async () => {
    const res = await webRoutes(assets, content().strings, ['*']).request('/chat');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self' *");
  });
});

describe('GET / (the demo page)', () => {
  it('is served by default, as npm start does', async () => {
    const res = await webRoutes(assets, content().strings, FIRMS).request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(assets.demoHtml);
  });

  it("is not served with DEMO_PAGE=off (a firm's deployment); the chat page still is", async () => {
    expect(loadConfig({}).DEMO_PAGE).toBe('on');
    expect(loadConfig({ DEMO_PAGE: 'off' }).DEMO_PAGE).toBe('off');
    expect(() => loadConfig({ DEMO_PAGE: 'no' })).toThrow(/DEMO_PAGE/);
    const routes = webRoutes(assets, content().strings, FIRMS, false);
    expect((await routes.request('/')).status).toBe(404);
    expect((await routes.request('/chat')).status).toBe(200);
    expect((await routes.request('/widget.js')).status).toBe(200);
  });
});
