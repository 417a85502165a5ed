/**
 * The funnel's charts as plain inline SVG, built with createElementNS (no library, no inline
 * style: every look is a class in console.css). Each is an image with a title and a description
 * that say what it shows; the tables beside it carry every number for a screen reader.
 */
import { T } from './words.js';

const NS = 'http://www.w3.org/2000/svg';
/** User units: the charts scale to their box; at a phone's width one unit is about a pixel. */
const WIDTH = 360;

function s(tag, attrs, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null) continue;
    if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, String(v));
  }
  for (const c of children) if (c) el.append(c);
  return el;
}

let charts = 0;

/** An <svg role="img"> of `height` with its title and description. */
function frame(height, title, desc) {
  const n = ++charts;
  return s(
    'svg',
    {
      class: 'chart',
      viewBox: `0 0 ${WIDTH} ${height}`,
      role: 'img',
      'aria-labelledby': `chart-${n}-title chart-${n}-desc`,
      focusable: 'false',
    },
    s('title', { id: `chart-${n}-title`, text: title }),
    s('desc', { id: `chart-${n}-desc`, text: desc }),
  );
}

/**
 * Horizontal bars, one a row: its words and its number above, the bar below as long as its share
 * of the first. `rows`: `[{ key, label, value, share, percent }]` (funnel-model.js `bars`).
 */
export function barChart(title, rows, options = {}) {
  const ROW = 42;
  const svg = frame(
    rows.length * ROW,
    title,
    rows.map((r) => `${r.label}: ${r.value}${options.shares ? ` (${r.percent})` : ''}`).join('; '),
  );
  rows.forEach((r, i) => {
    const y = i * ROW;
    const value = options.shares && i > 0 ? `${r.value} · ${r.percent}` : String(r.value);
    svg.append(
      s('text', { class: 'chart-label', x: 0, y: y + 14, text: r.label }),
      s('text', { class: 'chart-value', x: WIDTH, y: y + 14, 'text-anchor': 'end', text: value }),
      s('rect', { class: 'chart-track', x: 0, y: y + 20, width: WIDTH, height: 14, rx: 3 }),
      s('rect', {
        class: `chart-bar chart-bar-${r.key}`,
        x: 0,
        y: y + 20,
        // A bar for any count above zero stays visible.
        width: r.value ? Math.max(3, Math.round(r.share * WIDTH)) : 0,
        height: 14,
        rx: 3,
      }),
    );
  });
  return svg;
}

/**
 * A column a day: conversations started, and inside it those that qualified. The first, middle
 * and last days are named under the axis, the highest count beside it.
 */
export function dayChart(model) {
  const HEIGHT = 150;
  const TOP = 16;
  const BASE = 120;
  const LEFT = 24;
  const { columns, max, busiest } = model;
  const svg = frame(HEIGHT, T.perDayTitle, T.perDayDesc(max, busiest?.label));
  const scale = max ? (BASE - TOP) / max : 0;
  const step = (WIDTH - LEFT) / Math.max(1, columns.length);
  const width = Math.max(2, step * 0.7);
  svg.append(
    s('line', { class: 'chart-axis', x1: LEFT, y1: BASE, x2: WIDTH, y2: BASE }),
    s('text', { class: 'chart-tick', x: LEFT - 4, y: BASE, 'text-anchor': 'end', text: '0' }),
  );
  if (max) {
    svg.append(
      s('line', { class: 'chart-grid', x1: LEFT, y1: TOP, x2: WIDTH, y2: TOP }),
      s('text', { class: 'chart-tick', x: LEFT - 4, y: TOP + 4, 'text-anchor': 'end', text: max }),
    );
  }
  const named = new Set([0, Math.floor((columns.length - 1) / 2), columns.length - 1]);
  columns.forEach((c, i) => {
    const x = LEFT + i * step + (step - width) / 2;
    const h = c.started * scale;
    const q = c.qualified * scale;
    if (h) svg.append(s('rect', { class: 'chart-col', x, y: BASE - h, width, height: h }));
    if (q) svg.append(s('rect', { class: 'chart-col-q', x, y: BASE - q, width, height: q }));
    if (named.has(i)) {
      const anchor =
        i === 0 && columns.length > 1 ? 'start' : i === columns.length - 1 ? 'end' : 'middle';
      const at = anchor === 'start' ? LEFT + i * step : anchor === 'end' ? WIDTH : x + width / 2;
      svg.append(
        s('text', {
          class: 'chart-tick',
          x: at,
          y: BASE + 18,
          'text-anchor': anchor,
          text: c.label,
        }),
      );
    }
  });
  return svg;
}
