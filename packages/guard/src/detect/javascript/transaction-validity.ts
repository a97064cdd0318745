// A blockchain transaction's validity window: Stellar's `new TransactionBuilder(account, opts).addOperation(...)
// .setTimeout(180).build()` sets the transaction's maxTime timebound (the network refuses it after that), so
// `setTimeout` there names no wait of this code (@rhino.fi/sdk, @sodax/sdk, @stellar/typescript-wallet-sdk).
import { type EsNode, memberName, referenceName, unwrap } from "./ast.ts";

/** The builder itself, or the methods only a Stellar transaction builder chains. */
const TRANSACTION_BUILDER = /^(TransactionBuilder|addOperation|addMemo|setTimebounds|setNetworkPassphrase)$/;
/** A receiver named for the builder: `txBuilder.setTimeout(30)`, `transactionBuilder.setTimeout(30)`. */
const BUILDER_NAME = /^(tx|transaction)Builder$/i;

/** Whether `call` (a `*.setTimeout(n)` call) sets a transaction builder's validity window. */
export function setsTransactionValidity(call: EsNode): boolean {
  const callee = unwrap(call.callee as EsNode);
  if (callee.type !== "MemberExpression") return false;
  // Down the chain: `new X.TransactionBuilder(...).addOperation(...).addMemo(...)` before `.setTimeout`.
  let receiver = unwrap(callee.object as EsNode);
  for (let depth = 0; depth < 32; depth++) {
    if (receiver.type === "Identifier") return BUILDER_NAME.test(receiver.name as string);
    if (receiver.type === "NewExpression")
      return TRANSACTION_BUILDER.test(referenceName(unwrap(receiver.callee as EsNode)) ?? "");
    if (receiver.type !== "CallExpression") return false;
    const method = unwrap(receiver.callee as EsNode);
    if (method.type !== "MemberExpression") return false;
    if (TRANSACTION_BUILDER.test(memberName(method) ?? "")) return true;
    receiver = unwrap(method.object as EsNode);
  }
  return false;
}
