/**
 * The conflict list `#/conflicts` (admins; API.md "Outbound integrations"): how many names the
 * check uses and where they came from (`GET /api/staff/conflicts`), and an upload that replaces
 * the list (`PUT /api/staff/conflicts`, the CSV file's text as text/csv). A bad file is refused
 * with the line the server names, and the list stays as it was.
 */
import { announce, h, messageBox, when } from './dom.js';
import { call, explain } from './http.js';
import { app, showScreen } from './shell.js';
import { T } from './words.js';

const PATH = '/api/staff/conflicts';
/** The upload's own body limit (functions/http/body.ts MAX_LIST_BYTES: 2 MiB). */
const MAX_BYTES = 2 * 1024 * 1024;

/** The words for a summary of the list, as a paragraph. */
function summaryPart(body) {
  const count = Number.isInteger(body?.count) ? body.count : 0;
  if (body?.source === 'upload') {
    const by = String(body.uploadedBy || '');
    return h('p', {}, `${T.conflictsUploaded(count, by)} `, when(body.uploadedAt), '.');
  }
  if (body?.source === 'file') return h('p', { text: T.conflictsFromFile(count) });
  return h('p', { text: T.conflictsNone });
}

/** Sends the file's text as the new list: `{ status, body }`, or null when the network failed. */
async function upload(text) {
  try {
    const res = await fetch(PATH, {
      method: 'PUT',
      headers: { Accept: 'application/json', 'Content-Type': 'text/csv; charset=utf-8' },
      body: text,
      credentials: 'same-origin',
      cache: 'no-store',
    });
    let body = null;
    try {
      body = await res.json();
    } catch {
      /* not JSON: the status says enough */
    }
    return { status: res.status, body, retryAfter: 0 };
  } catch {
    return null;
  }
}

export function showConflicts() {
  const seq = app.seq;
  const current = h(
    'div',
    { class: 'results', 'aria-busy': 'true' },
    h('p', { text: T.loadingConflicts }),
  );
  const status = h('div', { class: 'form-msg' });

  async function load() {
    const r = await call('GET', PATH);
    if (seq !== app.seq) return;
    current.removeAttribute('aria-busy');
    if (r?.status !== 200) {
      const why = explain(r);
      if (why.kind === 'signin') return app.signedOut(why.message);
      current.replaceChildren(messageBox(why.message, 'danger', why.retry ? load : null));
      return;
    }
    current.replaceChildren(summaryPart(r.body));
  }

  const parts = [
    h('h1', { id: 'conflicts-title', text: T.conflictList }),
    h('p', { class: 'lede', text: T.conflictListIntro }),
    current,
  ];
  if (app.me?.role === 'admin') {
    const file = h('input', { id: 'conflicts-file', type: 'file', accept: '.csv,text/csv' });
    const send = h('button', { type: 'submit', class: 'btn', text: T.conflictsUpload });
    const form = h(
      'form',
      { class: 'box', 'aria-labelledby': 'conflicts-upload-title' },
      h('h2', { id: 'conflicts-upload-title', text: T.conflictsUploadTitle }),
      h('p', { text: T.conflictsFormat }),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'conflicts-file', text: T.conflictsFileLabel }),
        file,
      ),
      send,
      status,
    );
    const say = (text, tone) => {
      status.replaceChildren(messageBox(text, tone));
      announce(text);
    };
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const chosen = file.files?.[0];
      if (!chosen) return say(T.conflictsPickFile, 'danger');
      if (chosen.size > MAX_BYTES) return say(T.conflictsTooBig, 'danger');
      send.disabled = true;
      send.textContent = T.conflictsUploading;
      const r = await upload(await chosen.text());
      send.disabled = false;
      send.textContent = T.conflictsUpload;
      if (seq !== app.seq) return;
      if (r?.status === 200) {
        current.replaceChildren(summaryPart(r.body));
        say(T.conflictsSaved(r.body?.count ?? 0), 'ok');
        file.value = '';
        return;
      }
      if (r?.status === 413) return say(T.conflictsTooBig, 'danger');
      const why = explain(r);
      if (why.kind === 'signin') return app.signedOut(why.message);
      say(why.kind === 'forbidden' ? T.conflictsAdminOnly : why.message, 'danger');
    });
    parts.push(form);
  } else {
    parts.push(h('p', { class: 'muted', text: T.conflictsAdminOnly }));
  }
  showScreen(
    h('section', { class: 'screen conflicts', 'aria-labelledby': 'conflicts-title' }, ...parts),
    T.conflictList,
  );
  load();
}
