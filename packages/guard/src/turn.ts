/**
 * Lets the event loop run (between the package pass's files): in a large check the worker threads ask this thread for
 * their next batches while it works out the package facts (`threads.ts`), and would wait for the whole pass otherwise.
 */
export const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
