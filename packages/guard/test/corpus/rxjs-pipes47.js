// JS `no-hardcoded-timeout`, session 47 (issue 9): rxjs's `timeout` operator handed to `.pipe()` errors when no value
// comes in time (@centrifuge/sdk's `isActive().pipe(timeout({ first: 5000 }), ...)`, bnc-sdk's bundled
// `subscription.pipe(take(1), timeout(5000))`). Its duration, or the `first`/`each` keys of its config, bound the wait.
// A pipe's pauses (`delay`, `debounceTime`) and a Node stream's `.pipe()` bound nothing.
import { catchError, debounceTime, delay, of, take, timeout, timeoutWith } from "rxjs";
import { createGzip } from "node:zlib";

export function isActive(network) {
  return network.isActive().pipe(
    timeout({ first: 5000 }), // expect: no-hardcoded-timeout
    catchError(() => of(false)),
  );
}

export function firstReply(subscription) {
  return subscription.pipe(take(1), timeout(5000)); // expect: no-hardcoded-timeout
}

export function everyTick(ticks$) {
  return ticks$.pipe(timeout({ each: 1000, with: () => of("late") })); // expect: no-hardcoded-timeout
}

export function withFallback(reply$) {
  return reply$.pipe(timeoutWith(3000, of(null))); // expect: no-hardcoded-timeout
}

// A caller's bound is the caller's: nothing is written here.
export function configured(reply$, options) {
  return reply$.pipe(timeout(options.replyTimeout));
}

export function paced(input$) {
  return input$.pipe(debounceTime(300), delay(500));
}

export function compress(source, destination) {
  return source.pipe(createGzip()).pipe(destination);
}
