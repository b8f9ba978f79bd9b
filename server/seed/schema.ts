/**
 * The shape of a seed file (graph-seed/seed.json), as zod schemas. Objects are strict so a
 * misspelt field is an error rather than silently ignored. Cross-references, offsets and the
 * ontology's rules are checked afterwards by validate.ts, which needs the whole file.
 */
import { z } from 'zod';
import { ENTITY_KINDS, FACT_TYPES } from '../model/ontology.ts';
import { PropertyValue } from '../model/values.ts';

const text = z.string().trim().min(1, 'must not be empty');

/** A quote in one passage: offsets count UTF-16 code units, end exclusive (String.slice). */
export const EvidenceSpec = z.strictObject({
  passage: text,
  start: z.int().min(0),
  end: z.int().min(1),
  quote: z.string().min(1, 'must not be empty'),
});
export type EvidenceSpec = z.infer<typeof EvidenceSpec>;

const Properties = z.record(z.string().min(1), PropertyValue);

/** Properties not stated in the text, with the source they come from. */
export const BackgroundSpec = z.strictObject({ properties: Properties, basis: text });
export type BackgroundSpec = z.infer<typeof BackgroundSpec>;

const Source = z.enum(['text', 'background'], {
  error: () => 'must be "text" (stated in the document) or "background" (with a basis)',
});

export const DocumentSpec = z.strictObject({
  key: text,
  /** Path of the source text, relative to the seed file. */
  file: text,
  /** The title exactly as published: the first passage of the source text. */
  title: text,
  normalisedTitle: text,
  url: z.url(),
  publisher: text,
  language: text,
  /** What part of the published text the file holds. */
  excerpt: text,
  /** Number of paragraphs after the title. */
  paragraphs: z.int().min(1),
});
export type DocumentSpec = z.infer<typeof DocumentSpec>;

export const EntitySpec = z.strictObject({
  key: text,
  kind: z.enum(ENTITY_KINDS, {
    error: () => `unknown kind; expected one of ${ENTITY_KINDS.join(', ')}`,
  }),
  name: text,
  aliases: z.array(text).default([]),
  description: text.optional(),
  properties: Properties.default({}),
  source: Source,
  basis: text.optional(),
  mentions: z.array(EvidenceSpec).default([]),
  background: z.array(BackgroundSpec).default([]),
});
export type EntitySpec = z.infer<typeof EntitySpec>;

export const RelationshipSpec = z.strictObject({
  type: z.enum(FACT_TYPES, {
    error: () => `unknown relationship type; expected one of ${FACT_TYPES.join(', ')}`,
  }),
  from: text,
  to: text,
  properties: Properties.default({}),
  source: Source,
  basis: text.optional(),
  evidence: z.array(EvidenceSpec).default([]),
  background: z.array(BackgroundSpec).default([]),
});
export type RelationshipSpec = z.infer<typeof RelationshipSpec>;

/** Items are parsed one by one (validate.ts), so one bad item does not hide the others' errors. */
export const SeedFileShape = z.strictObject({
  /** Marks every node and relationship the seed writes, so `--reset` can find them. */
  name: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug'),
  description: text.optional(),
  documents: z.array(z.unknown()).min(1, 'must list at least one document'),
  entities: z.array(z.unknown()),
  relationships: z.array(z.unknown()),
});
