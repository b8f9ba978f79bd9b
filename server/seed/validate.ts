/**
 * Seed validation: shape (zod), then the rules that need the whole file — unique keys, known
 * references, kinds the ontology allows, quotes found at their offsets, evidence on every text
 * fact, a basis for every background fact, every paragraph supporting a fact. Pure: sources come
 * in through a reader, and every violation is collected so the curator sees them all at once.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { SeedViolation } from './errors.ts';
import {
  DOCUMENT_PREFIX,
  KIND_SPECS,
  RELATIONSHIP_SPECS,
  RESERVED_PROPERTIES,
  type EndpointKind,
} from '../model/ontology.ts';
import { paragraphCount, splitPassages, type Passage } from '../model/passages.ts';
import { closest } from './suggest.ts';
import {
  DocumentSpec,
  EntitySpec,
  RelationshipSpec,
  SeedFileShape,
  type BackgroundSpec,
  type EvidenceSpec,
} from './schema.ts';
import type { PropertyValue } from '../model/values.ts';

export interface SeedDocument extends DocumentSpec {
  text: string;
  sha256: string;
  passages: Passage[];
}

/** A seed that passed every rule, with its documents read and split into passages. */
export interface ValidSeed {
  name: string;
  file: string;
  documents: SeedDocument[];
  entities: EntitySpec[];
  relationships: RelationshipSpec[];
}

export type SourceRead = { text: string } | { problem: string };

export interface ValidationContext {
  /** Name of the seed file as shown in messages. */
  file: string;
  /** Reads a document's source text by its path relative to the seed file. */
  readSource: (relativePath: string) => SourceRead;
}

export type ValidationOutcome =
  { ok: true; seed: ValidSeed } | { ok: false; violations: SeedViolation[] };

const KEY_PATTERN = /^[a-z]+:[a-z0-9]+(?:-[a-z0-9]+)*$/;
const RESERVED = new Set<string>(RESERVED_PROPERTIES);

export function jsonPath(parts: readonly PropertyKey[]): string {
  return parts.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : `${out}.${String(part)}`),
    '$',
  );
}

class Collector {
  readonly violations: SeedViolation[] = [];
  constructor(private readonly file: string) {}
  add(path: string, problem: string): void {
    this.violations.push({ file: this.file, path, problem });
  }
  zod(prefix: readonly PropertyKey[], error: z.ZodError): void {
    for (const issue of error.issues) this.add(jsonPath([...prefix, ...issue.path]), issue.message);
  }
}

/** Validates a parsed seed file; returns the typed seed or every violation found. */
export function validateSeed(raw: unknown, context: ValidationContext): ValidationOutcome {
  const out = new Collector(context.file);
  const shape = SeedFileShape.safeParse(raw);
  if (!shape.success) {
    out.zod([], shape.error);
    return { ok: false, violations: out.violations };
  }
  const file = shape.data;
  // Declared keys and their kinds; null when the kind itself is invalid (reported elsewhere).
  const kinds = new Map<string, EndpointKind | null>();
  const passages = new Map<string, Passage>();
  // Documents whose source could not be read: quotes into them cannot be checked (the read
  // failure is reported once, on the document).
  const unreadable = new Set<string>();

  const documents = parseItems(file.documents, 'documents', DocumentSpec, out);
  const entities = parseItems(file.entities, 'entities', EntitySpec, out);
  const relationships = parseItems(file.relationships, 'relationships', RelationshipSpec, out);

  // Keys of items that failed their shape still count as declared, so that references to them
  // are not reported a second time as unknown.
  registerKeys(file.documents, 'documents', () => 'Document', kinds, out);
  registerKeys(file.entities, 'entities', (item) => kindOf(item), kinds, out);

  const seedDocuments: SeedDocument[] = [];
  for (const { item, at } of documents) {
    const document = checkDocument(item, at, context, out);
    if (!document) {
      unreadable.add(item.key);
      continue;
    }
    seedDocuments.push(document);
    for (const passage of document.passages) passages.set(passage.key, passage);
  }
  // A document with a bad field still provides its passages, so quotes in it are checked
  // rather than all reported as pointing at an unknown passage.
  for (const raw of file.documents) {
    const { key, file: source } = (raw ?? {}) as { key?: unknown; file?: unknown };
    if (typeof key !== 'string' || typeof source !== 'string') continue;
    if (seedDocuments.some((d) => d.key === key)) continue;
    const read = context.readSource(source);
    if ('problem' in read) unreadable.add(key);
    else for (const p of splitPassages(key, read.text)) passages.set(p.key, p);
  }

  const quotes: QuoteContext = { passages, unreadable };
  for (const { item, at } of entities) checkEntity(item, at, quotes, out);

  const seen = new Map<string, string>();
  const cited = citedPassages(file.relationships);
  for (const { item, at } of relationships) {
    checkRelationship(item, at, kinds, quotes, out);
    const identity = `${item.from}|${item.type}|${item.to}`;
    const first = seen.get(identity);
    if (first) {
      out.add(
        at,
        `duplicate of ${first} (${item.type} from "${item.from}" to "${item.to}"): state one fact once and list all its quotes in evidence`,
      );
    } else seen.set(identity, at);
  }

  for (const [index, document] of seedDocuments.entries()) {
    for (const passage of document.passages) {
      if (!cited.has(passage.key)) {
        out.add(
          jsonPath(['documents', index]),
          `passage "${passage.key}" (${passage.name}) is not cited in the evidence of any relationship: every passage must support at least one fact`,
        );
      }
    }
  }

  if (out.violations.length > 0) return { ok: false, violations: out.violations };
  return {
    ok: true,
    seed: {
      name: file.name,
      file: context.file,
      documents: seedDocuments,
      entities: entities.map((e) => e.item),
      relationships: relationships.map((r) => r.item),
    },
  };
}

