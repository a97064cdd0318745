// JS `no-hardcoded-timeout`, session 32 (issue 9): webpack's `watchOptions` chosen between two objects
// (@tramvai/plugin-webpack-builder: `noRebuild ? { ignored } : (extension.watchOptions ?? { aggregateTimeout: 20 })`)
// is still the watcher's options whichever branch is taken: `aggregateTimeout` is how long it gathers changes
// before one rebuild, not a deadline. A timeout in an options object chosen the same way stays reported.
function serverConfig(config, extension) {
  return {
    watchOptions: config.noServerRebuild
      ? { ignored: /.*/ }
      : (extension.watchOptions ?? {
          aggregateTimeout: 20,
          ignored: ["**/node_modules/**"],
        }),
    devServer: config.slow
      ? { proxy: { timeout: 60000 } } // expect: no-hardcoded-timeout
      : (extension.devServer ?? { proxy: { timeout: 10000 } }), // expect: no-hardcoded-timeout
  };
}

module.exports = { serverConfig };
