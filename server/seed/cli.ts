/**
 * `npm run seed [-- --reset] [-- --check] [-- --file <seed.json>]`: validates the seed and loads
 * it into the configured Neo4j (NEO4J_URI, or the managed local instance when unset).
 * Exit codes: 0 loaded (or valid with --check), 1 invalid seed or arguments, 2 could not load.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LocalNeo4jError } from '../neo4j/errors.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { Database } from '../db/database.ts';
import { resolveTarget } from '../db/target.ts';
import { SeedError, SeedValidationError } from './errors.ts';
import { DEFAULT_SEED_FILE, readSeedFile } from './file.ts';
import { loadSeed, type SeedSummary } from './index.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);
const complain = (line: string) => process.stderr.write(`${line}\n`);

const USAGE = `Usage: npm run seed [-- --reset] [-- --check] [-- --file <seed.json>]
  --reset   delete what the seed loaded before (and what other data attached to it), then reload
  --check   validate the seed only; connect to nothing
  --file    another seed file (default graph-seed/seed.json)`;

const tally = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');

function report(summary: SeedSummary, uri: string): void {
  const { validateMs, schemaMs, dataMs } = summary.timings;
  say(
    `Loaded seed "${summary.seed}" (${summary.file}) into ${uri} in ${summary.ms} ms ` +
      `(validate ${validateMs} ms, schema ${schemaMs} ms, data ${dataMs} ms).`,
  );
  if (summary.reset) {
    say(`  reset: removed ${summary.reset.deletedNodes} nodes first`);
    if (summary.reset.foreignRelationships > 0) {
      say(
        `  reset: ${summary.reset.foreignRelationships} relationships of other data were attached to seed nodes and were removed with them`,
      );
    }
  }
  say(`  ${summary.nodes} nodes: ${tally(summary.labels)}`);
  say(`  ${summary.relationships} relationships: ${tally(summary.types)}`);
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        reset: { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
        file: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (error) {
    complain(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  if (args.help) {
    say(USAGE);
    return 0;
  }
  const file = args.file ? path.resolve(args.file) : DEFAULT_SEED_FILE;
  // Validate before connecting: an invalid seed never starts or touches a database.
  const seed = readSeedFile(file);
  if (args.check) {
    say(
      `Seed "${seed.name}" (${seed.file}) is valid: ${seed.entities.length} entities, ${seed.relationships.length} facts, ${seed.documents.length} document(s).`,
    );
    return 0;
  }
  const { target } = await resolveTarget(loadConfig(), say);
  const db = new Database(target);
  try {
    report(
      await loadSeed(db, { file, reset: args.reset }),
      `${target.uri} (database ${target.database})`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof SeedValidationError || error instanceof ConfigError) {
      complain(error.message);
      process.exit(1);
    }
    if (error instanceof LocalNeo4jError) {
      complain(`Could not start the local Neo4j [${error.id}]: ${error.message}`);
    } else if (error instanceof SeedError) {
      complain(`Could not load the seed [${error.id}]: ${error.message}`);
    } else {
      complain(`Could not load the seed: ${(error as Error).message ?? String(error)}`);
    }
    process.exit(2);
  },
);
