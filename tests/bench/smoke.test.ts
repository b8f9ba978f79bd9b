/**
 * The scale benchmarks at smoke size, so the scripts keep working: every database scenario once
 * against the suite's Neo4j (1,000 relationships, one iteration), the client scenario on a tiny
 * scene in headless Chromium, and the report written to a scratch file. Nothing here asserts a
 * timing; it asserts that each scenario measured what it claims to measure. It takes minutes, so
 * it runs only on request: `npm run test:bench`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../bench/scale/render.ts';
import type { Results } from '../../bench/scale/results.ts';
import { SMOKE, runSuite } from '../../bench/scale/suite.ts';
import { CHROMIUM_PATH } from '../../bench/scale/client.ts';
import { externalBenchDatabase } from '../../bench/scale/target.ts';
import { clearDatabase, openTestDatabase, testTarget } from '../support/neo4j.ts';

describe('scale benchmarks at smoke size', () => {
  const db = () => openTestDatabase();
  let cleanup: ReturnType<typeof openTestDatabase>;
  const results: Results = {};
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'summit-bench-'));

  beforeAll(async () => {
    cleanup = db();
    await clearDatabase(cleanup);
  });

  afterAll(async () => {
    await clearDatabase(cleanup);
    await cleanup.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('runs every database scenario once on a 1,000-relationship graph', async () => {
    const lines: string[] = [];
    await runSuite(
      {
        scenarios: ['load', 'neighbourhood', 'search', 'paths', 'payload', 'concurrency', 'soak'],
        sizes: [1_000],
        seed: 'smoke',
        effort: SMOKE,
        tune: false,
        external: () => externalBenchDatabase(testTarget()),
        progress: (line) => lines.push(line),
      },
      results,
    );
    const load = results.load?.['1000'];
    expect(load?.nodes).toBeGreaterThan(100);
    expect(load?.oneRow?.rows).toBe(SMOKE.oneRow);
    expect(load?.relsPerSecond).toBeGreaterThan(0);

    const hood = results.neighbourhood?.['1000'];
    expect(hood?.classes.map((c) => c.class)).toEqual(['median', 'p99', 'hub']);
    const hub = hood!.classes[2]!;
    expect(hub.returned).toBe(Math.min(100, hub.degree));
    expect(hub.total).toBe(hub.degree);
    expect(hub.api.n).toBe(SMOKE.repeats);
    expect(Number.isFinite(hub.ratioP50)).toBe(true);

    const search = results.search?.['1000'];
    expect(search?.kinds.find((k) => k.kind === 'exact')?.found).toBe(1);
    expect(search?.kinds.find((k) => k.kind === 'no match')?.found).toBe(0);

    const paths = results.paths?.['1000'];
    expect(paths?.connected.n).toBe(SMOKE.pathPairs);
    expect(paths?.unreachable).toHaveLength(3);
    for (const u of paths!.unreachable) {
      expect(u.status).toBe(200);
      expect(u.answer).toMatch(/^No path between .* within 8 hops\.$/);
    }

    expect(results.payload?.['1000']?.points.map((p) => p.elements)).toEqual(SMOKE.payloadSizes);
    expect(results.concurrency?.['1000']?.points.map((p) => p.clients)).toEqual(
      SMOKE.concurrencyLevels,
    );
    expect(
      results.concurrency?.['1000']?.points.every((p) => p.requests > 0 && p.errors === 0),
    ).toBe(true);

    const soak = results.soak?.['1000'];
    expect(soak?.requests).toBe(SMOKE.soakRequests);
    expect(soak?.errors).toBe(0);
    expect(soak?.statuses).toEqual({});
    expect(soak?.openSessionsAfter).toBe(0);
    expect(soak?.openTransactionsAfter).toBe(0);
    expect(soak?.sessionsOpened).toBeGreaterThanOrEqual(SMOKE.soakRequests);
    expect(results.memory?.['1000']?.apiPeakRssMb).toBeGreaterThan(20);
  }, 300_000);

  it.skipIf(!fs.existsSync(CHROMIUM_PATH))(
    'measures our canvas and bare Cytoscape in headless Chromium',
    async () => {
      await runSuite(
        {
          scenarios: ['client'],
          sizes: [],
          seed: 'smoke',
          effort: SMOKE,
          tune: false,
          progress: () => {},
        },
        results,
      );
      const client = results.client?.any;
      expect(client?.points.map((p) => p.renderer)).toEqual(['canvas', 'webgl']);
      for (const p of client!.points) {
        expect(p.elements).toBeLessThanOrEqual(SMOKE.clientSizes[0]!);
        expect(p.ours.frames).toBeGreaterThan(0);
        expect(p.bare.frames).toBe(p.ours.frames);
        // Redraws are counted (a few smoke frames may pass without one on a busy machine).
        expect(p.ours.rendersPerSecond).toBeGreaterThanOrEqual(0);
        expect(p.bare.rendersPerSecond).toBeGreaterThanOrEqual(0);
        expect(p.ours.firstRenderMs).toBeGreaterThan(0);
      }
      expect(client?.layout.nodes).toBe(1_000);
      expect(client?.expand.map((e) => e.added)).toEqual([100, 100]);
      expect(client!.expand[0]!.sceneElements).toBeLessThan(client!.expand[1]!.sceneElements);
    },
    180_000,
  );

  it('writes every section and chart of the report', () => {
    const markdown = path.join(scratch, 'benchmarks.md');
    const charts = writeReport(results, { markdown, chartsDir: scratch });
    const text = fs.readFileSync(markdown, 'utf8');
    for (const id of [
      'summary',
      'load',
      'neighbourhood',
      'search',
      'paths',
      'payload',
      'concurrency',
      'client',
      'soak',
    ]) {
      expect(text).toContain(`<!-- scale-${id}:start -->`);
    }
    expect(text).toMatch(/\| neighbours API\/driver \(hub, degree [\d,]+\)/);
    expect(charts.map((c) => path.basename(c))).toEqual(
      expect.arrayContaining([
        'neighbourhood-latency.svg',
        'search-latency.svg',
        'paths-latency.svg',
        'concurrency-p99.svg',
      ]),
    );
    // A second write replaces the sections rather than appending them again.
    writeReport(results, { markdown, chartsDir: scratch });
    expect(fs.readFileSync(markdown, 'utf8').split('<!-- scale-load:start -->')).toHaveLength(2);
  });
});