function parseItems<T>(
  items: unknown[],
  field: string,
  schema: z.ZodType<T>,
  out: Collector,
): { item: T; at: string }[] {
  const parsed: { item: T; at: string }[] = [];
  items.forEach((raw, index) => {
    const result = schema.safeParse(raw);
    if (result.success) parsed.push({ item: result.data, at: jsonPath([field, index]) });
    else out.zod([field, index], result.error);
  });
  return parsed;
}

/** Passages cited by any relationship, read from the raw items so a bad field elsewhere in a
 * relationship does not also make its passages look uncited. */
function citedPassages(relationships: unknown[]): Set<string> {
  const cited = new Set<string>();
  for (const raw of relationships) {
    const evidence = (raw as { evidence?: unknown } | null)?.evidence;
    if (!Array.isArray(evidence)) continue;
    for (const e of evidence) {
      const passage = (e as { passage?: unknown } | null)?.passage;
      if (typeof passage === 'string') cited.add(passage);
    }
  }
  return cited;
}

function kindOf(item: unknown): EndpointKind | undefined {
  const kind = (item as { kind?: unknown } | null)?.kind;
  return typeof kind === 'string' && kind in KIND_SPECS ? (kind as EndpointKind) : undefined;
}

function registerKeys(
  items: unknown[],
  field: string,
  kind: (item: unknown) => EndpointKind | undefined,
  kinds: Map<string, EndpointKind | null>,
  out: Collector,
): void {
  items.forEach((item, index) => {
    const key = (item as { key?: unknown } | null)?.key;
    if (typeof key !== 'string') return;
    const at = jsonPath([field, index, 'key']);
    if (kinds.has(key)) out.add(at, `duplicate key "${key}": keys must be unique in the seed`);
    kinds.set(key, kind(item) ?? null);
  });
}

function checkKey(key: string, prefix: string, kind: string, at: string, out: Collector): void {
  if (!KEY_PATTERN.test(key)) {
    out.add(`${at}.key`, `key "${key}" must look like "${prefix}:lower-case-slug"`);
  } else if (!key.startsWith(`${prefix}:`)) {
    out.add(`${at}.key`, `key "${key}" must start with "${prefix}:" for kind ${kind}`);
  }
}

function checkDocument(
  document: DocumentSpec,
  at: string,
  context: ValidationContext,
  out: Collector,
): SeedDocument | undefined {
  checkKey(document.key, DOCUMENT_PREFIX, 'Document', at, out);
  const read = context.readSource(document.file);
  if ('problem' in read) {
    out.add(`${at}.file`, `cannot read "${document.file}": ${read.problem}`);
    return undefined;
  }
  const passages = splitPassages(document.key, read.text);
  const title = passages[0]?.text;
  if (title !== document.title) {
    out.add(
      `${at}.title`,
      `must equal the first block of "${document.file}" exactly; the file starts with ${JSON.stringify(title ?? '')}`,
    );
  }
  const paragraphs = paragraphCount(passages);
  if (paragraphs !== document.paragraphs) {
    out.add(
      `${at}.paragraphs`,
      `says ${document.paragraphs} but "${document.file}" has ${paragraphs} paragraphs after the title`,
    );
  }
  const sha256 = createHash('sha256').update(read.text, 'utf8').digest('hex');
  return { ...document, text: read.text, sha256, passages };
}

function checkEntity(entity: EntitySpec, at: string, quotes: QuoteContext, out: Collector): void {
  const spec = KIND_SPECS[entity.kind];
  checkKey(entity.key, spec.prefix, entity.kind, at, out);
  checkSource(entity, 'mentions', entity.mentions, at, out);
  entity.mentions.forEach((m, i) => checkQuote(m, `${at}.mentions[${i}]`, quotes, out));
  const names = checkProperties(entity.properties, entity.background, at, out);
  for (const required of spec.required) {
    if (!names.has(required)) {
      out.add(`${at}.properties`, `kind ${entity.kind} requires the property "${required}"`);
    }
  }
  const forms = new Set([entity.name.toLowerCase()]);
  entity.aliases.forEach((alias, i) => {
    if (forms.has(alias.toLowerCase())) {
      out.add(`${at}.aliases[${i}]`, `alias "${alias}" repeats the name or another alias`);
    }
    forms.add(alias.toLowerCase());
  });
}

