/**
 * One docs/benchmarks.md section per scale scenario, with its charts (SVG files beside it in
 * docs/benchmarks/): latency against graph size per scenario, and frames per second against
 * element count, canvas vs WebGL.
 */
import { formatCount } from '../../tools/gen/sizes.ts';
import type { FrameStats } from './client.ts';
import { ms } from './latency.ts';
import type { Results, Stamp } from './results.ts';
import { lineChart, type Series } from './svg.ts';

export interface Chart {
  file: string;
  svg: string;
}

export interface Rendered {
  id: string;
  markdown: string;
  charts: Chart[];
}

const n = (value: number | undefined, digits = 0) =>
  value !== undefined && Number.isFinite(value)
    ? value.toLocaleString('en', { maximumFractionDigits: digits })
    : '–';
const x = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');

const sizes = (table: Record<string, unknown> | undefined) =>
  Object.keys(table ?? {})
    .filter((k) => k !== 'any')
    .map(Number)
    .sort((a, b) => a - b);

/** When and under what load the figures of a section were measured. */
export function measuredLine(entries: [string, Stamp][]): string {
  if (entries.length === 0) return '';
  const parts = entries.map(
    ([label, s]) => `${label}: ${s.at} UTC, commit ${s.commit}, load average ${s.load1.toFixed(2)}`,
  );
  const busiest = Math.max(...entries.map(([, s]) => s.load1));
  const note =
    busiest > 1.5
      ? ` Other work was running on the machine during part of this (1-minute load average up to ${busiest.toFixed(2)} on 2 cores): treat these figures as pessimistic.`
      : '';
  return `_Measured ${parts.join('; ')}.${note}_`;
}

const stampsOf = (table: Record<string, Stamp> | undefined) =>
  sizes(table).map((size) => [formatCount(size), table![String(size)]!] as [string, Stamp]);

const sizeAxis = { logX: true, xLabel: 'relationships in the graph', formatX: formatCount };

function loadSection(results: Results): Rendered {
  const load = results.load ?? {};
  const rows = sizes(load).map((size) => {
    const l = load[size]!;
    const ratio = l.oneRow ? l.relsPerSecond / l.oneRow.perSecond : NaN;
    return `| ${formatCount(size)} | ${n(l.nodes)} | **${n(l.relsPerSecond)}** | ${n(l.nodesPerSecond)} | ${n(l.oneRow?.perSecond)} (${n(l.oneRow?.rows)} rows) | ${n(ratio)}× | ${n(l.fulltextMs / 1000, 1)} s | ${n(l.totalMs / 1000, 1)} s | ${n(l.storeMb)} MB | ${n(l.neo4jCores, 2)} | ${l.degree.max.toLocaleString('en')} (${l.hubsOver10k} ≥ 10k) | ${l.adminImport ? `${n(l.adminImport.relsPerSecond)} rels/s; ${n(l.adminImport.totalMs / 1000, 1)} s with CSV, restart and schema` : '–'} |`;
  });
  const tuning = results.batchSizes ?? {};
  const tuningRows = sizes(tuning).flatMap((size) =>
    tuning[size]!.points.map(
      (p) =>
        `| ${formatCount(size)} | ${n(p.batchSize)} | ${n(p.relsPerSecond)} | ${n(p.nodesPerSecond)} |`,
    ),
  );
  const charts: Chart[] = [];
  if (tuningRows.length > 0) {
    charts.push({
      file: 'load-batch-size.svg',
      svg: lineChart({
        title: 'Load: relationships/s by batch size',
        xLabel: 'rows per UNWIND statement',
        yLabel: 'relationships/s',
        logX: true,
        series: sizes(tuning).map((size) => ({
          name: `${formatCount(size)} graph`,
          points: tuning[size]!.points.map((p) => ({ x: p.batchSize, y: p.relsPerSecond })),
        })),
        targets: [{ y: 50_000, label: 'target 50,000/s' }],
      }),
    });
  }
  return {
    id: 'scale-load',
    charts,
    markdown: [
      '### Scale 1: load',
      '',
      'A generated graph streamed into an empty store (fresh bench instance) with batched `UNWIND … CREATE`',
      '(one fixed text per node base label and per endpoint-label pair, 10,000 rows per statement; constraints',
      'first, full-text index after). The first relationships of the same load go one row per transaction.',
      'For comparison, the same graph through `neo4j-admin database import full` (offline, instance stopped).',
      '',
      '| size | nodes | rels/s batched | nodes/s | rels/s one row per tx | batched ÷ one-row | full-text index | total | store | Neo4j cores busy | max degree | neo4j-admin import |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|',
      ...rows,
      ...(tuningRows.length > 0
        ? [
            '',
            '| graph | batch size | rels/s | nodes/s |',
            '|---|---|---|---|',
            ...tuningRows,
            '',
            '![load by batch size](benchmarks/load-batch-size.svg)',
          ]
        : []),
      '',
      measuredLine([
        ...stampsOf(load),
        ...stampsOf(tuning).map(([l, s]) => [`batch sizes ${l}`, s] as [string, Stamp]),
      ]),
    ].join('\n'),
  };
}

