import { describe, expect, it } from 'vitest';

import { meanWithError, median, p95 } from '../../../bench/measure';

describe('the bench statistics', () => {
  it('takes the middle value, or the mean of the two middle ones for an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5])).toBe(5);
  });

  it('gives the mean with its standard error (sample standard deviation over √n)', () => {
    // Deviations −2, 0, 2: variance 8 / 2 = 4, standard deviation 2, error 2 / √3.
    const { mean, error } = meanWithError([1, 3, 5]);
    expect(mean).toBe(3);
    expect(error).toBeCloseTo(2 / Math.sqrt(3), 12);
  });

  it('takes the 95th percentile from the top of the sorted values', () => {
    expect(p95(Array.from({ length: 20 }, (_, i) => 20 - i))).toBe(20);
    expect(p95(Array.from({ length: 100 }, (_, i) => i + 1))).toBe(96);
  });
});
