/**
 * Turns the recorded results into the scale sections of docs/benchmarks.md: a table of targets
 * with what was measured (and what it replaced), then one section per scenario, each saying
 * when, on which commit and under what machine load its figures were taken.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatCount } from '../../tools/gen/sizes.ts';
import { writeSection } from '../report.ts';
import { ms } from './latency.ts';
import type { Results, ScenarioName, ScenarioResults, Stamp } from './results.ts';
import { renderScenarioSections } from './sections.ts';

export interface Section {
  id: string;
  markdown: string;
}

type Entry<K extends ScenarioName> = ScenarioResults[K] & Stamp;

const sizesOf = <K extends ScenarioName>(table: Record<string, Entry<K>> | undefined) =>
  Object.keys(table ?? {})
    .filter((k) => k !== 'any')
    .map(Number)
    .sort((a, b) => a - b);

/** [size, entry] pairs of a scenario's table, smallest graph first. */
function sized<T>(table: Record<string, T> | undefined): [number, T][] {
  return Object.entries(table ?? {})
    .filter(([k]) => k !== 'any')
    .map(([k, v]) => [Number(k), v] as [number, T])
    .sort((a, b) => a[0] - b[0]);
}

const n = (value: number, digits = 0) =>
  Number.isFinite(value) ? value.toLocaleString('en', { maximumFractionDigits: digits }) : '–';
const x = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');
const pass = (ok: boolean | undefined) => (ok === undefined ? '–' : ok ? 'met' : '**missed**');
const notOk = (run: { errors: number; statuses: Record<string, number> }) =>
  run.errors + Object.values(run.statuses).reduce((a, b) => a + b, 0);

interface TargetRow {
  target: string;
  size: string;
  measured: string;
  ok: boolean | undefined;
  previous?: string;
}

