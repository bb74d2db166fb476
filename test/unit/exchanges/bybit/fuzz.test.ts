/** Bybit's reader under the seeded fuzzer (`../pageFuzz.ts`): its positions `<table>`, one-way, hedge and inverse. */
import { describe, it } from 'vitest';

import { readBybitPage } from '@/lib/exchanges/bybit/page/reader';

import { fixtures } from '../../../fixtures/bybit';
import { FUZZ_TIMEOUT_MS, fuzz, matches, VARIANTS_PER_PAGE, type ListOf } from '../pageFuzz';

const list: ListOf = (document) => ({ header: document.querySelector('thead > tr'), rows: [...document.querySelectorAll('tbody > tr')] });

describe('Bybit reader contract under mutation (seeded fuzzer)', () => {
  for (const name of ['en-linear-one-way', 'en-linear-hedge', 'en-inverse', 'en-linear-split-header']) {
    it(
      `${name}: ${VARIANTS_PER_PAGE} variants, never a wrong value`,
      () => {
        const fixture = fixtures.find((f) => f.name === name)!;
        fuzz(
          { fixture, reader: readBybitPage, list },
          6007,
          (s) => s.positions,
          (s) => s?.positions ?? [],
          matches,
        );
      },
      FUZZ_TIMEOUT_MS,
    );
  }
});
