// JS `no-hardcoded-timeout`, session 62 (issue 9), from blind set fresh376 (@redux-requests/core): a timer whose
// callback dispatches a Redux action that opens the socket again (`store.dispatch(openWebsocket())`) is the delay before
// the next try; the store's `dispatch` itself neither starts nor ends anything, the action's call says which. A timer
// that dispatches a timed-out action stays a deadline.
export const createSubscriptionsMiddleware = ({
  subscriber: {
    url,
    reconnectTimeout = 5,
    heartbeatTimeout = 20, // expect: no-hardcoded-timeout
  } = {},
}) => {
  let ws;
  return (store) => (next) => (action) => {
    ws = new WebSocket(url);
    ws.addEventListener("close", (e) => {
      if (e.code !== 1000 && reconnectTimeout) {
        setTimeout(() => {
          store.dispatch(openWebsocket());
        }, reconnectTimeout * 1000);
      }
    });
    ws.addEventListener("open", () => {
      setTimeout(() => {
        store.dispatch(websocketTimedOut());
      }, heartbeatTimeout * 1000);
    });
    return next(action);
  };
};
