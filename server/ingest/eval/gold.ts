/**
 * The gold evaluation set: hand annotations of real texts (entities with their mentions, facts
 * with their evidence, the meeting's date and place, figures), every span given as character
 * offsets into the text exactly as stored in ../shared. The texts stay there; the annotations
 * live beside this module, one JSON file per text, and are checked against the text on load.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '../../neo4j/constants.ts';
import { ENTITY_KINDS, FACT_TYPES } from '../../model/ontology.ts';

/** Where the annotated texts are read from (never copied into the repository). */
export const SHARED_DIR = path.resolve(REPO_ROOT, '..', 'shared');
export const GOLD_DIR = path.join(REPO_ROOT, 'server', 'ingest', 'eval', 'gold');

const span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  quote: z.string().min(1),
});
const value = z.union([z.string(), z.number(), z.boolean()]);

const goldFile = z.object({
  /** Path of the text relative to ../shared. */
  text: z.string().min(1),
  meeting: z.object({
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    place: z.string().min(1).optional(),
    dateSpan: span.optional(),
    placeSpan: span.optional(),
  }),
  entities: z.array(
    z.object({
      key: z.string().regex(/^[a-z]+:[\w-]+$/),
      kind: z.enum(ENTITY_KINDS),
      mentions: z.array(span).min(1),
    }),
  ),
  facts: z.array(
    z.object({
      type: z.enum(FACT_TYPES as [string, ...string[]]),
      from: z.string().min(1),
      to: z.string().min(1),
      evidence: z.array(span).min(1),
      /** Property values the fact must carry to count as right. */
      values: z.record(z.string(), value).optional(),
    }),
  ),
  figures: z.array(span.extend({ value: z.number(), unit: z.string().min(1) })),
});

export type GoldSpan = z.infer<typeof span>;
export type GoldText = z.infer<typeof goldFile> & { name: string; content: string };

export class GoldSetError extends Error {
  override readonly name = 'GoldSetError';
}

/** Every gold file, validated and checked against its text; none when ../shared is absent. */
export function readGoldSet(dir = GOLD_DIR, shared = SHARED_DIR): GoldText[] {
  if (!fs.existsSync(shared)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => readGoldFile(path.join(dir, file), shared));
}

export function readGoldFile(file: string, shared = SHARED_DIR): GoldText {
  const name = path.basename(file, '.json');
  const parsed = goldFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new GoldSetError(
      `gold file ${name}: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`,
    );
  const gold = parsed.data;
  const textFile = path.join(shared, gold.text);
  if (!fs.existsSync(textFile))
    throw new GoldSetError(`gold file ${name}: its text ${gold.text} is not in ${shared}`);
  const content = fs.readFileSync(textFile, 'utf8');
  const spans: GoldSpan[] = [
    ...gold.entities.flatMap((e) => e.mentions),
    ...gold.facts.flatMap((f) => f.evidence),
    ...gold.figures,
    ...(gold.meeting.dateSpan ? [gold.meeting.dateSpan] : []),
    ...(gold.meeting.placeSpan ? [gold.meeting.placeSpan] : []),
  ];
  for (const s of spans) {
    const actual = content.slice(s.start, s.end);
    if (actual !== s.quote)
      throw new GoldSetError(
        `gold file ${name}: offsets ${s.start}–${s.end} of ${gold.text} read "${actual}", not "${s.quote}"`,
      );
  }
  const keys = new Set(gold.entities.map((e) => e.key));
  for (const f of gold.facts)
    for (const end of [f.from, f.to])
      if (end !== '$document' && !keys.has(end))
        throw new GoldSetError(`gold file ${name}: fact ${f.type} names ${end}, not annotated`);
  return { ...gold, name, content };
}