function neighbourhoodSection(results: Results): Rendered {
  const hood = results.neighbourhood ?? {};
  const rows = sizes(hood).flatMap((size) =>
    hood[size]!.classes.map(
      (c) =>
        `| ${formatCount(size)} | ${c.class} | ${n(c.degree)} | ${ms(c.api.p50)} / ${ms(c.api.p95)} / ${ms(c.api.p99)} | ${ms(c.driver.p50)} / ${ms(c.driver.p95)} / ${ms(c.driver.p99)} | ${x(c.ratioP50)} | ${x(c.ratioP95)} | ${c.returned} of ${n(c.total)} | ${n(c.responseBytes)} |`,
    ),
  );
  const classes = ['median', 'p99', 'hub'] as const;
  const series: Series[] = classes.flatMap((cls) => [
    {
      name: `API, ${cls}`,
      points: sizes(hood).map((size) => ({
        x: size,
        y: hood[size]!.classes.find((c) => c.class === cls)!.api.p50,
      })),
    },
    {
      name: `driver, ${cls}`,
      points: sizes(hood).map((size) => ({
        x: size,
        y: hood[size]!.classes.find((c) => c.class === cls)!.driver.p50,
      })),
    },
  ]);
  return {
    id: 'scale-neighbourhood',
    charts: [
      {
        file: 'neighbourhood-latency.svg',
        svg: lineChart({
          title: 'Neighbourhood p50 by graph size',
          yLabel: 'ms',
          logY: true,
          series,
          ...sizeAxis,
        }),
      },
    ],
    markdown: [
      '### Scale 2: neighbourhood, API vs driver',
      '',
      '`GET /api/nodes/:id/neighbours` (first page of 100, both directions, all types) against the raw driver',
      'running the same Cypher and parameters in a managed read transaction, interleaved, for the entity of',
      'median degree, of the 99th percentile and of the largest degree. API over loopback HTTP (keep-alive)',
      'to the API in its own process, request logging on; the API time ends with the JSON parsed.',
      '',
      '| size | start node | degree | API p50 / p95 / p99 ms | driver p50 / p95 / p99 ms | p50 ratio | p95 ratio | page | bytes |',
      '|---|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
      '![neighbourhood latency](benchmarks/neighbourhood-latency.svg)',
      '',
      measuredLine(stampsOf(hood)),
    ].join('\n'),
  };
}

