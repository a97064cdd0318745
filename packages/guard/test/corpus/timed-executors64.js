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
