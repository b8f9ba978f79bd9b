/**
 * The benchmark report's pure pieces: charts and the record that keeps the figure a new one
 * replaces. The scenarios themselves run in the benchmark smoke test (tests/bench/).
 */
import { describe, expect, it } from 'vitest';
import { summary } from '../../bench/scale/render.ts';
import { record, type Results, type Stamp } from '../../bench/scale/results.ts';
import { lineChart } from '../../bench/scale/svg.ts';

const STAMP: Stamp = {
  at: '2026-01-01 00:00',
  commit: 'abc1234',
  load1: 0.4,
  cpu: 'test CPU, 2 cores',
};

describe('report pieces', () => {
  it('draws a chart with every series, axis labels and the target line', () => {
    const svg = lineChart({
      title: 'Search p95',
      xLabel: 'relationships',
      yLabel: 'ms',
      logX: true,
      logY: true,
      series: [
        {
          name: 'all texts',
          points: [
            { x: 10_000, y: 4 },
            { x: 1_000_000, y: 40 },
          ],
        },
        {
          name: 'index <answers>',
          points: [
            { x: 10_000, y: 3 },
            { x: 1_000_000, y: Number.NaN },
          ],
        },
      ],
      targets: [{ y: 50, label: 'target 50 ms' }],
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('all texts');
    expect(svg).toContain('index &lt;answers&gt;');
    expect(svg).toContain('target 50 ms');
    expect(svg).toContain('1M');
    expect(svg.match(/<circle /g)).toHaveLength(3); // the NaN point is left out
    expect(svg).not.toMatch(/NaN/);
  });

  it('keeps the figure a new one replaces, and marks missed targets', () => {
    const results: Results = {};
    const memory = (mb: number) => ({ apiPeakRssMb: mb, ...STAMP });
    record(results, 'memory', '1000', memory(120));
    record(results, 'memory', '1000', memory(320));
    expect(results.memory?.['1000']?.apiPeakRssMb).toBe(320);
    expect(results.previous?.memory?.['1000']?.apiPeakRssMb).toBe(120);
    const table = summary(results).markdown;
    expect(table).toMatch(/API RSS < 300 MB \| 1k \| peak 320 MB \| \*\*missed\*\* \| 120 MB \|/);
  });
});
