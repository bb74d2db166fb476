import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

describe('stored tier tables and order rules', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('keyed by market alone (version 1) are renamed to market keys once', async () => {
    await fakeBrowser.storage.local.set({
      fetchedTiers: { usdm: { fetchedAt: 1 }, 'binance:coinm': { fetchedAt: 2 } },
      symbolRules: { coinm: { fetchedAt: 3 } },
    });
    // The items migrate as they are defined: the module is first loaded here, after the old copies were written.
    const { fetchedTiers, symbolRules } = await import('@/lib/protocol/storage');
    expect(await fetchedTiers.getValue()).toEqual({ 'binance:usdm': { fetchedAt: 1 }, 'binance:coinm': { fetchedAt: 2 } });
    expect(await symbolRules.getValue()).toEqual({ 'binance:coinm': { fetchedAt: 3 } });
    expect(await fakeBrowser.storage.local.get('fetchedTiers$')).toEqual({ fetchedTiers$: { v: 2 } });
  });
});