function searchSection(results: Results): Rendered {
  const search = results.search ?? {};
  const rows = sizes(search).flatMap((size) => [
    ...search[size]!.kinds.map(
      (k) =>
        `| ${formatCount(size)} | ${k.kind} | ${ms(k.latency.p50)} | ${ms(k.latency.p95)} | ${n(k.found * 100)} % | ${n(k.fulltext * 100)} % |`,
    ),
    `| ${formatCount(size)} | **all** | ${ms(search[size]!.all.p50)} | **${ms(search[size]!.all.p95)}** | | |`,
  ]);
  return {
    id: 'scale-search',
    charts: [
      {
        file: 'search-latency.svg',
        svg: lineChart({
          title: 'Search p95 by graph size',
          yLabel: 'ms',
          logY: true,
          targets: [{ y: 50, label: 'target 50 ms (1M)' }],
          series: [
            {
              name: 'all texts',
              points: sizes(search).map((s) => ({ x: s, y: search[s]!.all.p95 })),
            },
            {
              name: 'index answers',
              points: sizes(search).map((s) => ({ x: s, y: search[s]!.matching.p95 })),
            },
          ],
          ...sizeAxis,
        }),
      },
    ],
    markdown: [
      '### Scale 3: search',
      '',
      '`GET /api/search?q=` with 20 texts of each kind built from names in the graph; "no match" texts find',
      'nothing: the entity index, then the source indexes are asked, by word and inside words, and a',
      'bounded property scan runs only over labels no folding index covers ("by full-text": answered',
      'without the scan).',
      '',
      '| size | kind | p50 ms | p95 ms | found | by full-text |',
      '|---|---|---|---|---|---|',
      ...rows,
      '',
      '![search latency](benchmarks/search-latency.svg)',
      '',
      measuredLine(stampsOf(search)),
    ].join('\n'),
  };
}

function pathsSection(results: Results): Rendered {
  const paths = results.paths ?? {};
  const rows = sizes(paths).map((size) => {
    const p = paths[size]!;
    return `| ${formatCount(size)} | ${ms(p.connected.p50)} | **${ms(p.connected.p95)}** | ${ms(p.connected.max)} | ${n(p.timeouts ?? 0)} of ${n(p.connected.n)} | ${n(p.found * 100)} % | ${n(p.meanHops, 1)} |`;
  });
  const unreachable = sizes(paths).flatMap((size) =>
    paths[size]!.unreachable.map(
      (u) =>
        `| ${formatCount(size)} | ${u.from} → ${u.to} | ${u.maxLength} | ${u.status} | ${ms(u.ms)} | ${u.answer} |`,
    ),
  );
  return {
    id: 'scale-paths',
    charts: [
      {
        file: 'paths-latency.svg',
        svg: lineChart({
          title: 'Paths p95 by graph size',
          yLabel: 'ms',
          logY: true,
          targets: [{ y: 200, label: 'target 200 ms (100k)' }],
          series: [
            {
              name: 'p50',
              points: sizes(paths).map((s) => ({ x: s, y: paths[s]!.connected.p50 })),
            },
            {
              name: 'p95',
              points: sizes(paths).map((s) => ({ x: s, y: paths[s]!.connected.p95 })),
            },
          ],
          ...sizeAxis,
        }),
      },
    ],
    markdown: [
      '### Scale 4: paths',
      '',
      '`GET /api/paths` between random pairs of entities with the API defaults (up to 3 paths, at most 4 hops),',
      'two rounds over 40 pairs or 4 minutes, whichever ends first, and from each island country (a component',
      "of its own) to the largest hub at the longest length allowed. The API's query timeout is 15 s.",
      '',
      '| size | p50 ms | p95 ms | max ms | query timeouts (504) | pairs with a path | mean hops |',
      '|---|---|---|---|---|---|---|',
      ...rows,
      '',
      '| size | pair with no path | max hops | status | ms | answer |',
      '|---|---|---|---|---|---|',
      ...unreachable,
      '',
      '![paths latency](benchmarks/paths-latency.svg)',
      '',
      measuredLine(stampsOf(paths)),
    ].join('\n'),
  };
}

