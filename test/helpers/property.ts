// Property tests: a vitest test that runs fast-check's own runner, called as @fast-check/vitest's test.prop is.
// That package builds its `test` at import by walking every chain of vitest 4's modifiers, which costs seconds
// per test file; this does the same work per test without it.
import fc from "fast-check";
import { it } from "vitest";

type Arbitraries<Ts extends unknown[]> = { [K in keyof Ts]: fc.Arbitrary<Ts[K]> };

/**
 * `prop([arbitraries], params)(name, predicate)` declares a test that checks `predicate` for `numRuns` generated
 * inputs; a failure names the seed and the shrunk counterexample.
 */
export function prop<Ts extends [unknown, ...unknown[]]>(arbitraries: Arbitraries<Ts>, params: fc.Parameters<Ts> = {}) {
  return (name: string, predicate: (...args: Ts) => boolean | void): void => {
    it(name, () => {
      fc.assert(fc.property<Ts>(...arbitraries, predicate), params);
    });
  };
}
