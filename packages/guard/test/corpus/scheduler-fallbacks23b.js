// JS `no-hardcoded-timeout`, session 23 mends: a timer stands in for `requestAnimationFrame` /
// `requestIdleCallback` only in the branch that runs where the scheduler is missing, judged from the syntax tree; a
// retry pauses between attempts only when nothing beside its timer settles the promise and its handle is not kept.
// Kept: a timer armed whether or not the scheduler is there (rAF never fires in a background tab, so the timer is
// the bound), a function that merely follows a scheduler in an object literal, a retry whose delay is also the
// attempt's deadline (kept and cleared handle, an ack listener settling the promise beside it).
function waitForPaint(el) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      if (el.isConnected) resolve();
      else reject(new Error("element never painted"));
    };
    if (window.requestAnimationFrame) requestAnimationFrame(finish);
    setTimeout(finish, 3000); // expect: no-hardcoded-timeout
  });
}

function paintOrWait(work) {
  if (typeof requestAnimationFrame === "undefined") setTimeout(work, 16);
  else requestAnimationFrame(work);
}

const nextFrame = typeof window.requestIdleCallback === "function" ? window.requestIdleCallback : (cb) => setTimeout(cb, 50);

function createClient() {
  return {
    schedule: window.requestAnimationFrame,
    fetchData: (url) => {
      const ctrl = new AbortController();
      setTimeout(() => ctrl.abort(), 8000); // expect: no-hardcoded-timeout
      return fetch(url, { signal: ctrl.signal });
    },
  };
}

const { execFile } = require("./process");
function execAdb(args, attempt) {
  let timer;
  return new Promise((resolve, reject) => {
    timer = setTimeout(() => {
      if (attempt >= 3) return reject(new Error("adb did not answer"));
      execAdb(args, attempt + 1).then(resolve, reject);
    }, 10000); // expect: no-hardcoded-timeout
    execFile("adb", args).then((out) => {
      clearTimeout(timer);
      resolve(out);
    }, reject);
  });
}

function send(socket, msg, left) {
  return new Promise((resolve, reject) => {
    socket.send(msg);
    socket.once("ack", resolve);
    setTimeout(() => {
      if (left === 0) return reject(new Error("no ack from peer"));
      send(socket, msg, left - 1).then(resolve, reject);
    }, 3000); // expect: no-hardcoded-timeout
  });
}

// Armed only after a failed attempt: the pause between attempts.
function resend(socket, msg, left) {
  return new Promise((resolve, reject) => {
    socket.request(msg).then(resolve, () => {
      setTimeout(() => {
        if (left === 0) return reject(new Error("no ack from peer"));
        resend(socket, msg, left - 1).then(resolve, reject);
      }, 3000);
    });
  });
}
module.exports = { waitForPaint, paintOrWait, nextFrame, createClient, execAdb, send, resend };
