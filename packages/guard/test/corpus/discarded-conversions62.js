// JS `no-hardcoded-timeout`, session 62 (issue 9), from blind sets fresh379 and fresh381 (@promptbook's bundles): a
// conversion that a statement of its own throws away (`parseInt(process.env.API_REQUEST_TIMEOUT || '90000');`, left
// behind when a bundler dropped the constant it initialised) reaches nothing, so its fallback bounds nothing. The
// same conversion kept in a constant stays reported.
parseInt(process.env.API_REQUEST_TIMEOUT || "90000");

Number(process.env.CONNECT_TIMEOUT_MS ?? 5000);

export const API_REQUEST_TIMEOUT = parseInt(process.env.API_REQUEST_TIMEOUT || "90000"); // expect: no-hardcoded-timeout
