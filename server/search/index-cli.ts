/**
 * `npm run search:index [-- --dry-run]`: creates the full-text index over every label's caption
 * properties in the configured Neo4j (NEO4J_URI, or the managed local instance), and waits until
 * it is online. `--dry-run` prints the statement and writes nothing.
 * Exit codes: 0 done (or printed), 1 bad arguments or nothing to index, 2 could not create.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { Database } from '../db/database.ts';
import { resolveTarget } from '../db/target.ts';
import { readSchemaProfile } from '../schema/profile.ts';
import { SEARCH_INDEX_NAME, searchIndexPlan, searchIndexStatement } from './index-command.ts';

const USAGE = `Usage: npm run search:index [-- --dry-run]
  --dry-run  print the CREATE FULLTEXT INDEX statement; write nothing`;

async function main(): Promise<number> {
  let dryRun: boolean;
  try {
    dryRun = parseArgs({ options: { 'dry-run': { type: 'boolean' } } }).values['dry-run'] ?? false;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 1;
  }
  const config = loadConfig();
  const { target } = await resolveTarget(config, (line) => process.stdout.write(`${line}\n`));
  const db = new Database(target);
  try {
    const profile = await db.read((tx) => readSchemaProfile(tx), 120_000);
    const statement = searchIndexStatement(profile.captions);
    if (!statement) {
      process.stderr.write('No label has a text property to index: nothing to do.\n');
      return 1;
    }
    const plan = searchIndexPlan(profile.captions);
    process.stdout.write(`${statement}\n`);
    if (dryRun) return 0;
    await db.runAutoCommit(statement);
    await db.runAutoCommit(`CALL db.awaitIndex($name, 600)`, { name: SEARCH_INDEX_NAME });
    process.stdout.write(
      `Index "${SEARCH_INDEX_NAME}" is online: ${plan.labels.length} labels, properties ${plan.properties.join(', ')}.\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`Could not create the index: ${(error as Error).message}\n`);
    return 2;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      error instanceof ConfigError ? `${error.message}\n` : `${(error as Error).message}\n`,
    );
    process.exit(2);
  },
);