function payloadSection(results: Results): Rendered {
  const payload = results.payload ?? {};
  const rows = sizes(payload).flatMap((size) =>
    payload[size]!.points.map(
      (p) =>
        `| ${formatCount(size)} | ${n(p.elements)} | ${n(p.bytes)} | ${n(p.bytesPerElement)} | ${n(p.gzipBytesPerElement)} | ${ms(p.encodeMs)} | ${ms(p.stringifyMs)} | ${n(((p.encodeMs + p.stringifyMs) * 1000) / p.elements, 1)} |`,
    ),
  );
  return {
    id: 'scale-payload',
    charts: [],
    markdown: [
      '### Scale 5: payload',
      '',
      'Nodes and relationships drawn evenly across the graph (passages and documents carry their text),',
      "encoded by the API's one encoder and serialised with `JSON.stringify`, in the API process's Node.",
      '',
      '| graph | elements | bytes | bytes/element | gzip bytes/element | encode ms | stringify ms | µs/element |',
      '|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
      measuredLine(stampsOf(payload)),
    ].join('\n'),
  };
}

function concurrencySection(results: Results): Rendered {
  const conc = results.concurrency ?? {};
  const rows = sizes(conc).flatMap((size) =>
    conc[size]!.points.map(
      (p) =>
        `| ${formatCount(size)} | ${p.clients} | ${n(p.throughput)} | ${ms(p.p50)} | ${ms(p.p99)} | ${n(p.requests)} | ${p.errors + Object.values(p.statuses).reduce((a, b) => a + b, 0)} |`,
    ),
  );
  const levels = [...new Set(sizes(conc).flatMap((s) => conc[s]!.points.map((p) => p.clients)))];
  const memory = results.memory ?? {};
  return {
    id: 'scale-concurrency',
    charts: [
      {
        file: 'concurrency-p99.svg',
        svg: lineChart({
          title: 'Explorer mix: p99 by graph size',
          yLabel: 'ms',
          logY: true,
          series: levels.map((clients) => ({
            name: `${clients} client${clients > 1 ? 's' : ''}`,
            points: sizes(conc).flatMap((s) =>
              conc[s]!.points.filter((p) => p.clients === clients).map((p) => ({ x: s, y: p.p99 })),
            ),
          })),
          ...sizeAxis,
        }),
      },
    ],
    markdown: [
      '### Scale 6: concurrency',
      '',
      'Closed-loop clients on loopback (keep-alive), each sending the next request when the last returns;',
      'the explorer mix: 60 % neighbourhood pages, 25 % search, 15 % node details, over random entities.',
      '',
      '| size | clients | requests/s | p50 ms | p99 ms | requests | errors or non-200 |',
      '|---|---|---|---|---|---|---|',
      ...rows,
      '',
      `API process peak RSS (all scenarios of one size): ${sizes(memory)
        .map((s) => `${formatCount(s)} ${n(memory[s]!.apiPeakRssMb)} MB`)
        .join(', ')} (target < 300 MB).`,
      '',
      '![concurrency p99](benchmarks/concurrency-p99.svg)',
      '',
      measuredLine(stampsOf(conc)),
    ].join('\n'),
  };
}

/** Median / p95 frame interval, and redraws per second where the run recorded them. */
function frames(stats: FrameStats): string {
  const redraws =
    stats.rendersPerSecond === undefined ? '' : `; ${n(stats.rendersPerSecond, 1)} redraws/s`;
  return `${ms(stats.frameMs)} / ${ms(stats.p95FrameMs)} (${n(stats.fps, 1)} fps${redraws})`;
}

