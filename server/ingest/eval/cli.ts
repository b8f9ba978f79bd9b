/**
 * `npm run eval:extract`: scores the extractor on the gold set (hand-annotated real texts read
 * from ../shared) per text and micro-averaged, and on every seed document against the curated
 * seed graph; prints the figures and writes them to docs/INGESTION.md. Exit code 1 when a target
 * is missed (gold set: GOLD_TARGETS; seed: entity F1 ≥ 0.9, relation F1 ≥ 0.75).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { REPO_ROOT } from '../../neo4j/constants.ts';
import { readSeedFile } from '../../seed/file.ts';
import { evaluateDocument, type Evaluation } from './evaluate.ts';
import { evaluateGoldSet, GOLD_TARGETS, type GoldSetEvaluation } from './gold-set.ts';
import { SHARED_DIR } from './gold.ts';
import type { Score } from './metrics.ts';
import type { Accuracy } from './score-gold.ts';

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

const ratio = (a: Accuracy) => `${a.correct}/${a.stated}`;
const prf = (s: Score) => `${pct(s.precision)} / ${pct(s.recall)} / ${pct(s.f1)}`;

export function goldReport(g: GoldSetEvaluation): string {
  const t = GOLD_TARGETS;
  const list = (items: string[]) =>
    items.length === 0 ? 'none' : items.map((i) => `\`${i}\``).join(', ');
  const gold =
    '| | gold | extracted | correct | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|---:|';
  return [
    `**Gold set** (${g.texts.length} texts, micro-averaged): **entities F1 ${pct(g.entities.overall.f1)}** (target ≥ ${t.entityF1}), person recall ${pct(g.entities.byKind.Person?.recall ?? 1)} (≥ ${t.personRecall}) · **relations precision ${pct(g.relations.overall.precision)}** (≥ ${t.relationPrecision}; values and evidence must be right), recall ${pct(g.relations.overall.recall)}, F1 ${pct(g.relations.overall.f1)} · meeting date ${ratio(g.date)}, place ${ratio(g.place)} (≥ ${t.dateAndPlace * 100} %) · figures exact ${ratio(g.figures)} · facts without a quote: ${g.unquotedFacts}. Targets ${g.missedTargets.length === 0 ? 'met' : `missed: ${g.missedTargets.join('; ')}`}.`,
    '',
    'Per text (precision / recall / F1):',
    '',
    '| text | entities | relations | date | place | figures exact |',
    '|---|---|---|---:|---:|---:|',
    ...g.texts.map(
      (r) =>
        `| ${r.text} | ${prf(r.entities.overall)} | ${prf(r.relations.overall)} | ${ratio(r.date)} | ${ratio(r.place)} | ${ratio(r.figures)} |`,
    ),
    '',
    'Entities by kind (micro-averaged):',
    '',
    gold,
    ...Object.entries(g.entities.byKind).map(([k, s]) => row(k, s)),
    row('**all**', g.entities.overall),
    '',
    'Relations by type (micro-averaged):',
    '',
    gold,
    ...Object.entries(g.relations.byType).map(([k, s]) => row(k, s)),
    row('**all**', g.relations.overall),
    '',
    ...g.texts.flatMap((r) => [
      `- ${r.text}: missed entities ${list(r.missedEntities)}; extra entities ${list(r.extraEntities)}; missed relations ${list(r.missedRelations)}; extra relations ${list(r.extraRelations)}; wrong ${list(r.wrongRelations)}.`,
    ]),
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
  const gold = await evaluateGoldSet();
  if (gold.texts.length === 0) {
    process.stderr.write(`${SHARED_DIR} not found: the gold set is not scored\n`);
  } else {
    const text = goldReport(gold);
    process.stdout.write(`${text}\n\n`);
    sections.push(text);
    ok &&= gold.missedTargets.length === 0;
  }
  for (const document of seed.documents) {
    const evaluation = await evaluateDocument(seed, document);
    const text = `**Seed document against the curated seed graph.** ${report(evaluation)}`;
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
