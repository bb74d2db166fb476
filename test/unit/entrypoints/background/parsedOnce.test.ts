import { describe, expect, it } from 'vitest';

import { keptItem, parsedOnce } from '@/entrypoints/background/parsedOnce';

/** A stored item that counts its reads and writes, and fails the reads it is told to. */
function storedItem<T>(initial: T) {
  const item = {
    stored: initial,
    reads: 0,
    writes: 0,
    failReads: 0,
    async getValue() {
      item.reads++;
      if (item.failReads > 0) {
        item.failReads--;
        throw new Error('storage unavailable');
      }
      return structuredClone(item.stored);
    },
    async setValue(value: T) {
      item.writes++;
      item.stored = structuredClone(value);
    },
  };
  return item;
}

describe('parsedOnce', () => {
  it('reads once, again after forget, and gives what it was told to keep without reading', async () => {
    let reads = 0;
    const value = parsedOnce(async () => ++reads);
    expect([await value.get(), await value.get()]).toEqual([1, 1]);
    value.forget();
    expect(await value.get()).toBe(2);
    value.keep(10);
    expect(await value.get()).toBe(10);
    expect(reads).toBe(2);
  });
});

describe('keptItem', () => {
  it('reads storage once; each write goes to storage and is what later reads give', async () => {
    const stored = storedItem<Record<string, number>>({ a: 1 });
    const kept = keptItem(stored);
    expect(await kept.getValue()).toEqual({ a: 1 });
    expect(await kept.getValue()).toEqual({ a: 1 });
    await kept.setValue({ a: 2 });
    expect(await kept.getValue()).toEqual({ a: 2 });
    expect(stored.stored).toEqual({ a: 2 });
    expect([stored.reads, stored.writes]).toEqual([1, 1]);
  });

  it('a worker started afresh reads what the last one wrote', async () => {
    const stored = storedItem<number[]>([]);
    await keptItem(stored).setValue([7]);
    expect(await keptItem(stored).getValue()).toEqual([7]);
  });

  it('does not keep a failed read: the next one asks storage again', async () => {
    const stored = storedItem('x');
    stored.failReads = 1;
    const kept = keptItem(stored);
    await expect(kept.getValue()).rejects.toThrow('storage unavailable');
    expect(await kept.getValue()).toBe('x');
    expect(stored.reads).toBe(2);
  });
});
