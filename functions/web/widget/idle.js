/**
 * The hour after the last message (DOMAIN.md "Reading back"): the server says, with each answer,
 * how many seconds are left (`hidesIn`); then the chat reads the conversation again, which shows
 * only the pending question, so a screen left open shows nothing to whoever comes to it.
 */
let timer = 0;
let deadline = 0;
let handler = () => {};

/** What to do once the time is up (main.js: read the conversation again). */
export function onIdle(fn) {
  handler = fn;
}

/** Starts the count again: `seconds` from now (a number from the API), or stops it. */
export function armIdle(seconds) {
  clearTimeout(timer);
  deadline = 0;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return;
  deadline = Date.now() + Math.max(0, seconds) * 1000;
  timer = setTimeout(fire, Math.max(0, seconds) * 1000 + 1000);
}

function fire() {
  if (!deadline || Date.now() < deadline) return;
  deadline = 0;
  handler();
}

// A sleeping tab's timers run late: check when it is looked at again.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') fire();
});
window.addEventListener('focus', fire);
