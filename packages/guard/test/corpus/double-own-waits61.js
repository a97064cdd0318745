// JS `no-hardcoded-timeout`, session 61 (issue 9), from blind set fresh370 (@backstage/frontend-test-utils): a
// double's own wait (`MockAlertApi.waitForAlert(predicate, timeoutMs = 2e3)`, which rejects once a timer of that
// delay fires) bounds the test waiting on it. The double's canned data and its other timers stay its behaviour.
class MockAlertApi {
  constructor() {
    this.alerts = [];
    this.observers = new Set();
    this.defaults = { displayTimeout: 5000 };
  }

  post(alert) {
    this.alerts.push(alert);
    setTimeout(() => this.observers.forEach((observer) => observer(alert)), 10);
  }

  async waitForAlert(
    predicate,
    timeoutMs = 2e3, // expect: no-hardcoded-timeout
  ) {
    const existing = this.alerts.find(predicate);
    if (existing) return existing;
    const observers = this.observers;
    return new Promise((resolve, reject) => {
      const timeoutId = setTimeout(() => {
        observers.delete(observer);
        reject(new Error("Timed out waiting for alert"));
      }, timeoutMs);
      function observer(alert) {
        if (predicate(alert)) {
          clearTimeout(timeoutId);
          observers.delete(observer);
          resolve(alert);
        }
      }
      observers.add(observer);
    });
  }
}

module.exports = { MockAlertApi };
