// JS `no-hardcoded-timeout`, session 59 (issue 9), from blind set fresh323 (@stream-io/video-react-native-sdk):
// `hideAfterTimeoutInMs` says how long a reaction shows before it is hidden, like `hideTimeout`: the word before an
// "after timeout" names what the delay paces. A request's timeout beside it stays one.
export const ParticipantReaction = ({ call, sessionId, hideAfterTimeoutInMs = 5500 }) => {
  useEffect(() => {
    const timeoutId = setTimeout(() => {
      call.resetReaction(sessionId);
    }, hideAfterTimeoutInMs);
    return () => clearTimeout(timeoutId);
  }, [call, hideAfterTimeoutInMs, sessionId]);
  return null;
};

export function loadReactions(url, options = {}) {
  const { requestTimeoutMs = 8000 } = options; // expect: no-hardcoded-timeout
  return fetch(url, { signal: AbortSignal.timeout(requestTimeoutMs) });
}

function useEffect(effect) {
  return effect();
}
