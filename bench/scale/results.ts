/**
 * The scale benchmarks' results, kept in docs/benchmarks/results.json so a run of one scenario or
 * one size keeps the others, and so every figure can be compared with the one it replaced.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../server/neo4j/constants.ts';
import type { LoadResult as HttpLoad } from './http.ts';
import type { BatchPoint, LoadResult } from './load.ts';
import type { NeighboursResult } from './neighbourhood.ts';
import type { PathsResult } from './paths.ts';
import type { PayloadPoint } from './payload.ts';
import type { SearchResult } from './search.ts';
import type { SoakResult } from './soak.ts';
import type { ClientResult } from './client.ts';

export const RESULTS_DIR = path.join(REPO_ROOT, 'docs', 'benchmarks');
export const RESULTS_FILE = path.join(RESULTS_DIR, 'results.json');

/** When, on which commit and under what machine load a figure was measured. */
export interface Stamp {
  at: string;
  commit: string;
  /** One-minute load average when the scenario started (2 cores: above ~1.5 means contention). */
  load1: number;
  cpu: string;
}

export interface ConcurrencyResult {
  points: HttpLoad[];
}

export interface ScenarioResults {
  load: LoadResult;
  batchSizes: { rels: number; points: BatchPoint[] };
  neighbourhood: NeighboursResult;
  search: SearchResult;
  paths: PathsResult;
  payload: { rels: number; points: PayloadPoint[] };
  concurrency: ConcurrencyResult;
  soak: SoakResult & { rels: number };
  client: ClientResult;
  /** Peak RSS of the API process over all scenarios of one size. */
  memory: { apiPeakRssMb: number };
}

export type ScenarioName = keyof ScenarioResults;

/** Figures by scenario, then by graph size ("10000", …; "any" where size does not apply). */
export type Results = {
  [K in ScenarioName]?: Record<string, ScenarioResults[K] & Stamp>;
} & {
  /** The figures each latest one replaced. */
  previous?: { [K in ScenarioName]?: Record<string, ScenarioResults[K] & Stamp> };
};

export function stamp(): Stamp {
  let commit = 'uncommitted';
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  return {
    at: new Date().toISOString().slice(0, 16).replace('T', ' '),
    commit,
    load1: Math.round(os.loadavg()[0]! * 100) / 100,
    cpu: `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores`,
  };
}

export function readResults(file = RESULTS_FILE): Results {
  if (!fs.existsSync(file)) return {};
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Results;
}

export function writeResults(results: Results, file = RESULTS_FILE): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

/** Records a figure, keeping the one it replaces under `previous`. */
export function record<K extends ScenarioName>(
  results: Results,
  scenario: K,
  size: string,
  value: ScenarioResults[K] & Stamp,
): void {
  type Bucket = Record<string, ScenarioResults[K] & Stamp>;
  const table = results as Record<string, Bucket | undefined>;
  const current = table[scenario] ?? {};
  const old = current[size];
  if (old) {
    const previous = (results.previous ??= {}) as Record<string, Bucket | undefined>;
    previous[scenario] = { ...previous[scenario], [size]: old };
  }
  table[scenario] = { ...current, [size]: value };
}
