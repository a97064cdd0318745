// JS `no-hardcoded-timeout`, session 53 (issue 9), from blind sets fresh227 and fresh238 (@rhino.fi/sdk) and the
// labels of @sodax/sdk and @stellar/typescript-wallet-sdk: Stellar's `TransactionBuilder.setTimeout(n)` sets the
// transaction's validity window (its maxTime timebound, enforced by the network), not a wait of this code. A socket's
// `setTimeout` is still an idle timeout.
import { BASE_FEE, Operation, TransactionBuilder } from "@stellar/stellar-sdk";
import { Socket } from "node:net";

export class Wallet {
  defaultTimeout = 180;

  build(account: unknown, op: unknown) {
    return new TransactionBuilder(account, { fee: BASE_FEE }).addOperation(op).setTimeout(this.defaultTimeout).build();
  }
}

export const deposit = (account: unknown, payment: unknown) =>
  new TransactionBuilder(account, { fee: BASE_FEE })
    .addOperation(Operation.payment(payment))
    .addMemo(null)
    .setTimeout(180)
    .build();

export function plain(account: unknown) {
  const txBuilder = new TransactionBuilder(account);
  txBuilder.setTimeout(30);
  return new TransactionBuilder(account).setTimeout(300).build();
}

export function connect(host: string) {
  const socket = new Socket();
  socket.setTimeout(5000); // expect: no-hardcoded-timeout
  return socket.connect(443, host);
}
