// The names of unittest's, nose's and mock's assertions, in named parts. Each rule builds its pattern from the parts it
// means (context.ts, inspected.ts, patched.ts, asserted.ts), so a name added here reaches every rule that asks for it.

/** unittest's equality and membership assertions, and nose/numpy's `assert_equal`: the arguments are compared. */
export const EQUALITY = String.raw`assert(Not)?(Dict|List|Tuple|Set|Sequence|Count|Items|MultiLine)?Equals?|assertDictContainsSubset|assert(Not)?In|assert_equal`;

/** unittest's approximate, ordering and identity assertions (`assertAlmostEqual`, `assertGreater`, `assertIsNone`). */
export const ORDER_AND_IDENTITY = String.raw`assert(Not)?AlmostEquals?|assert(Greater|Less)(Equal)?|assertIs(Not)?(None)?`;

/** mock's assertions on what a double was called or awaited with (`assert_called_once_with`, `assert_any_call`). */
export const MOCK_CALLED_WITH = String.raw`assert_(any_)?call\w*|assert_called\w*|assert_awaited\w*`;

/** Every assertion on a mock's calls: those above, `assert_has_calls` and `assert_not_called`. */
export const MOCK_CALL_ASSERTIONS = String.raw`${MOCK_CALLED_WITH}|assert_has_calls|assert_not_called`;

/** The attributes of a mock's call record (`call_args`, `call_count`, `mock_calls`). */
export const MOCK_CALL_RECORD = String.raw`call_args(_list)?|call_count|mock_calls|await_args`;

/** A callee whose last name is one of `parts` (`self.assertEqual`, `request.assert_called_once_with`). */
export function calleeNamed(...parts: string[]): RegExp {
  return new RegExp(String.raw`(^|\.)(${parts.join("|")})$`);
}
