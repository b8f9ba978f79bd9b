/**
 * Ingestion entry point shared by `npm run ingest` and POST /api/documents: prepare (every input
 * check, nothing written on failure), extract (offline by default), then resolve and write in
 * one transaction.
 */
import type { Database } from '../db/database.ts';
import { applySchema } from '../model/schema.ts';
import type { EntityKind } from '../model/ontology.ts';
import { RuleExtractor } from './extract/rules.ts';
import type { Extractor } from './extract/types.ts';
import { prepareDocument, type DocumentSubmission, type PreparedDocument } from './input.ts';
import { readPersonNames } from './resolve/candidates.ts';
import type { EntityResolution } from './resolve/resolve.ts';
import { writeDocument, type IngestStatus } from './write/write.ts';

export { IngestError, type IngestErrorId } from './errors.ts';
export {
  MAX_DOCUMENT_BYTES,
  prepareDocument,
  type DocumentSubmission,
  type PreparedDocument,
} from './input.ts';
export type { Extractor } from './extract/types.ts';

export interface ReviewItem {
  /** The entity this document introduced. */
  entity: string;
  name: string;
  /** The existing entity it may be the same as. */
  candidate: string;
  candidateName: string;
  score: number;
  method: string;
}

export interface IngestReport {
  status: IngestStatus;
  key: string;
  version: number;
  title: string;
  sha256: string;
  extractor: string;
  passages: number;
  entities: {
    matched: number;
    created: number;
    doubtful: number;
    byKind: Partial<Record<EntityKind, number>>;
  };
  mentions: number;
  facts: number;
  /** Facts left out because a quote did not match its offsets (0 unless an extractor errs). */
  droppedFacts: number;
  reviews: ReviewItem[];
  ms: number;
}

const DEFAULT_EXTRACTOR: Extractor = new RuleExtractor();
const schemaReady = new WeakMap<Database, Promise<void>>();

/** Constraints and the full-text index, as the seed loader creates them; once per database. */
function ensureSchema(db: Database): Promise<void> {
  const known = schemaReady.get(db);
  if (known) return known;
  const ready = applySchema(db).then(() => undefined);
  schemaReady.set(db, ready);
  ready.catch(() => schemaReady.delete(db));
  return ready;
}

export interface IngestOptions {
  extractor?: Extractor;
  now?: Date;
}

/** Ingests a prepared document (see prepareDocument for the input checks). */
export async function ingestPrepared(
  db: Database,
  document: PreparedDocument,
  options: IngestOptions = {},
): Promise<IngestReport> {
  const started = performance.now();
  const extractor = options.extractor ?? DEFAULT_EXTRACTOR;
  await ensureSchema(db);
  const extraction = await extractor.extract(document, {
    personNames: await readPersonNames(db),
  });
  const outcome = await writeDocument(db, document, extraction, options.now);
  const names = new Map(extraction.entities.map((e) => [e.id, e.name]));
  const kinds = new Map(extraction.entities.map((e) => [e.id, e.kind]));
  const count = (status: EntityResolution['status']) =>
    outcome.resolutions.filter((r) => r.status === status).length;
  const byKind: Partial<Record<EntityKind, number>> = {};
  for (const r of outcome.resolutions) {
    const kind = kinds.get(r.id);
    if (kind) byKind[kind] = (byKind[kind] ?? 0) + 1;
  }
  return {
    status: outcome.status,
    key: outcome.key,
    version: outcome.version,
    title: document.title,
    sha256: document.sha256,
    extractor: extraction.extractor,
    passages: document.passages.length,
    entities: {
      matched: count('matched'),
      created: count('new'),
      doubtful: count('doubtful'),
      byKind,
    },
    mentions: outcome.plan?.mentions.length ?? 0,
    facts: outcome.plan?.facts.length ?? 0,
    droppedFacts: outcome.plan?.droppedFacts ?? 0,
    reviews: outcome.resolutions
      .filter((r) => r.status === 'doubtful' && r.candidate)
      .map((r) => ({
        entity: r.key,
        name: names.get(r.id) ?? r.key,
        candidate: r.candidate ?? '',
        candidateName: r.candidateName ?? '',
        score: r.score,
        method: r.method,
      })),
    ms: Math.round(performance.now() - started),
  };
}

/** Checks, extracts and writes one submission; throws IngestError (nothing written) on bad input. */
export async function ingestDocument(
  db: Database,
  submission: DocumentSubmission,
  options: IngestOptions = {},
): Promise<IngestReport> {
  return ingestPrepared(db, prepareDocument(submission), options);
}
