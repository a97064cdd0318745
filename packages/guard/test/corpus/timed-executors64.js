// JS `no-unbounded-timeout`, session 64 (issue 9), from blind set fresh407 (@phygrid/hub-client): an axios request
// without a timeout made inside a promise executor whose own timer settles the promise. Whoever awaits the promise
// waits at most the timer's delay, so the wait is bounded. A timer armed only once the answer is in (inside the
// request's `.then`) bounds nothing, and a request outside the executor stays reported.
import axios from "axios";

export const getOnlineStatusRequest = (timeoutMs) =>
  new Promise((resolve) => {
    const requestTimeout = setTimeout(() => resolve({ isOnline: false, message: "manual promise timeout" }), timeoutMs);
    axios
      .get("/api/online")
      .then((response) => resolve({ isOnline: response.data.isOnline }))
      .catch((err) => resolve({ isOnline: false, message: err.message }))
      .finally(() => clearTimeout(requestTimeout));
  });

export const rejectAfter = (ms, url) =>
  new Promise((resolve, reject) => {
    setTimeout(reject, ms);
    axios.get(url).then(resolve, reject);
  });

export const settledLater = (url) =>
  new Promise((resolve) => {
    axios.get(url).then((response) => { // expect: no-unbounded-timeout
      setTimeout(() => resolve(response.data), 100);
    });
  });

export async function outside(url, ms) {
  const timer = new Promise((resolve) => setTimeout(resolve, ms));
  const response = await axios.get(url); // expect: no-unbounded-timeout
  await timer;
  return response.data;
}

// node-tado-client (fresh382): the timer makes the request when it fires, so it only delays it.
export const pollToken = (interval) =>
  new Promise((resolve, reject) => {
    setTimeout(() => {
      axios({ url: "/oauth2/token", method: "POST" }) // expect: no-unbounded-timeout
        .then(resolve, reject);
    }, interval);
  });

// ctrip-apollo (fresh383): a timer armed only when a timeout is set; its default 0 leaves the request unbounded.
export const fetchConfig = (url, timeout) =>
  new Promise((resolve, reject) => {
    const timer = timeout ? setTimeout(() => reject(new Error("FETCH_TIMEOUT")), timeout) : null;
    axios.get(url).then((response) => { // expect: no-unbounded-timeout
      clearTimeout(timer);
      resolve(response.data);
    }, reject);
  });