export function summary(results: Results): Section {
  const rows: TargetRow[] = [];
  const prev = results.previous ?? {};
  for (const [size, load] of sized(results.load)) {
    const before = prev.load?.[size];
    rows.push({
      target: 'load ≥ 50,000 rels/s batched',
      size: formatCount(size),
      measured: `${n(load.relsPerSecond)} rels/s (one-row: ${n(load.oneRow?.perSecond ?? NaN)})`,
      ok: load.relsPerSecond >= 50_000,
      ...(before ? { previous: n(before.relsPerSecond) } : {}),
    });
  }
  const hood = results.neighbourhood ?? {};
  for (const size of sizesOf(hood)) {
    for (const c of hood[size]!.classes) {
      const before = prev.neighbourhood?.[size]?.classes.find((b) => b.class === c.class);
      rows.push({
        target: `neighbours API/driver (${c.class}, degree ${n(c.degree)}): p50 ≤ 1.3, p95 ≤ 1.5`,
        size: formatCount(size),
        measured: `p50 ${x(c.ratioP50)}, p95 ${x(c.ratioP95)} (API p50 ${ms(c.api.p50)} ms)`,
        ok: c.ratioP50 <= 1.3 && c.ratioP95 <= 1.5,
        ...(before ? { previous: `${x(before.ratioP50)}, ${x(before.ratioP95)}` } : {}),
      });
    }
  }
  const sizes = sizesOf(hood);
  const smallest = sizes[0];
  const largest = sizes[sizes.length - 1];
  if (smallest !== undefined && largest !== undefined && largest > smallest) {
    const p50 = (size: number) => hood[size]!.classes.find((c) => c.class === 'median')!.api.p50;
    const growth = p50(largest) / p50(smallest);
    rows.push({
      target: `neighbours p50 at ${formatCount(largest)} ≤ 2 × p50 at ${formatCount(smallest)} (median node)`,
      size: `${formatCount(smallest)}→${formatCount(largest)}`,
      measured: `${ms(p50(smallest))} → ${ms(p50(largest))} ms (${x(growth)})`,
      ok: growth <= 2,
    });
  }
  for (const [size, search] of sized(results.search)) {
    rows.push({
      target: 'search p95 ≤ 50 ms (at 1M)',
      size: formatCount(size),
      measured: `${ms(search.all.p95)} ms all texts; ${ms(search.matching.p95)} ms texts the index answers`,
      ok: size >= 1_000_000 ? search.all.p95 <= 50 : undefined,
      ...(prev.search?.[size] ? { previous: ms(prev.search[size]!.all.p95) } : {}),
    });
  }
  for (const [size, paths] of sized(results.paths)) {
    rows.push({
      target: 'paths p95 ≤ 200 ms (at 100k); no-path pairs answer clearly',
      size: formatCount(size),
      measured: `${ms(paths.connected.p95)} ms, ${paths.timeouts ?? 0} query timeouts; no path: ${paths.unreachable.map((u) => `${u.status} in ${ms(u.ms)} ms`).join(', ')}`,
      ok:
        size === 100_000
          ? paths.connected.p95 <= 200 &&
            paths.unreachable.every((u) => u.status === 200 || u.status === 504)
          : undefined,
      ...(prev.paths?.[size] ? { previous: ms(prev.paths[size]!.connected.p95) } : {}),
    });
  }
  const client = results.client?.any;
  if (client) {
    for (const p of client.points) {
      const software = p.renderer === 'webgl' ? ' (WebGL in software: informational)' : '';
      rows.push({
        target: `${p.renderer} frame time ≤ 1.2 × bare Cytoscape${software}`,
        size: `${n(p.elements)} elements`,
        measured: `${x(p.frameRatio)} (${ms(p.ours.frameMs)} vs ${ms(p.bare.frameMs)} ms)`,
        ok: p.renderer === 'canvas' ? p.frameRatio <= 1.2 : undefined,
      });
      rows.push({
        target: `${p.renderer} first render ≤ 1.2 × bare Cytoscape${software}`,
        size: `${n(p.elements)} elements`,
        measured: `${x(p.firstRenderRatio)} (${ms(p.ours.firstRenderMs)} vs ${ms(p.bare.firstRenderMs)} ms)`,
        ok: p.renderer === 'canvas' ? p.firstRenderRatio <= 1.2 : undefined,
      });
    }
    rows.push({
      target: 'draft layout of 1k nodes ≤ 1 s',
      size: `${n(client.layout.nodes)} nodes`,
      measured: `${ms(client.layout.draftMs)} ms`,
      ok: client.layout.draftMs <= 1000,
    });
    for (const e of client.expand) {
      rows.push({
        target: 'no long task > 50 ms while expanding ≤ 100 nodes',
        size: `${n(e.sceneElements)} + ${e.added}`,
        measured:
          e.longTasks === 0
            ? 'no task over 50 ms'
            : `longest ${ms(e.longestTaskMs)} ms (${e.longTasks} over 50 ms)`,
        ok: e.longestTaskMs <= 50,
      });
    }
  }
  for (const [size, soak] of sized(results.soak)) {
    rows.push({
      target: 'soak: heap growth ≤ 5 % after GC, no leaked sessions',
      size: formatCount(size),
      measured: `${(soak.heapGrowth * 100).toFixed(1)} %, ${soak.openSessionsAfter} open sessions, ${soak.openTransactionsAfter} open transactions, ${notOk(soak)} errors or non-200`,
      ok:
        soak.heapGrowth <= 0.05 &&
        soak.openSessionsAfter === 0 &&
        soak.openTransactionsAfter === 0 &&
        notOk(soak) === 0,
    });
  }
  for (const [size, memory] of sized(results.memory)) {
    rows.push({
      target: 'API RSS < 300 MB',
      size: formatCount(size),
      measured: `peak ${n(memory.apiPeakRssMb)} MB`,
      ok: memory.apiPeakRssMb < 300,
      ...(prev.memory?.[size] ? { previous: `${n(prev.memory[size]!.apiPeakRssMb)} MB` } : {}),
    });
  }
  const table = [
    '| target | size | measured | status | previous |',
    '|---|---|---|---|---|',
    ...rows.map(
      (r) => `| ${r.target} | ${r.size} | ${r.measured} | ${pass(r.ok)} | ${r.previous ?? ''} |`,
    ),
  ];
  return {
    id: 'scale-summary',
    markdown: [
      '## Scale: targets at a glance',
      '',
      'Synthetic graphs from `npm run gen` (seeded, power-law degrees, hubs, evidence) at 10k, 100k and 1M',
      'relationships; `npm run bench` (see `bench/scale/`). Each scenario section below says when and under',
      'what load it was measured; "previous" is the figure the latest run replaced. Settings and findings:',
      '[docs/SCALE.md](SCALE.md).',
      '',
      ...table,
    ].join('\n'),
  };
}

/** Writes the summary and every scenario section, and the charts beside the markdown. */
export function writeReport(
  results: Results,
  files: { markdown: string; chartsDir: string },
): string[] {
  const written: string[] = [];
  const sections = [{ ...summary(results), charts: [] }, ...renderScenarioSections(results)];
  fs.mkdirSync(files.chartsDir, { recursive: true });
  for (const section of sections) {
    writeSection(section.id, section.markdown, files.markdown);
    for (const chart of section.charts) {
      const file = path.join(files.chartsDir, chart.file);
      fs.writeFileSync(file, chart.svg);
      written.push(file);
    }
  }
  return written;
}
