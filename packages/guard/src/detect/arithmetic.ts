/** Folds one arithmetic operator of a constant expression (`5 * 1000`, Python's `60 // 2`); undefined for any other. */
export function applyOperator(operator: string, left: number, right: number): number | undefined {
  switch (operator) {
    case "+":
      return left + right;
    case "-":
      return left - right;
    case "*":
      return left * right;
    case "/":
      return left / right;
    case "//":
      return Math.floor(left / right);
    case "%":
      return left % right;
    case "**":
      return left ** right;
    default:
      return undefined;
  }
}
