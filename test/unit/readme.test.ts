import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { ADAPTERS } from '@/lib/exchanges';

const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');

/** The README's limitations table, as cells by row, keyed by its first cell ("Binance USD-M"). */
function limitations(): Map<string, string[]> {
  const section = readme.slice(readme.indexOf('## Limitations'), readme.indexOf('\n## ', readme.indexOf('## Limitations') + 1));
  const rows = section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---'));
  return new Map(
    rows
      .slice(1)
      .map((row) =>
        row
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      )
      .map((cells) => [cells[0]!, cells.slice(1)]),
  );
}

describe("the README's limitations table", () => {
  it("says what each adapter's capabilities say, for every market it lists", () => {
    const table = limitations();
    const expected = ADAPTERS.flatMap((adapter) => adapter.markets.map((market) => `${adapter.name} ${market.label}`));
    expect([...table.keys()]).toEqual(expected);
    for (const adapter of ADAPTERS) {
      for (const market of adapter.markets) {
        const [tiers, fundingPaid, openOrders] = table.get(`${adapter.name} ${market.label}`)!;
        const tierWord = { shipped: 'shipped', fetched: 'fetched', false: 'none' }[
          String(adapter.has.tiers[market.id]) as 'shipped' | 'fetched' | 'false'
        ];
        expect(tiers).toMatch(new RegExp(`^${tierWord}\\b`));
        expect(fundingPaid).toMatch(adapter.has.fundingPaid[market.id] === true ? /^yes\b/ : /^no\b/);
        expect(openOrders).toMatch(adapter.has.openOrders ? /^read\b/ : /^not read\b/);
      }
    }
  });
});
