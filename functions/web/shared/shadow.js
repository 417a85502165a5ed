/**
 * What the embed (functions/web/loader/) and the chat (functions/web/widget/) both do: an open
 * shadow root on `host` styled with `css`. Constructed stylesheets are not blocked by a host
 * page's `style-src` CSP; a <style> element is the fallback where they are not supported.
 */
export function styledShadow(host, css) {
  const shadow = host.attachShadow({ mode: 'open' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
  return shadow;
}
