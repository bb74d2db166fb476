/** Binance's reader under the seeded fuzzer (`../pageFuzz.ts`): its positions list and its open orders list. */
import { describe, it } from 'vitest';

import { readBinancePage } from '@/lib/exchanges/binance/page/reader';
import type { ReadOrder } from '@/lib/model/snapshot';

import { fixtures } from '../../../fixtures/binance';
import { FUZZ_TIMEOUT_MS, fuzz, matches, VARIANTS_PER_PAGE, type ListOf } from '../pageFuzz';

/** Binance's lists are div rows (`.list-item-container`) under a header row of cells. */
const list: ListOf = (document) => {
  const rows = [...document.querySelectorAll('.list-item-container')];
  return { header: rows[0]?.parentElement?.previousElementSibling ?? null, rows };
};
const page = (name: string) => ({ fixture: fixtures.find((f) => f.name === name)!, reader: readBinancePage, list });

const PAGES = ['en-usdm-cross-isolated', 'zh-CN-usdm', 'en-hedge-mode', 'en-columns-reordered', 'vi-usdm'];
/**
 * An order read from a mutated page: the page's own, with at most its trigger or reduce-only flag not read
 * (null). The type is free text, shown as the page wrote it, and not compared.
 */
function matchesOrder(read: ReadOrder, truth: ReadOrder): boolean {
  return (Object.keys(truth) as (keyof ReadOrder)[]).every(
    (key) =>
      key === 'row' ||
      key === 'type' ||
      read[key] === truth[key] ||
      ((key === 'triggerPrice' || key === 'reduceOnly') && read[key] === null),
  );
}

describe('reader contract under mutation (seeded fuzzer)', () => {
  for (const name of PAGES) {
    it(
      `${name}: ${VARIANTS_PER_PAGE} variants, never a wrong value`,
      () => {
        fuzz(
          page(name),
          7919,
          (s) => s.positions,
          (s) => s?.positions ?? [],
          matches,
        );
      },
      FUZZ_TIMEOUT_MS,
    );
  }
});

describe('open orders reader contract under mutation (seeded fuzzer)', () => {
  for (const name of ['en-open-orders', 'zh-CN-open-orders']) {
    it(
      `${name}: ${VARIANTS_PER_PAGE} variants, never a wrong order`,
      () => {
        fuzz(
          page(name),
          104729,
          (s) => s.openOrders!.orders,
          (s) => s?.openOrders?.orders ?? [],
          matchesOrder,
        );
      },
      FUZZ_TIMEOUT_MS,
    );
  }
});
