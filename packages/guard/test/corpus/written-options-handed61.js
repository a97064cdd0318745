// JS `no-hardcoded-timeout`, session 61 (issue 9), from blind set fresh361 (@zudoku/httpsnippet): a code generator's
// option default written only into the snippet's text, while the options object is also handed whole to the file's
// own helpers that never read the timeout off it (only `indent` and `pretty`, also through the helper they call).
// A helper that reads the timeout off the options keeps the default a timeout.
var literalRepresentation = (value, opts, indentLevel) => {
  const indent = opts.pretty ? opts.indent.repeat(indentLevel ?? 1) : "";
  return `${indent}${JSON.stringify(value)}`;
};
var literalDeclaration = (name, parameters, opts) => `let ${name} = ${literalRepresentation(parameters, opts)}`;
var withDeadline = (opts) => fetch(opts.url, { signal: AbortSignal.timeout(opts.timeout) });

var urlsession = {
  convert: ({ postData }, options) => {
    const opts = { indent: "  ", pretty: true, timeout: 10, ...options };
    const lines = [literalDeclaration("parameters", postData.jsonObj, opts)];
    lines.push(`request.timeoutInterval = ${opts.timeout}`);
    return lines.join("\n");
  },
};

var fetcher = {
  convert: ({ postData }, options) => {
    const opts = { indent: "  ", timeout: 10, ...options }; // expect: no-hardcoded-timeout
    const lines = [literalDeclaration("parameters", postData.jsonObj, opts)];
    lines.push(`// timeout: ${opts.timeout}`);
    withDeadline(opts);
    return lines.join("\n");
  },
};

module.exports = { urlsession, fetcher };
