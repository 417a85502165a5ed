/** What the widget holds at this moment, one object shared by the modules that change it. */
export const S = {
  /** { conversationId, token } of the open conversation, or null. */
  conv: null,
  /** The conversation's State, as the API last reported it. */
  state: null,
  busy: false,
  exited: false,
  started: false,
  /** Choice buttons that can still be answered. */
  active: [],
  lastEsc: 0,
  /** The transcript's length when the API last answered: live.js reads what came after it. */
  seq: 0,
  /** Bumped with every other answer that moved `seq`: a poll that overlapped one is dropped. */
  gen: 0,
  /** Requests in flight, aborted by a quick exit. */
  controllers: new Set(),
};
