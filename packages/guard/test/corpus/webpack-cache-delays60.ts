// JS `no-hardcoded-timeout`, session 60 (issue 9), from blind set fresh339 (@roots/bud-cache): webpack's persistent
// cache options time when the cache is written once the compiler is idle (`idleTimeout`,
// `idleTimeoutForInitialStore`): delays before a store, not bounds of a wait. A server's idle timeout stays one.
export function filesystemCache(cacheDirectory: string, isDevelopment: boolean) {
  return {
    type: "filesystem",
    cacheDirectory,
    compression: false,
    hashAlgorithm: "xxhash64",
    idleTimeout: 10000,
    idleTimeoutForInitialStore: 0,
    maxMemoryGenerations: isDevelopment ? 10 : Infinity,
  };
}

export const server = {
  port: 8080,
  idleTimeout: 30000, // expect: no-hardcoded-timeout
};
