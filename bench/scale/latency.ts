/** Latency summaries shared by the scenarios. */
import { median, percentile } from '../report.ts';

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarise(samples: readonly number[]): Latency {
  const values = [...samples];
  return {
    n: values.length,
    p50: median(values),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: values.length > 0 ? Math.max(...values) : Number.NaN,
  };
}

/** Milliseconds with the precision that matters at that magnitude. */
export function ms(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return Math.round(value).toLocaleString('en');
}

export const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
