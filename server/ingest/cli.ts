/**
 * `npm run ingest -- <file>... [--title T] [--url U] [--date YYYY-MM-DD] [--publisher P] [--replace K]
 * [--dry-run] [--json]`: checks every file first (nothing is written if any is refused), then
 * extracts and writes each into the configured Neo4j. Exit codes: 0 ingested (or unchanged),
 * 1 bad input or arguments (nothing written), 2 could not write.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { LocalNeo4jError } from '../neo4j/errors.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { Database } from '../db/database.ts';
import { resolveTarget } from '../db/target.ts';
import { RuleExtractor } from './extract/rules.ts';
import {
  IngestError,
  ingestPrepared,
  prepareDocument,
  type IngestReport,
  type PreparedDocument,
} from './index.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);
const complain = (line: string) => process.stderr.write(`${line}\n`);

const USAGE = `Usage: npm run ingest -- <file>... [options]
  --title <text>        title (one file only; default: the text's title line or first sentence)
  --url <url>           source URL (one file only; a first line holding only a URL is read as one)
  --date <YYYY-MM-DD>   publication date (one file only)
  --publisher <name>    publisher, recorded as background (PUBLISHED)
  --replace <key>       a new version of the stored document with this key (one file only;
                        a document with the same URL is replaced anyway, a title alone never)
  --dry-run             check and extract only; print what would be written, connect to nothing
  --json                print reports as JSON`;

function summary(file: string, report: IngestReport): string {
  const e = report.entities;
  const lines = [
    `${file}: ${report.status} ${report.key} (version ${report.version}) in ${report.ms} ms`,
    ...(report.status === 'unchanged'
      ? []
      : [
          `  ${report.passages} passages, ${e.matched} entities matched in the graph, ${e.created} new, ${e.doubtful} doubtful; ${report.mentions} mentions, ${report.facts} facts`,
        ]),
    ...report.reviews.map(
      (r) =>
        `  review: "${r.name}" (${r.entity}) may be "${r.candidateName}" (${r.candidate}), ${r.method} ${r.score}`,
    ),
  ];
  return lines.join('\n');
}

async function dryRun(
  files: string[],
  documents: PreparedDocument[],
  json: boolean,
): Promise<void> {
  const extractor = new RuleExtractor();
  for (const [i, document] of documents.entries()) {
    const extraction = await extractor.extract(document);
    if (json) {
      say(
        JSON.stringify(
          { file: files[i], title: document.title, sha256: document.sha256, ...extraction },
          null,
          2,
        ),
      );
      continue;
    }
    say(
      `${files[i]}: "${document.title}" — ${extraction.entities.length} entities, ${extraction.facts.length} facts (dry run, nothing written)`,
    );
    for (const e of extraction.entities)
      say(`  ${e.kind} ${e.id} "${e.name}" (${e.mentions.length} mentions)`);
    for (const f of extraction.facts) say(`  ${f.from} -[${f.type}]-> ${f.to} (${f.confidence})`);
  }
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        title: { type: 'string' },
        url: { type: 'string' },
        date: { type: 'string' },
        publisher: { type: 'string' },
        replace: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
    });
  } catch (error) {
    complain(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const { values: args, positionals: files } = parsed;
  if (args.help) {
    say(USAGE);
    return 0;
  }
  if (files.length === 0) {
    complain(`No file given.\n${USAGE}`);
    return 1;
  }
  if (files.length > 1 && (args.title || args.url || args.date || args.replace)) {
    complain(
      '--title, --url, --date and --replace describe one document: give them with a single file.',
    );
    return 1;
  }

  // Every file is checked before anything is written.
  const documents: PreparedDocument[] = [];
  const problems: string[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(
        `${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message} [document-unreadable]`,
      );
      continue;
    }
    try {
      documents.push(
        prepareDocument({
          bytes,
          origin: file,
          format: /\.html?$/i.test(file) ? 'html' : undefined,
          title: args.title,
          url: args.url,
          date: args.date,
          publisher: args.publisher,
          replaces: args.replace,
        }),
      );
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      problems.push(`${error.message} [${error.id}]`);
    }
  }
  if (problems.length > 0) {
    for (const p of problems) complain(p);
    complain(
      `Nothing was written (${problems.length} of ${files.length} file${files.length === 1 ? '' : 's'} refused).`,
    );
    return 1;
  }
  if (args['dry-run']) {
    await dryRun(files, documents, args.json);
    return 0;
  }

  const { target } = await resolveTarget(loadConfig(), say);
  const db = new Database(target);
  try {
    for (const [i, document] of documents.entries()) {
      const report = await ingestPrepared(db, document);
      say(
        args.json ? JSON.stringify({ file: files[i], ...report }) : summary(files[i] ?? '', report),
      );
    }
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      complain(error.message);
      process.exit(1);
    }
    if (error instanceof LocalNeo4jError)
      complain(`Could not start the local Neo4j [${error.id}]: ${error.message}`);
    else if (error instanceof IngestError)
      complain(`Could not ingest [${error.id}]: ${error.message}`);
    else complain(`Could not ingest: ${(error as Error).message ?? String(error)}`);
    process.exit(2);
  },
);
