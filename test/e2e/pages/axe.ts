import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { evaluator } from './driver';

/**
 * axe-core's browser build, evaluated in the page as a script string through the driver, which no page's CSP
 * refuses (an extension page refuses an inline script tag and `eval`).
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's colour-contrast check (WCAG AA: 4.5:1 for text) over `selector` and its open shadow root, or the whole
 * page: each failing node with its contrast, none when the text is readable.
 */
export async function contrastViolations(page: Parameters<typeof evaluator>[0], selector: string | null = null): Promise<string[]> {
  const driver = evaluator(page);
  if (!(await driver.evaluate(() => 'axe' in globalThis, undefined)))
    await (page.evaluate as (script: string) => Promise<unknown>).call(page, AXE_SOURCE);
  return driver.evaluate(async (include: string | null) => {
    type Result = { violations: { nodes: { target: unknown[]; any: { message: string }[] }[] }[] };
    const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }).axe;
    const result = await axe.run(include ? { include: [[include]] } : document, { runOnly: { type: 'rule', values: ['color-contrast'] } });
    return result.violations.flatMap((violation) =>
      violation.nodes.map((node) => `${JSON.stringify(node.target)}: ${node.any.map((check) => check.message).join('; ')}`),
    );
  }, selector);
}