function clientSection(results: Results): Rendered {
  const client = results.client?.any;
  if (!client)
    return { id: 'scale-client', charts: [], markdown: '### Scale 7: client\n\nNot measured yet.' };
  const rows = client.points.map(
    (p) =>
      `| ${n(p.elements)} (${n(p.nodes)} + ${n(p.edges)}) | ${p.renderer} | ${ms(p.ours.firstRenderMs)} | ${ms(p.bare.firstRenderMs)} | ${x(p.firstRenderRatio)} | ${frames(p.ours)} | ${frames(p.bare)} | **${x(p.frameRatio)}** |`,
  );
  const series = (['canvas', 'webgl'] as const).flatMap((renderer) =>
    (['ours', 'bare'] as const).map((page) => ({
      name: `${page === 'ours' ? 'ours' : 'bare'}, ${renderer}`,
      points: client.points
        .filter((p) => p.renderer === renderer)
        .map((p) => ({ x: p.elements, y: p[page].fps })),
    })),
  );
  return {
    id: 'scale-client',
    charts: [
      {
        file: 'client-fps.svg',
        svg: lineChart({
          title: 'Pan/zoom frames per second (software rendering)',
          xLabel: 'elements (nodes + edges)',
          yLabel: 'frames per second',
          logX: true,
          logY: true,
          series,
          formatX: (v) => formatCount(v),
        }),
      },
    ],
    markdown: [
      '### Scale 7: client in headless Chromium',
      '',
      `Chromium ${client.chromium}, \`--headless --no-sandbox --disable-gpu\`: **software rendering, no GPU**, so`,
      'WebGL runs on the CPU here and says little about machines with a GPU. "ours" is the app\'s GraphCanvas',
      '(stylesheet, element transform, grid layout) bundled alone; "bare" is Cytoscape with its default style,',
      'the same elements and the same layout options. Frame time is the median / 95th-percentile interval between',
      'frames over a scripted zoom-in, pan, zoom-out, pan-back, with the redraws Cytoscape made per second',
      '(its `render` events: a frame in which nothing was redrawn counts as a frame, not as a redraw); the',
      'frame ratio compares medians. First render ends two frames after the layout.',
      '',
      '| elements | renderer | ours first render ms | bare first render ms | ratio | ours frame ms | bare frame ms | frame ratio |',
      '|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
      `fcose on ${n(client.layout.nodes)} nodes and ${n(client.layout.edges)} edges with the app's options: draft quality **${ms(client.layout.draftMs)} ms**, default quality ${ms(client.layout.defaultMs)} ms.`,
      ...client.expand.map(
        (e) =>
          `Expanding a node by ${e.added} neighbours in a scene of ${n(e.sceneElements)} elements: drawn after ${ms(e.drawnMs)} ms; ${e.longTasks === 0 ? 'no task over 50 ms' : `longest task ${ms(e.longestTaskMs)} ms, ${e.longTasks} task(s) over 50 ms`}.`,
      ),
      '',
      '![frames per second](benchmarks/client-fps.svg)',
      '',
      measuredLine(results.client?.any ? [['client', results.client.any]] : []),
    ].join('\n'),
  };
}

function soakSection(results: Results): Rendered {
  const soak = results.soak ?? {};
  const rows = sizes(soak).map((size) => {
    const s = soak[size]!;
    const statuses = Object.entries(s.statuses).map(([code, count]) => `${n(count)} × ${code}`);
    return `| ${formatCount(size)} | ${n(s.requests)} in ${n(s.seconds, 1)} s | ${[`${s.errors} failed`, ...statuses].join(', ')} | ${n(s.heapBeforeMb, 1)} → ${n(s.heapAfterMb, 1)} MB (${n(s.heapGrowth * 100, 1)} %) | ${n(s.sessionsOpened)} opened, ${s.openSessionsAfter} open | ${s.openTransactionsAfter} | ${n(s.rssPeakMb)} MB |`;
  });
  return {
    id: 'scale-soak',
    charts: [],
    markdown: [
      '### Scale 8: soak',
      '',
      'The explorer mix from 4 clients; heap measured in the API process after a full GC (`--expose-gc`)',
      'after a warm-up and again at the end; sessions counted around the driver; transactions still open on',
      'the Neo4j side from `SHOW TRANSACTIONS`.',
      '',
      '| size | requests | errors and non-200 | heap after GC | driver sessions | open transactions | API peak RSS |',
      '|---|---|---|---|---|---|---|',
      ...rows,
      '',
      measuredLine(stampsOf(soak)),
    ].join('\n'),
  };
}

export function renderScenarioSections(results: Results): Rendered[] {
  return [
    loadSection(results),
    neighbourhoodSection(results),
    searchSection(results),
    pathsSection(results),
    payloadSection(results),
    concurrencySection(results),
    clientSection(results),
    soakSection(results),
  ];
}
