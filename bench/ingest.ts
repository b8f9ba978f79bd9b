/**
 * Ingestion throughput for press texts of about 2 KB: extraction alone (checks + rules, no
 * database), full ingestion into Neo4j holding the seed (resolve + one write transaction per
 * document, documents sequential), and the same documents again (unchanged by content hash).
 * Texts are generated from templates so every one is new; runs on its own Neo4j instance.
 */
import os from 'node:os';
import path from 'node:path';
import { extractWithRules } from '../server/ingest/extract/rules.ts';
import { ingestDocument, prepareDocument } from '../server/ingest/index.ts';
import { loadSeed } from '../server/seed/index.ts';
import { stop } from '../server/neo4j/instance.ts';
import { freshInstance } from './instance.ts';
import { machineLine, median, percentile, writeSection } from './report.ts';

const INSTANCE = 'bench-ingest';
const DOCUMENTS = Number(process.env.BENCH_INGEST_DOCUMENTS ?? 120);
const EXTRACTION_ROUNDS = 3;

const SIDES = [
  ['Tajikistan', 'Emomali Rahmon', 'Dushanbe'],
  ['Russia', 'Vladimir Putin', 'Moscow'],
  ['Kazakhstan', 'Kassym-Jomart Tokayev', 'Astana'],
  ['Uzbekistan', 'Shavkat Mirziyoyev', 'Tashkent'],
  ['China', 'Xi Jinping', 'Beijing'],
  ['Kyrgyzstan', 'Sadyr Japarov', 'Bishkek'],
  ['Turkmenistan', 'Serdar Berdimuhamedow', 'Ashgabat'],
  ['Mongolia', 'Ukhnaagiin Khurelsukh', 'Ulan Bator'],
] as const;
const SPHERES = [
  'trade',
  'energy',
  'transport',
  'agriculture',
  'migration',
  'education',
  'culture',
  'tourism',
  'investment',
  'security',
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The i-th generated press text: about 2 KB, with names, figures, spheres and a threat. */
export function pressText(i: number): string {
  const a = SIDES[i % SIDES.length] ?? SIDES[0];
  const b = SIDES[(i + 1 + Math.floor(i / SIDES.length)) % SIDES.length] ?? SIDES[1];
  const year = 2010 + (i % 14);
  const day = 1 + (i % 28);
  const month = MONTHS[i % 12] ?? 'May';
  const spheres = [0, 3, 5, 7].map((k) => SPHERES[(i + k) % SPHERES.length]).join(', ');
  return [
    `President of ${a[0]} ${a[1]} holds talks with President of ${b[0]} ${b[1]} in ${b[2]} (${i})`,
    '',
    `On ${day} ${month} ${year}, in ${b[2]}, President of ${a[0]} ${a[1]} held talks with President of ${b[0]} ${b[1]}. The meeting took place with the participation of official delegations of the two countries and was held in a friendly and constructive atmosphere.`,
    '',
    `The heads of state discussed the strategic partnership between ${a[0]} and ${b[0]} and paid particular attention to cooperation in the fields of ${spheres}. Both sides noted the importance of the intergovernmental commission on trade and economic cooperation.`,
    '',
    `It was noted that the volume of trade between the two countries reached ${100 + (i % 900)} million US dollars in ${year - 1}, and increased by ${5 + (i % 20)} percent in the first quarter of ${year}. ${b[1]} said that investments of nearly ${1 + (i % 5)} billion US dollars are planned in the coming years.`,
    '',
    `The presidents also exchanged views on regional security and on joint efforts against international terrorism, extremism and illegal drug trafficking, and on cooperation within the framework of the SCO and the UN. ${a[1]} expressed gratitude to ${b[0]} for the warm hospitality and invited ${b[1]} to visit ${a[2]} next year.`,
    '',
    `${a[1]} noted that relations between ${a[0]} and ${b[0]} are developing steadily in all spheres, and that the two states have much in common in their approaches to the key issues of the regional and international agenda. The sides stressed the role of inter-regional cooperation and of direct ties between cities and districts, and agreed to support joint ventures in industry, agriculture and energy, as well as projects in transport and logistics that connect Central Asia with the wider region.`,
    '',
    `Following the talks, the parties agreed to expand cultural and educational exchanges, to open new air routes between ${a[2]} and ${b[2]}, and to hold the next meeting of the commission in ${a[2]} before the end of ${year}.`,
  ].join('\n');
}

const rate = (count: number, ms: number) => (count / (ms / 1000)).toFixed(1);

async function main(): Promise<void> {
  const texts = Array.from({ length: DOCUMENTS }, (_, i) => pressText(i));
  const bytes = texts.map((t) => Buffer.byteLength(t, 'utf8'));
  const averageBytes = Math.round(bytes.reduce((a, b) => a + b, 0) / bytes.length);
  process.stdout.write(`${DOCUMENTS} texts, ${averageBytes} bytes on average\n`);

  // Extraction alone: warm up once, then timed rounds over every text.
  for (const t of texts.slice(0, 10)) extractWithRules(prepareDocument({ text: t }));
  const extractionRounds: number[] = [];
  const perDocument: number[] = [];
  for (let round = 0; round < EXTRACTION_ROUNDS; round++) {
    const started = performance.now();
    for (const t of texts) {
      const one = performance.now();
      extractWithRules(prepareDocument({ text: t }));
      perDocument.push(performance.now() - one);
    }
    extractionRounds.push(performance.now() - started);
  }
  const extractionMs = median(extractionRounds);
  process.stdout.write(`extraction: ${rate(DOCUMENTS, extractionMs)} documents/s\n`);

  const { db } = await freshInstance(INSTANCE);
  try {
    await loadSeed(db);
    // Warm-up: plans cached, schema applied, with documents that are not timed.
    for (let i = 0; i < 5; i++) await ingestDocument(db, { text: pressText(10_000 + i) });
    const latencies: number[] = [];
    const started = performance.now();
    for (const t of texts) {
      const one = performance.now();
      const report = await ingestDocument(db, { text: t });
      if (report.status !== 'created')
        throw new Error(`expected a new document, got ${report.status}`);
      latencies.push(performance.now() - one);
    }
    const ingestMs = performance.now() - started;
    const againStarted = performance.now();
    for (const t of texts) {
      const report = await ingestDocument(db, { text: t });
      if (report.status !== 'unchanged')
        throw new Error(`expected unchanged, got ${report.status}`);
    }
    const againMs = performance.now() - againStarted;
    const counts = await db.read(async (tx) =>
      (await tx.run<{ n: unknown }>('MATCH (n) RETURN count(n) AS n')).records[0]?.get('n'),
    );
    process.stdout.write(
      `ingestion: ${rate(DOCUMENTS, ingestMs)} documents/s; unchanged: ${rate(DOCUMENTS, againMs)} documents/s\n`,
    );

    writeSection(
      'ingest',
      `## Ingestion (\`bench/ingest.ts\`)

${machineLine()}

${DOCUMENTS} generated press texts of ${averageBytes} bytes on average (names, dates, figures, spheres, threats), one at a time, into a Neo4j holding the seed graph (${String(counts)} nodes at the end). Machine load during the run: ${os.loadavg()[0]?.toFixed(1)} (1-minute average).

| stage | documents/s | per document (median / p95) |
|---|---:|---:|
| checks + extraction (no database) | ${rate(DOCUMENTS, extractionMs)} | ${median(perDocument).toFixed(1)} ms / ${percentile(perDocument, 95).toFixed(1)} ms |
| full ingestion (checks, extraction, resolution, one write transaction) | ${rate(DOCUMENTS, ingestMs)} | ${median(latencies).toFixed(0)} ms / ${percentile(latencies, 95).toFixed(0)} ms |
| the same documents again (unchanged by content hash) | ${rate(DOCUMENTS, againMs)} | — |
`,
    );
  } finally {
    await db.close();
    await stop(INSTANCE);
  }
}

// Only when run, not when imported (pressText is reusable).
if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
