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
export const median = (values: number[]) => sorted(values)[Math.floor(values.length / 2)]!;
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
