// JS `no-hardcoded-timeout`, session 56 (issue 9): redux-saga's race against a delay
// (https://redux-saga.js.org/docs/advanced/RacingEffects) resumes with whichever effect ends first, so the delay is
// how long the saga waits for the others (redux-saga-requests' `timeout: call(delay, 10000)`, fresh278). A race of one
// effect, or a delay yielded alone (a pause), bounds nothing.
import { delay } from "redux-saga";
import { call, cancel, join, race, take } from "redux-saga/effects";
import * as effects from "redux-saga/effects";

export function* cancelSendRequestOnAction(abortOn, task) {
  const { abortingAction } = yield race({
    abortingAction: take(abortOn),
    taskFinished: join(task),
    timeout: call(delay, 10000), // expect: no-hardcoded-timeout
  });
  if (abortingAction) yield cancel(task);
}

export function* fetchWithDeadline(api) {
  const [response] = yield effects.race([call(api.fetch), effects.delay(5000)]); // expect: no-hardcoded-timeout
  return response;
}

export function* compiled(api) {
  return yield (0, effects.race)({
    response: (0, effects.call)(api.fetch),
    timedOut: (0, effects.call)(delay, 3000), // expect: no-hardcoded-timeout
  });
}

export function* pause() {
  yield race({ only: call(delay, 2000) });
  yield call(delay, 1000);
}

// A promise's race against a sleep is judged as the race's deadline, not as a saga's.
export async function promised(api) {
  return Promise.race([api.fetch(), delay(4000)]); // expect: no-hardcoded-timeout
}
