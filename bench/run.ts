/**
 * `npm run bench`: the one benchmark runner. Runs the scale scenarios (synthetic graphs of 10k,
 * 100k and 1M relationships, bench/scale/) in this process and the standalone scenarios
 * (airport-routes neighbourhoods, start-up times) as scripts of their own, then writes
 * docs/benchmarks.md and its charts. See `--help`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseCount } from '../tools/gen/sizes.ts';
import { REPO_ROOT } from '../server/neo4j/constants.ts';
import { BENCHMARKS_MD } from './report.ts';
import { writeReport } from './scale/render.ts';
import { RESULTS_DIR, RESULTS_FILE, readResults, writeResults } from './scale/results.ts';
import {
  DEFAULT_SIZES,
  FULL,
  SCALE_SCENARIOS,
  SMOKE,
  runSuite,
  type ScaleScenario,
} from './scale/suite.ts';
import { stopBenchInstance } from './scale/target.ts';

/**
 * Scenarios that are scripts of their own (every other bench/*.ts), each writing its own
 * section; start-up times last, as they download Neo4j afresh.
 */
const NOT_SCENARIOS = new Set(['run', 'report']);
const SCRIPTS = fs
  .readdirSync(path.join(REPO_ROOT, 'bench'))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -3))
  .filter((name) => !NOT_SCENARIOS.has(name))
  .sort((a, b) => Number(a === 'startup') - Number(b === 'startup') || a.localeCompare(b));
const ALL = [...SCALE_SCENARIOS, ...SCRIPTS];

const USAGE = `Usage: npm run bench [-- <scenario>…] [--sizes 10k,100k,1m] [--seed S] [--tune] [--smoke] [--stop]
  scenarios   ${ALL.join(', ')} (default: all)
  --sizes     graph sizes in relationships for the scale scenarios (default 10k,100k,1m)
  --seed      generator seed (default "1")
  --tune      also sweep the load batch size (on the 100k graph, or the only size given)
  --smoke     tiny sizes and one iteration: proves the scripts work, measures nothing
  --stop      stop the bench Neo4j instance afterwards
  --quiet L[:S]  before each scenario wait up to S seconds (default 600) for the 1-minute load
              average to fall below L; the figures record the load either way`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function runScript(name: string): void {
  const script = path.join(REPO_ROOT, 'bench', `${name}.ts`);
  process.stdout.write(`\n== ${name} ==\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    process.stderr.write(`Scenario ${name} failed (exit ${run.status ?? run.signal}).\n`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        sizes: { type: 'string' },
        seed: { type: 'string', default: '1' },
        tune: { type: 'boolean', default: false },
        smoke: { type: 'boolean', default: false },
        stop: { type: 'boolean', default: false },
        quiet: { type: 'string' },
        scenarios: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
    });
  } catch (error) {
    fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const wanted = [...positionals, ...(values.scenarios?.split(',') ?? [])]
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = wanted.filter((name) => !(ALL as readonly string[]).includes(name));
  if (unknown.length > 0)
    fail(`Unknown scenario(s): ${unknown.join(', ')}. Known: ${ALL.join(', ')}.`);
  const chosen = wanted.length > 0 ? wanted : [...ALL];
  const sizes = values.sizes
    ? values.sizes
        .split(',')
        .map(
          (text) => parseCount(text) ?? fail(`--sizes: "${text}" is not a size such as 10k or 1m`),
        )
    : values.smoke
      ? [1_000]
      : DEFAULT_SIZES;

  let quiet: { below: number; maxWaitMs: number } | undefined;
  if (values.quiet) {
    const [below, wait] = values.quiet.split(':').map(Number);
    if (!below || below <= 0 || (wait !== undefined && !(wait >= 0)))
      fail(`--quiet: "${values.quiet}" is not L or L:S`);
    quiet = { below, maxWaitMs: (wait ?? 600) * 1000 };
  }
  const scale = SCALE_SCENARIOS.filter((s) => chosen.includes(s)) as ScaleScenario[];
  if (scale.length > 0) {
    const results = readResults();
    const progress = (line: string) => process.stdout.write(`${line}\n`);
    try {
      await runSuite(
        {
          scenarios: scale,
          sizes,
          seed: values.seed ?? '1',
          effort: values.smoke ? SMOKE : FULL,
          tune: values.tune ?? false,
          ...(quiet ? { quiet } : {}),
          progress,
        },
        results,
      );
    } finally {
      // Whatever finished is kept, even when a later scenario failed.
      if (!values.smoke) {
        writeResults(results);
        const charts = writeReport(results, { markdown: BENCHMARKS_MD, chartsDir: RESULTS_DIR });
        progress(
          `Wrote ${path.relative(REPO_ROOT, BENCHMARKS_MD)}, ${path.relative(REPO_ROOT, RESULTS_FILE)} and ${charts.length} charts.`,
        );
      }
      if (values.stop) await stopBenchInstance();
    }
  }
  for (const name of SCRIPTS) if (chosen.includes(name)) runScript(name);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
