/**
 * The chat's stylesheet, adopted by its shadow root (ui.js). The panel fills the frame: the embed
 * on the firm's page sizes and places the frame (functions/web/loader/main.js). A string here
 * rather than a .css file: Biome would lay a .css file out one declaration a line, four times the
 * lines and bytes for the same rules.
 */
export const CSS = `
:host{all:initial;display:block}
.amparo-root{--ac:var(--amparo-accent,#1d4e5f);--ac-soft:#e6eff1;--ink:#1b2328;--muted:#46575e;--line:#d5dee1;
  font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);
  box-sizing:border-box;-webkit-text-size-adjust:100%}
.amparo-root *,.amparo-root *::before,.amparo-root *::after{box-sizing:inherit}
:where(.amparo-root) :where(button,textarea){font:inherit;color:inherit}
:where(.amparo-root) button{cursor:pointer}
.amparo-root :focus-visible{outline:3px solid #0b5cad;outline-offset:2px}
.amparo-panel{container-type:inline-size;display:flex;flex-direction:column;width:100%;height:100vh;
  background:#fff;border:1px solid var(--line);border-radius:16px;overflow:hidden}
.amparo-head{display:flex;flex-wrap:wrap;align-items:center;gap:2px 8px;padding:10px 12px 10px 16px;background:#f4f7f7;border-bottom:1px solid var(--line)}
.amparo-title{flex:1 1 0;min-width:0;margin:0;font-weight:650;line-height:1.3;overflow-wrap:break-word}
.amparo-sub{flex:1 0 100%;margin:0;font-size:.8125rem;color:var(--muted)}
@container (min-width:440px){.amparo-head{display:grid;grid-template-columns:minmax(0,1fr) auto;column-gap:12px}
  .amparo-head:has(.amparo-close){grid-template-columns:minmax(0,1fr) auto auto}
  .amparo-title{grid-area:1/1}.amparo-sub{grid-area:2/1}.amparo-exit{grid-area:1/2/3/3}.amparo-close{grid-area:1/3/3/4}}
.amparo-exit{flex:none;min-height:44px;padding:8px 14px;border:0;border-radius:999px;background:#9b1c1c;color:#fff;font-weight:700}
.amparo-exit:hover{background:#7f1515}
.amparo-close{flex:none;min-width:44px;min-height:44px;border:1px solid var(--line);border-radius:999px;background:#fff;font-size:1.25rem;line-height:1}
.amparo-bar{display:flex;align-items:center;gap:8px;padding:8px 16px;border-bottom:1px solid #e7edee;font-size:.875rem;color:var(--muted)}
.amparo-langs{display:inline-flex;gap:2px;padding:2px;border:1px solid #6b7b81;border-radius:999px}
.amparo-lang{min-height:36px;padding:4px 14px;border:0;border-radius:999px;background:transparent;color:var(--ac);font-weight:600}
.amparo-lang[aria-pressed="true"]{background:var(--ac);color:#fff}
.amparo-log{position:relative;flex:1;min-height:0;overflow-y:auto;overscroll-behavior:contain;padding:16px;
  display:flex;flex-direction:column;gap:12px}
.amparo-msg{display:flex;flex-direction:column;align-items:flex-start;max-width:88%;animation:amparo-in .18s ease-out}
.amparo-msg--user{align-self:flex-end;align-items:flex-end}
.amparo-bubble{margin:0;padding:10px 14px;border-radius:16px 16px 16px 4px;background:#eef3f4;white-space:pre-wrap;overflow-wrap:anywhere}
.amparo-msg--user .amparo-bubble{border-radius:16px 16px 4px 16px;background:var(--ac);color:#fff}
.amparo-msg--staff .amparo-bubble{background:#fff6e0;border:1px solid #e0c77a}
.amparo-name{font-size:.8em;font-weight:600;color:#5b4a12;margin:0 0 2px 4px}
.amparo-choices{display:flex;flex-wrap:wrap;gap:8px;margin-top:8px}
.amparo-choice{min-height:44px;padding:8px 16px;border:1.5px solid var(--ac);border-radius:999px;background:#fff;color:var(--ac);font-weight:600;text-align:left}
.amparo-choice:hover:not(:disabled){background:var(--ac-soft)}
.amparo-choice:disabled{cursor:default;border-color:#c5cfd2;color:#5b6b71}
.amparo-choice.amparo-chosen{border-color:var(--ac);background:var(--ac-soft);color:var(--ac)}
.amparo-status{padding:0 16px;color:var(--muted);font-size:.875rem}
.amparo-typing{display:flex;align-items:center;gap:10px;padding:0 0 8px}
.amparo-dots{display:inline-flex;gap:4px}
.amparo-dots i{width:6px;height:6px;border-radius:50%;background:var(--muted);animation:amparo-dot 1.2s infinite ease-in-out}
.amparo-dots i:nth-child(2){animation-delay:.15s}.amparo-dots i:nth-child(3){animation-delay:.3s}
.amparo-alert-box{display:flex;flex-wrap:wrap;align-items:center;gap:8px 12px;margin:0 12px 10px;padding:10px 12px;
  border:1px solid #e2b3a6;border-radius:12px;background:#fdf3f0;color:#6b1d11;font-size:.9375rem}
.amparo-alert-box p{margin:0;flex:1 1 200px}
.amparo-ghost{min-height:40px;padding:6px 14px;border:1.5px solid currentColor;border-radius:999px;background:#fff;font-weight:600}
.amparo-done{display:flex;flex-wrap:wrap;align-items:center;gap:8px 12px;padding:10px 16px;border-top:1px solid var(--line);background:#f4f7f7}
.amparo-done p{margin:0;flex:1 1 160px;color:var(--muted)}
.amparo-primary,.amparo-send{min-height:44px;padding:8px 18px;border:0;border-radius:12px;background:var(--ac);color:#fff;font-weight:650}
.amparo-composer{display:flex;align-items:flex-end;gap:8px;padding:10px 12px;border-top:1px solid var(--line);background:#fff}
.amparo-input{flex:1;min-width:0;max-height:140px;margin:0;padding:10px 12px;resize:none;font-size:16px;line-height:1.4;
  border:1.5px solid #6b7b81;border-radius:12px;background:#fff}
.amparo-input::placeholder{color:#5f6f75}
.amparo-input:disabled{background:#f1f4f5;border-color:#c5cfd2}
.amparo-send:disabled{background:#8fa3aa;cursor:default}
.amparo-note{margin:0;padding:10px 12px;border:1px solid var(--line);border-radius:12px;background:#f4f7f7;color:var(--muted);font-size:.9375rem}
.amparo-sr{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
[hidden]{display:none!important}
@keyframes amparo-in{from{opacity:0;transform:translateY(4px)}to{opacity:1;transform:none}}
@keyframes amparo-dot{0%,80%,100%{opacity:.25}40%{opacity:1}}
@media (max-width:480px){.amparo-head{padding-left:12px}.amparo-log{padding:12px}.amparo-msg{max-width:94%}}
@media (prefers-reduced-motion:reduce){.amparo-root *{animation:none!important;transition:none!important;scroll-behavior:auto!important}}
@media (forced-colors:active){.amparo-bubble,.amparo-choice,.amparo-alert-box{border:1px solid CanvasText}}
`;
