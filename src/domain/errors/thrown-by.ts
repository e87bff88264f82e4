/**
 * For tests: the error of the given class that `action` throws, to check its code and message;
 * any other throw is rethrown, and not throwing at all fails the test.
 */
export function thrownBy<E extends Error>(type: abstract new (...args: never[]) => E, action: () => unknown): E {
  try {
    action()
  } catch (error) {
    if (error instanceof type) return error
    throw error
  }
  throw new Error(`expected a ${type.name}`)
}
