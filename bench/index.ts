/**
 * `npm run bench`: performance figures, printed side by side and written as JSON. Figures, not assertions:
 * these machines are noisy, so no test fails on a number.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { benchAlerts } from './alerts';
import { benchOverhead, benchOverheadOthers } from './overhead';
import { benchPage } from './page';
import type { Figure } from './measure';
import { benchRisk } from './risk';

/** Each part of the bench; `npm run bench -- --only page` runs one (the whole took about 22 minutes before `overhead-others`, which takes about 12). */
const PARTS: Record<string, () => Figure[] | Promise<Figure[]>> = {
  risk: benchRisk,
  page: benchPage,
  alerts: benchAlerts,
  overhead: benchOverhead,
  'overhead-others': benchOverheadOthers,
};
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (only !== undefined && !(only in PARTS)) throw new Error(`no bench part "${only}": try ${Object.keys(PARTS).join(', ')}`);
const figures: Figure[] = [];
for (const [name, part] of Object.entries(PARTS)) if (only === undefined || name === only) figures.push(...(await part()));

const rows = figures.map((f) => ({
  figure: f.name,
  median: `${f.median.toFixed(2)} ${f.unit}`,
  p95: `${f.p95.toFixed(2)} ${f.unit}`,
  goal: f.goal === undefined ? '' : `≤ ${Number(f.goal.toFixed(2))} ${f.unit}`,
  runs: f.runs,
  note: f.note ?? '',
}));
console.table(rows);

const out = resolve(import.meta.dirname, '../bench-output');
mkdirSync(out, { recursive: true });
const report = resolve(out, 'bench.json');
writeFileSync(report, JSON.stringify({ date: new Date().toISOString(), node: process.version, figures }, null, 2));
console.log(`Report: ${report}`);
