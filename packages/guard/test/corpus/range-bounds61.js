// JS `no-hardcoded-timeout`, session 61 (issue 9), from blind set fresh362 (@aws-amplify/backend-function): the ends
// of the range a configured timeout is checked against (and named in the error) bound what a caller may configure;
// the default used when none is configured is a timeout. A delay drawn from a range is a delay.
class FunctionFactory {
  resolveTimeout = () => {
    const timeoutMin = 1;
    const timeoutMax = 60 * 15;
    const timeoutDefault = 3; // expect: no-hardcoded-timeout
    if (this.props.timeoutSeconds === undefined) {
      return timeoutDefault;
    }
    if (!isWholeNumberBetweenInclusive(this.props.timeoutSeconds, timeoutMin, timeoutMax)) {
      throw new Error(`timeoutSeconds must be a whole number between ${timeoutMin} and ${timeoutMax} inclusive`);
    }
    return this.props.timeoutSeconds;
  };
}

function retryTimeout() {
  const retryTimeoutMin = 500; // expect: no-hardcoded-timeout
  return randomBetween(retryTimeoutMin, 5000);
}

const isWholeNumberBetweenInclusive = (n, min, max) => Number.isInteger(n) && n >= min && n <= max;
const randomBetween = (min, max) => min + Math.random() * (max - min);

module.exports = { FunctionFactory, retryTimeout };
