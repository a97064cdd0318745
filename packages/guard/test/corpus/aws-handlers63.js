// JS `no-unbounded-timeout`, session 63 (issue 9), from blind set fresh396 (@webiny/api-page-builder-import-export):
// the AWS SDK's request handlers (`NodeHttpHandler`, `FetchHttpHandler`) take `connectionTimeout` and
// `requestTimeout` in milliseconds, 0 by default, which means no timeout: a 0 written there leaves the S3 upload
// waiting with no bound. A positive value is a hardcoded bound; the same 0 for another package's client is that
// package's own meaning.
const _https = require("https");
const _clientS = require("@webiny/aws-sdk/client-s3");
const _nodeHttpHandler = require("@smithy/node-http-handler");
const { FetchHttpHandler } = require("@smithy/fetch-http-handler");

const s3Client = (0, _clientS.createS3)({
  requestHandler: new _nodeHttpHandler.NodeHttpHandler({
    connectionTimeout: 0, // expect: no-unbounded-timeout
    httpsAgent: new _https.Agent({ keepAlive: true }),
  }),
});

const browserHandler = new FetchHttpHandler({ requestTimeout: 0 }); // expect: no-unbounded-timeout
const boundedHandler = _nodeHttpHandler.NodeHttpHandler.create({ requestTimeout: 30000 }); // expect: no-hardcoded-timeout
const other = new PoolClient({ connectionTimeout: 0 });

module.exports = { s3Client, browserHandler, boundedHandler, other };
