/**
 * What the page objects need of a browser driver: run a function there, with one argument, and get its result.
 * Playwright's `Page` and `Worker` and Puppeteer's `Page` all can, so the same page objects serve the Chromium
 * and the Firefox tests.
 */
export interface Evaluator {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/** Any driver's page or worker as an `Evaluator` (their `evaluate` signatures differ only in their types). */
export function evaluator(on: { evaluate: (...args: never[]) => Promise<unknown> }): Evaluator {
  const evaluate = on.evaluate as (...args: unknown[]) => Promise<never>;
  return { evaluate: (fn, arg) => evaluate.call(on, fn, arg) };
}
