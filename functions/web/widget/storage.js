/**
 * The conversation id and token, in sessionStorage only (DOMAIN.md): a reload resumes, a closed
 * browser forgets. Browsers that refuse storage are tolerated.
 */
import { API } from './config.js';
import { S } from './state.js';

const KEY = `amparo:v1:${API}`;

export const store = {
  get() {
    try {
      const v = JSON.parse(sessionStorage.getItem(KEY) || 'null');
      return v && typeof v.conversationId === 'string' && typeof v.token === 'string' ? v : null;
    } catch {
      return null;
    }
  },
  set(v) {
    if (S.exited) return; // a late response must not write after a quick exit
    try {
      sessionStorage.setItem(KEY, JSON.stringify(v));
    } catch {
      /* storage disabled: the chat still works, it just will not survive a reload */
    }
  },
  clear(all) {
    try {
      if (all) sessionStorage.clear();
      else sessionStorage.removeItem(KEY);
    } catch {
      /* nothing stored */
    }
  },
};
