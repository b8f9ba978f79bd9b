/**
 * `npm run gen -- --rels <N> --seed <S>`: generates a synthetic Summit Graph of exactly N
 * relationships and loads it into the configured Neo4j (NEO4J_URI, or the managed local
 * instance when unset). Exit codes: 0 done, 1 bad arguments, 2 could not load.
 */
import { localInstanceOptions } from '../../server/neo4j/default-instance.ts';
import { LocalNeo4jError } from '../../server/neo4j/errors.ts';
import { AdminImportError, adminImport } from './admin-import.ts';
import { ConfigError, loadConfig } from '../../server/config.ts';
import { Database } from '../../server/db/database.ts';
import { resolveTarget } from '../../server/db/target.ts';
import { USAGE, UsageError, parseGenArgs, type GenArgs } from './args.ts';
import { generateGraph } from './graph.ts';
import { LoadError, loadGraph, type LoadReport } from './load.ts';
import { formatCount } from './sizes.ts';
import { StatsCollector, type GraphStats } from './stats.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);
const complain = (line: string) => process.stderr.write(`${line}\n`);

const tally = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([, a], [, b]) => b - a)
    .map(([name, n]) => `${name} ${n.toLocaleString('en')}`)
    .join(', ');

function describe(stats: GraphStats): void {
  say(`  ${stats.nodes.toLocaleString('en')} nodes: ${tally(stats.labels)}`);
  say(`  ${stats.relationships.toLocaleString('en')} relationships: ${tally(stats.types)}`);
  const d = stats.degree;
  say(
    `  degree: median ${d.median}, p90 ${d.p90}, p99 ${d.p99}, max ${d.max.toLocaleString('en')}; ${stats.hubsOver10k} node(s) of degree ≥ 10,000`,
  );
  say(
    `  hubs: ${stats.hubs
      .slice(0, 5)
      .map((h) => `${h.name} (${h.degree.toLocaleString('en')})`)
      .join(', ')}`,
  );
  say(`  checksum ${stats.checksum}`);
}

function describeLoad(report: LoadReport): void {
  const rate = (t: { rows: number; ms: number; perSecond: number }) =>
    `${t.rows.toLocaleString('en')} in ${(t.ms / 1000).toFixed(1)} s = ${t.perSecond.toLocaleString('en')}/s`;
  say(`  nodes (batched): ${rate(report.nodes)}`);
  say(
    `  relationships (batched, ${report.batchSize.toLocaleString('en')} rows per statement): ${rate(report.relationships)}`,
  );
  if (report.oneRow) say(`  relationships (one row per transaction): ${rate(report.oneRow)}`);
  say(
    `  full-text indexes built in ${(report.fulltextMs / 1000).toFixed(1)} s; total ${(report.totalMs / 1000).toFixed(1)} s`,
  );
}

async function main(): Promise<number> {
  let args: GenArgs;
  try {
    args = parseGenArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    complain(`${error.message}\n${USAGE}`);
    return 1;
  }
  if (args.help) {
    say(USAGE);
    return 0;
  }
  const label = `${formatCount(args.graph.rels)} relationships, seed "${args.graph.seed}"`;
  if (args.dryRun) {
    const stats = new StatsCollector();
    for (const chunk of generateGraph(args.graph)) stats.add(chunk);
    say(`Generated ${label} (dry run, nothing written):`);
    describe(stats.result());
    return 0;
  }
  const config = loadConfig();
  if (args.adminImport) {
    if (config.neo4j.kind !== 'local') {
      complain('--admin-import loads into the managed local instance only: unset NEO4J_URI.');
      return 1;
    }
    say(`Importing ${label} with neo4j-admin into the local instance "${config.local.instance}"…`);
    const report = await adminImport(localInstanceOptions(config, say), args.graph, say);
    say(
      `  ${report.nodes.toLocaleString('en')} nodes, ${report.rels.toLocaleString('en')} relationships: CSV ${(report.csvMs / 1000).toFixed(1)} s, import ${(report.importMs / 1000).toFixed(1)} s (${report.relsPerSecond.toLocaleString('en')} rels/s), restart ${(report.startMs / 1000).toFixed(1)} s, schema ${(report.schemaMs / 1000).toFixed(1)} s`,
    );
    return 0;
  }
  const { target } = await resolveTarget(config, say);
  const db = new Database(target, { maxTransactionRetryTimeMs: 30_000 });
  try {
    say(`Loading ${label} into ${target.uri} (database ${target.database})…`);
    const report = await loadGraph(db, args.graph, {
      batchSize: args.batchSize,
      reset: args.reset,
      oneRowRels: args.oneRow,
      progress: say,
    });
    describe(report.stats);
    describeLoad(report);
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) complain(error.message);
    else if (error instanceof LocalNeo4jError)
      complain(`Could not start the local Neo4j [${error.id}]: ${error.message}`);
    else if (error instanceof LoadError || error instanceof AdminImportError)
      complain(`Could not load: ${error.message}`);
    else complain(`Generation failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(2);
  },
);
