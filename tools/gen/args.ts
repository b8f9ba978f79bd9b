/** The `npm run gen` command line: options, their checks, and the usage text. */
import { parseArgs } from 'node:util';
import { GenerateOptionsError, checkOptions, type GenerateOptions } from './graph.ts';
import { DEFAULT_BATCH_SIZE } from './load.ts';
import { parseCount } from './sizes.ts';

export const USAGE = `Usage: npm run gen -- --rels <N> [--seed <S>] [--batch <B>] [--reset] [--one-row <K>] [--dry-run] [--admin-import]
  --rels      relationships to generate, exactly (e.g. 10000, 100k, 1m)
  --seed      any text; the same size and seed always give the same graph (default "1")
  --batch     rows per UNWIND statement (default ${DEFAULT_BATCH_SIZE})
  --reset     delete everything in the database first (otherwise it must be empty)
  --one-row   write the first K relationships one per transaction, to compare throughput
  --dry-run   generate and describe the graph; connect to nothing
  --admin-import  load offline with neo4j-admin into the managed local instance (replaces its
              database; NEO4J_URI must be unset)`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface GenArgs {
  graph: GenerateOptions;
  batchSize: number;
  reset: boolean;
  oneRow: number;
  dryRun: boolean;
  adminImport: boolean;
  help: boolean;
}

/** Parses and checks the command line; throws UsageError naming each problem. */
export function parseGenArgs(argv: string[]): GenArgs {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        rels: { type: 'string' },
        seed: { type: 'string', default: '1' },
        batch: { type: 'string' },
        reset: { type: 'boolean', default: false },
        'one-row': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'admin-import': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const problems: string[] = [];
  const count = (name: string, text: string | undefined, fallback?: number) => {
    if (text === undefined) {
      if (fallback === undefined) problems.push(`--${name} is required`);
      return fallback ?? 0;
    }
    const n = parseCount(text);
    if (n === undefined)
      problems.push(`--${name} must be a whole number such as 10000, 100k or 1m (got "${text}")`);
    return n ?? 0;
  };
  const help = values.help ?? false;
  const rels = help ? 0 : count('rels', values.rels);
  const batchSize = count('batch', values.batch, DEFAULT_BATCH_SIZE);
  const oneRow = count('one-row', values['one-row'], 0);
  if (values.batch !== undefined && batchSize < 1) problems.push('--batch must be at least 1');
  const graph = { rels, seed: values.seed ?? '1' };
  if (!help && problems.length === 0) {
    try {
      checkOptions(graph);
    } catch (error) {
      if (error instanceof GenerateOptionsError) problems.push(`--${error.message}`);
      else throw error;
    }
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return {
    graph,
    batchSize,
    reset: values.reset ?? false,
    oneRow,
    dryRun: values['dry-run'] ?? false,
    adminImport: values['admin-import'] ?? false,
    help,
  };
}
