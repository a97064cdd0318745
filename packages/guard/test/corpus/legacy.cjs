const http = require("node:http");
const server = http.createServer();
server.setTimeout(120000); // expect: no-hardcoded-timeout
server.requestTimeout = 0; // expect: no-unbounded-timeout
module.exports = { server, timeout: 5000 }; // expect: no-hardcoded-timeout
