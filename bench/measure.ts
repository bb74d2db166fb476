import { performance } from 'node:perf_hooks';

export interface Figure {
  name: string;
  unit: 'ms' | 'KB' | 'count';
  median: number;
  p95: number;
  runs: number;
  goal?: number;
  note?: string;
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
/** The middle value; for an even count, the mean of the two middle ones (not the upper one: that leans high). */
export function median(values: number[]): number {
  const ordered = sorted(values);
  const middle = Math.floor(ordered.length / 2);
  return ordered.length % 2 === 1 ? ordered[middle]! : (ordered[middle - 1]! + ordered[middle]!) / 2;
}

export const mean = (values: number[]) => values.reduce((total, value) => total + value, 0) / values.length;

/** The mean and its standard error: for paired differences, how far the true mean may be from the measured one. */
export function meanWithError(values: number[]): { mean: number; error: number } {
  const average = mean(values);
  const variance = values.reduce((total, value) => total + (value - average) ** 2, 0) / (values.length - 1);
  return { mean: average, error: Math.sqrt(variance / values.length) };
}

export const p95 = (values: number[]) => sorted(values)[Math.min(values.length - 1, Math.floor(values.length * 0.95))]!;

/** Runs `work` once to warm up, then `runs` times; reports the median and 95th percentile in milliseconds. */
export function measure(name: string, unit: 'ms', goal: number | undefined, runs: number, work: () => unknown, note?: string): Figure {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return { name, unit, median: median(times), p95: p95(times), runs, goal, note };
}
