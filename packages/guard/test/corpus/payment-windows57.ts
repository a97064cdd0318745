// x402 payment requirements: `maxTimeoutSeconds` is how long the payer's signed payment stays valid, a lifetime sent
// to the payer (uvd-x402-sdk); a name read only into it is that window too.
import type { PaymentRequirements } from "x402/types";

interface RequirementOptions {
  amount: string;
  recipient: string;
  timeoutSeconds?: number;
}

export function buildPaymentRequirements(options: RequirementOptions) {
  const { amount, recipient, timeoutSeconds = 300 } = options;
  return { scheme: "exact", maxAmountRequired: amount, payTo: recipient, maxTimeoutSeconds: timeoutSeconds };
}

const DEFAULT_PAYMENT_TIMEOUT_SECONDS = 300;

export function withDefaults(accept: Partial<PaymentRequirements>) {
  return { ...accept, maxTimeoutSeconds: accept.maxTimeoutSeconds ?? DEFAULT_PAYMENT_TIMEOUT_SECONDS };
}

export const quote = { payTo: "0xabc", maxTimeoutSeconds: 60 };

// A name a wait also reads stays a timeout.
const VERIFY_TIMEOUT_SECONDS = 30; // expect: no-hardcoded-timeout

export async function verify(url: string, requirements: PaymentRequirements) {
  const body = JSON.stringify({ requirements, maxTimeoutSeconds: VERIFY_TIMEOUT_SECONDS });
  return fetch(url, { method: "POST", body, signal: AbortSignal.timeout(VERIFY_TIMEOUT_SECONDS * 1000) });
}
