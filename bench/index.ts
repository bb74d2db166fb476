/**
 * `npm run bench`: performance figures, printed side by side and written as JSON. Figures, not assertions:
 * these machines are noisy, so no test fails on a number.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { benchAlerts } from './alerts';
import { benchOverhead } from './overhead';
import { benchPage } from './page';
import { benchRisk } from './risk';

const figures = [...benchRisk(), ...(await benchPage()), ...(await benchAlerts()), ...(await benchOverhead())];

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
