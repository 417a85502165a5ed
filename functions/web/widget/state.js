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
  /** Requests in flight, aborted by a quick exit. */
  controllers: new Set(),
};
