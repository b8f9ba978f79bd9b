/**
 * `npm run eval:extract`: extracts every seed document and compares the result with the curated
 * seed graph; prints precision, recall and F1 per entity kind and relation type, and writes them
 * to docs/INGESTION.md. Exit code 1 when a target (entity F1 ≥ 0.9, relation F1 ≥ 0.75) is missed.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { REPO_ROOT } from '../../../tools/neo4j/constants.ts';
import { readSeedFile } from '../../seed/file.ts';
import { evaluateDocument, type Evaluation, type Score } from './evaluate.ts';

export const ENTITY_F1_TARGET = 0.9;
export const RELATION_F1_TARGET = 0.75;
const DOC = path.join(REPO_ROOT, 'docs', 'INGESTION.md');
const START = '<!-- eval:start -->';
const END = '<!-- eval:end -->';

const pct = (n: number) => n.toFixed(2);
const row = (name: string, s: Score) =>
  `| ${name} | ${s.gold} | ${s.predicted} | ${s.correct} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} |`;
const HEADER =
  '| | curated | extracted | correct | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|---:|';

export function report(evaluation: Evaluation): string {
  const e = evaluation.entities;
  const r = evaluation.relations;
  const list = (items: string[]) =>
    items.length === 0 ? 'none' : items.map((i) => `\`${i}\``).join(', ');
  return [
    `Document \`${evaluation.document}\`, extractor \`${evaluation.extractor}\`, ${new Date().toISOString().slice(0, 10)}.`,
    '',
    `**Entities: F1 ${pct(e.overall.f1)}** (target ≥ ${ENTITY_F1_TARGET}) · **relations: F1 ${pct(r.overall.f1)}** (target ≥ ${RELATION_F1_TARGET}) · evidence agreement ${pct(evaluation.evidenceAgreement)} (correct facts quoting a passage the curated evidence cites).`,
    '',
    'Entities by kind:',
    '',
    HEADER,
    ...Object.entries(e.byKind).map(([k, s]) => row(k, s)),
    row('**all**', e.overall),
    '',
    'Relations by type:',
    '',
    HEADER,
    ...Object.entries(r.byType).map(([k, s]) => row(k, s)),
    row('**all**', r.overall),
    '',
    `Missed entities: ${list(evaluation.missedEntities)}. Extra entities: ${list(evaluation.extraEntities)}.`,
    '',
    `Missed relations: ${list(evaluation.missedRelations)}. Extra relations: ${list(evaluation.extraRelations)}.`,
  ].join('\n');
}

/** Writes the figures between their markers, formatted as the repository's Prettier settings say. */
async function writeDoc(markdown: string): Promise<void> {
  const block = `${START}\n${markdown}\n${END}`;
  const current = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '# Ingestion\n';
  const from = current.indexOf(START);
  const to = current.indexOf(END);
  const next =
    from >= 0 && to > from
      ? `${current.slice(0, from)}${block}${current.slice(to + END.length)}`
      : `${current.trimEnd()}\n\n${block}\n`;
  const options = (await prettier.resolveConfig(DOC)) ?? {};
  fs.writeFileSync(DOC, await prettier.format(next, { ...options, filepath: DOC }));
}

async function main(): Promise<number> {
  const seed = readSeedFile();
  const sections: string[] = [];
  let ok = true;
  for (const document of seed.documents) {
    const evaluation = await evaluateDocument(seed, document);
    const text = report(evaluation);
    process.stdout.write(`${text}\n\n`);
    sections.push(text);
    ok &&=
      evaluation.entities.overall.f1 >= ENTITY_F1_TARGET &&
      evaluation.relations.overall.f1 >= RELATION_F1_TARGET;
  }
  await writeDoc(sections.join('\n\n'));
  process.stdout.write(
    `Written to ${path.relative(REPO_ROOT, DOC)}. Targets ${ok ? 'met' : 'NOT met'}.\n`,
  );
  return ok ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(2);
    },
  );
}