function checkRelationship(
  relationship: RelationshipSpec,
  at: string,
  kinds: Map<string, EndpointKind | null>,
  quotes: QuoteContext,
  out: Collector,
): void {
  const spec = RELATIONSHIP_SPECS[relationship.type];
  for (const end of ['from', 'to'] as const) {
    const key = relationship[end];
    const kind = kinds.get(key);
    const allowed: readonly EndpointKind[] = spec[end];
    if (kind === undefined) {
      const hint = closest(key, [...kinds.keys()]);
      out.add(
        `${at}.${end}`,
        `unknown node key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}: declare it under entities or documents`,
      );
    } else if (kind !== null && !allowed.includes(kind)) {
      out.add(
        `${at}.${end}`,
        `${relationship.type} cannot ${end === 'from' ? 'start at' : 'end at'} "${key}" of kind ${kind}; the ontology allows ${allowed.join(' or ')}`,
      );
    }
  }
  checkSource(relationship, 'evidence', relationship.evidence, at, out);
  relationship.evidence.forEach((e, i) => checkQuote(e, `${at}.evidence[${i}]`, quotes, out));
  checkProperties(relationship.properties, relationship.background, at, out);
}

function checkSource(
  fact: { source: 'text' | 'background'; basis?: string | undefined },
  field: 'mentions' | 'evidence',
  quotes: EvidenceSpec[],
  at: string,
  out: Collector,
): void {
  if (fact.source === 'text') {
    if (quotes.length === 0) {
      out.add(
        `${at}.${field}`,
        `a fact with source "text" needs at least one quote in ${field}; a fact the document does not state must be source "background" with a basis`,
      );
    }
    if (fact.basis !== undefined) {
      out.add(
        `${at}.basis`,
        'only a background fact has a basis; put background properties of a text fact under "background" with their basis',
      );
    }
  } else {
    if (fact.basis === undefined) {
      out.add(
        `${at}.basis`,
        'a fact with source "background" needs a basis saying where the knowledge comes from',
      );
    }
    if (quotes.length > 0) {
      out.add(
        `${at}.${field}`,
        'a background fact has no quotes; if the document states it, make it source "text"',
      );
    }
  }
}

interface QuoteContext {
  passages: Map<string, Passage>;
  unreadable: Set<string>;
}

function checkQuote(
  evidence: EvidenceSpec,
  at: string,
  { passages, unreadable }: QuoteContext,
  out: Collector,
): void {
  const passage = passages.get(evidence.passage);
  if (!passage) {
    const documentKey = evidence.passage.slice(0, evidence.passage.lastIndexOf('#'));
    if (unreadable.has(documentKey)) return;
    const hint = closest(evidence.passage, [...passages.keys()]);
    out.add(
      `${at}.passage`,
      `unknown passage "${evidence.passage}"${hint ? ` (did you mean "${hint}"?)` : ''}`,
    );
    return;
  }
  if (evidence.end <= evidence.start) {
    out.add(`${at}.end`, `end ${evidence.end} must be greater than start ${evidence.start}`);
    return;
  }
  if (evidence.end > passage.text.length) {
    out.add(
      `${at}.end`,
      `end ${evidence.end} is beyond the end of passage "${passage.key}" (length ${passage.text.length})`,
    );
    return;
  }
  const found = passage.text.slice(evidence.start, evidence.end);
  if (found === evidence.quote) return;
  const elsewhere = passage.text.indexOf(evidence.quote);
  out.add(
    `${at}.quote`,
    `quote not found at ${evidence.start}–${evidence.end} of passage "${passage.key}" (the text there is ${JSON.stringify(found)}); ` +
      (elsewhere >= 0
        ? `the quote occurs at start ${elsewhere}, end ${elsewhere + evidence.quote.length}`
        : 'the quote does not occur in this passage'),
  );
}

/** Checks reserved and repeated names; returns every property name the item will have. */
function checkProperties(
  properties: Record<string, PropertyValue>,
  background: BackgroundSpec[],
  at: string,
  out: Collector,
): Set<string> {
  const names = new Set<string>();
  const visit = (name: string, path: string) => {
    if (RESERVED.has(name)) {
      out.add(path, `"${name}" is set by the loader and cannot be given as a property`);
    } else if (names.has(name)) {
      out.add(path, `property "${name}" is given more than once`);
    }
    names.add(name);
  };
  for (const name of Object.keys(properties)) visit(name, `${at}.properties.${name}`);
  background.forEach((entry, i) => {
    if (Object.keys(entry.properties).length === 0) {
      out.add(`${at}.background[${i}].properties`, 'must name at least one property');
    }
    for (const name of Object.keys(entry.properties)) {
      visit(name, `${at}.background[${i}].properties.${name}`);
    }
  });
  return names;
}
