/**
 * Loads a generated graph into a managed local instance offline, with `neo4j-admin database
 * import full`: CSV files from the generator, the import with the instance stopped, then the
 * instance started again and the seed schema (constraints, full-text indexes) built over the
 * imported data. The fast path for a first load of a large graph; nothing else may be in it.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Database } from '../../server/db/database.ts';
import { NEO4J_ADMIN_CLASS } from '../../server/neo4j/constants.ts';
import { checkJava, libDir } from '../../server/neo4j/install.ts';
import { instanceDir, start, stop, type InstanceOptions } from '../../server/neo4j/instance.ts';
import { ARRAY_DELIMITER, importArguments, writeCsv } from './csv.ts';
import type { GenerateOptions } from './graph.ts';
import { AWAIT_INDEXES, CONSTRAINT_STATEMENTS, FULLTEXT_STATEMENTS } from './queries.ts';

export interface AdminImportReport {
  rels: number;
  nodes: number;
  /** Generating and writing the CSV files. */
  csvMs: number;
  /** The import tool itself (JVM start included). */
  importMs: number;
  /** Starting the instance again. */
  startMs: number;
  /** Constraints and the full-text indexes over the imported data. */
  schemaMs: number;
  totalMs: number;
  /** Relationships per second of the import tool alone. */
  relsPerSecond: number;
}

export class AdminImportError extends Error {
  override readonly name = 'AdminImportError';
}

function runImport(
  instance: string,
  args: string[],
  javaHome: string | undefined,
): Promise<string> {
  const dir = instanceDir(instance);
  const java = checkJava(javaHome).executable;
  return new Promise((resolve, reject) => {
    const child = spawn(
      java,
      ['-Xmx2g', '-cp', `${libDir()}/*`, NEO4J_ADMIN_CLASS, 'database', 'import', 'full', ...args],
      { env: { ...process.env, NEO4J_HOME: dir, NEO4J_CONF: path.join(dir, 'conf') } },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve(output);
      else
        reject(
          new AdminImportError(
            `neo4j-admin import exited with ${code}:\n${output.split('\n').slice(-25).join('\n')}`,
          ),
        );
    });
  });
}

/** Replaces the instance's `neo4j` database with the generated graph. */
export async function adminImport(
  instance: InstanceOptions,
  graph: GenerateOptions,
  progress: (line: string) => void = () => {},
): Promise<AdminImportReport> {
  const started = Date.now();
  const csvDir = path.join(instanceDir(instance.name), 'import', 'generated');
  progress('Writing CSV files…');
  const files = await writeCsv(graph, csvDir);
  const csvMs = Date.now() - started;

  await stop(instance.name);
  progress('Importing with neo4j-admin (instance stopped)…');
  const importStarted = Date.now();
  await runImport(
    instance.name,
    [
      '--overwrite-destination=true',
      `--array-delimiter=U+${ARRAY_DELIMITER.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`,
      '--multiline-fields-format=v2',
      `--multiline-fields=${files.multiline.join(',')}`,
      `--report-file=${path.join(csvDir, 'import.report')}`,
      // The database is the default, neo4j: a positional name here would be read as one more file.
      ...importArguments(files),
    ],
    instance.javaHome,
  );
  const importMs = Date.now() - importStarted;

  const { state, startMs } = await start(instance);
  const db = new Database({
    uri: state.uri,
    user: state.user,
    password: state.password,
    database: 'neo4j',
  });
  const schemaStarted = Date.now();
  try {
    progress('Building constraints and the full-text indexes…');
    for (const { statement } of CONSTRAINT_STATEMENTS) await db.runAutoCommit(statement);
    for (const { statement } of FULLTEXT_STATEMENTS) await db.runAutoCommit(statement);
    await db.runAutoCommit(AWAIT_INDEXES, { seconds: 1800 });
  } finally {
    await db.close();
  }
  const schemaMs = Date.now() - schemaStarted;
  const nodes = files.nodes.reduce((sum, g) => sum + g.rows, 0);
  return {
    rels: graph.rels,
    nodes,
    csvMs,
    importMs,
    startMs,
    schemaMs,
    totalMs: Date.now() - started,
    relsPerSecond: Math.round((graph.rels * 1000) / importMs),
  };
}
