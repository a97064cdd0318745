// JS `no-hardcoded-timeout`, session 56 (issue 9): a bare timeout among a cache's settings is how long an entry stays
// cached (@sitecore-content-sdk/content's `dictionary: { caching: { enabled: true, timeout: 60 } }`, fresh279). A named
// timeout of the cache's store still bounds a wait, and so does a bare timeout elsewhere.
const buildFallbackConfig = (env = {}) => ({
  defaultLanguage: env.SITECORE_DEFAULT_LANGUAGE || "en",
  dictionary: {
    caching: {
      enabled: true,
      timeout: 60,
    },
  },
  cache: {
    timeout: 3600,
    connectTimeout: 5000, // expect: no-hardcoded-timeout
  },
  api: {
    timeout: 10000, // expect: no-hardcoded-timeout
  },
});

module.exports = { buildFallbackConfig };
