import { describe, expect, it } from 'vitest';

import { memoByText } from '@/lib/core/memo';

describe('memoByText', () => {
  it('computes a text once, remembers undefined results too, and forgets everything when full', () => {
    const seen: string[] = [];
    const length = memoByText((text) => {
      seen.push(text);
      return text === 'none' ? undefined : text.length;
    }, 3);
    expect([length('a'), length('bb'), length('a'), length('none'), length('none')]).toEqual([1, 2, 1, undefined, undefined]);
    expect(seen).toEqual(['a', 'bb', 'none']);
    // Full at three texts: the fourth starts afresh, so 'a' is computed again.
    expect(length('cccc')).toBe(4);
    expect(length('a')).toBe(1);
    expect(seen).toEqual(['a', 'bb', 'none', 'cccc', 'a']);
  });
});
