import { performance } from 'node:perf_hooks';

export interface Figure {
  name: string;
  unit: 'ms' | 'KB';
  median: number;
  p95: number;
  runs: number;
  goal?: number;
  note?: string;
}

/** Runs `work` once to warm up, then `runs` times; reports the median and 95th percentile in milliseconds. */
export function measure(name: string, unit: 'ms', goal: number | undefined, runs: number, work: () => unknown, note?: string): Figure {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { name, unit, median: at(0.5), p95: at(0.95), runs, goal, note };
}
