/**
 * One ingestion, one write transaction: find the document (same content → nothing to do; same
 * URL, or the document it explicitly replaces → a new version; a title alone never is), withdraw the old version's facts, read the candidates, resolve,
 * and write. A failure anywhere rolls everything back, so a document is never half-replaced.
 */
import neo4j, { type Integer, type ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../../db/database.ts';
import { ENTITY_KINDS, RELATIONSHIP_SPECS, type EntityKind } from '../../model/ontology.ts';
import { MERGE_DOCUMENTS, MERGE_MENTIONS } from '../../model/queries.ts';
import { IngestError } from '../errors.ts';
import { DOCUMENT_REF, type Extraction } from '../extract/types.ts';
import type { PreparedDocument } from '../input.ts';
import { readCandidates } from '../resolve/candidates.ts';
import { resolveEntities, type EntityResolution } from '../resolve/resolve.ts';
import { slug } from '../text/fold.ts';
import { planIngestion, type IngestPlan } from './plan.ts';
import {
  CREATE_PASSAGES,
  DELETE_PASSAGES,
  DOCUMENT_KEY_EXISTS,
  FIND_DOCUMENTS,
  FIND_SYMMETRIC,
  MERGE_ENTITIES,
  MERGE_FACTS,
  MERGE_REVIEWS,
  RECOMPUTE_ENTITY_SOURCE,
  RELEASE_ENTITIES,
  WITHDRAW_FACTS,
} from './queries.ts';

export type IngestStatus = 'created' | 'replaced' | 'unchanged';

export interface WriteOutcome {
  status: IngestStatus;
  key: string;
  version: number;
  resolutions: EntityResolution[];
  plan: IngestPlan | undefined;
}

interface Existing {
  key: string;
  sha256: string | null;
  url: string | null;
  normalisedTitle: string | null;
  seed: string | null;
  version: number;
  entityKeys: string[];
}

const ROWS_PER_STATEMENT = 500;

async function findExisting(
  tx: ManagedTransaction,
  document: PreparedDocument,
): Promise<Existing[]> {
  const result = await tx.run<{
    key: string;
    sha256: string | null;
    url: string | null;
    normalisedTitle: string | null;
    seed: string | null;
    version: Integer | number;
    entityKeys: string[];
  }>(FIND_DOCUMENTS, {
    sha256: document.sha256,
    url: document.url ?? null,
    replaces: document.replaces ?? null,
  });
  return result.records.map((r) => ({
    key: r.get('key'),
    sha256: r.get('sha256'),
    url: r.get('url'),
    normalisedTitle: r.get('normalisedTitle'),
    seed: r.get('seed'),
    version: neo4j.integer.toNumber(r.get('version')),
    entityKeys: r.get('entityKeys'),
  }));
}

/**
 * The same source, another version: the document explicitly replaced, else the one with the same
 * URL. Two different stories may share a title (a dateline taken as title): both are kept.
 */
function previousVersion(existing: Existing[], document: PreparedDocument): Existing | undefined {
  if (document.replaces) {
    const named = existing.find((d) => d.key === document.replaces);
    if (!named)
      throw new IngestError(
        'document-metadata',
        `replaces: no stored document has the key ${document.replaces}`,
        { problems: [`no document ${document.replaces}`] },
      );
    return named;
  }
  return document.url ? existing.find((d) => d.url === document.url) : undefined;
}

async function freshKey(tx: ManagedTransaction, document: PreparedDocument): Promise<string> {
  const base = `document:${slug(document.title, 60)}`;
  for (const key of [
    base,
    `${base}-${document.sha256.slice(0, 8)}`,
    `${base}-${document.sha256.slice(0, 16)}`,
  ]) {
    const exists = (await tx.run(DOCUMENT_KEY_EXISTS, { key })).records[0]?.get('exists') === true;
    if (!exists) return key;
  }
  throw new IngestError('document-write-failed', `no free key for "${document.title}"`);
}

/** Runs a batched statement that reports how many rows it wrote, and insists they all were. */
async function run(
  tx: ManagedTransaction,
  query: string,
  rows: readonly object[],
  params: Record<string, unknown>,
): Promise<void> {
  if (rows.length === 0) return;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const batch = rows.slice(i, i + ROWS_PER_STATEMENT);
    const result = await tx.run<{ written: Integer | number }>(query, { ...params, rows: batch });
    const written = neo4j.integer.toNumber(result.records[0]?.get('written') ?? 0);
    // A MATCH that finds no endpoint drops its row silently: refuse rather than write half a document.
    if (written !== batch.length) {
      throw new IngestError(
        'document-write-failed',
        `wrote ${written} of ${batch.length} rows of one statement; nothing was stored`,
      );
    }
  }
}

/** Removes what an earlier version of the document stated, keeping what others state. */
async function withdraw(tx: ManagedTransaction, previous: Existing): Promise<void> {
  const params = {
    document: previous.key,
    passagePrefix: `${previous.key}#`,
    entityKeys: previous.entityKeys,
  };
  await tx.run(WITHDRAW_FACTS, params);
  await tx.run(DELETE_PASSAGES, params);
  await tx.run(RELEASE_ENTITIES, params);
  await tx.run(RECOMPUTE_ENTITY_SOURCE, params);
}

async function reversedSymmetric(
  tx: ManagedTransaction,
  extraction: Extraction,
  resolutions: Map<string, EntityResolution>,
): Promise<Set<string>> {
  const rows = extraction.facts
    .filter(
      (f) =>
        'symmetric' in RELATIONSHIP_SPECS[f.type] &&
        f.from !== DOCUMENT_REF &&
        f.to !== DOCUMENT_REF,
    )
    .map((f) => ({
      from: resolutions.get(f.from)?.key ?? f.from,
      to: resolutions.get(f.to)?.key ?? f.to,
      type: f.type,
    }));
  if (rows.length === 0) return new Set();
  const result = await tx.run<{ from: string; to: string; type: string; start: string }>(
    FIND_SYMMETRIC,
    { rows },
  );
  const reversed = new Set<string>();
  for (const r of result.records) {
    const from = r.get('from');
    if (r.get('start') !== from) reversed.add(`${from}|${r.get('type')}|${r.get('to')}`);
  }
  return reversed;
}

async function writePlan(tx: ManagedTransaction, plan: IngestPlan): Promise<void> {
  const params = { document: plan.document.key };
  await run(tx, MERGE_DOCUMENTS, [plan.document], params);
  await run(tx, CREATE_PASSAGES, plan.passages, params);
  await run(tx, MERGE_ENTITIES, plan.entities, params);
  await run(tx, MERGE_MENTIONS, plan.mentions, params);
  await run(tx, MERGE_FACTS, plan.facts, params);
  await run(tx, MERGE_REVIEWS, plan.reviews, params);
}

/**
 * Writes a prepared document and its extraction. Idempotent by content hash; a new version of a
 * document replaces its own facts and leaves every other document's (and the seed's) alone.
 */
export async function writeDocument(
  db: Database,
  document: PreparedDocument,
  extraction: Extraction,
  now: Date = new Date(),
): Promise<WriteOutcome> {
  return db.write(async (tx) => {
    const existing = await findExisting(tx, document);
    const same = existing.find((d) => d.sha256 === document.sha256);
    if (same)
      return {
        status: 'unchanged',
        key: same.key,
        version: same.version,
        resolutions: [],
        plan: undefined,
      };
    const previous = previousVersion(existing, document);
    if (previous?.seed) {
      throw new IngestError(
        'document-seed-owned',
        `"${document.title}" is a new version of the seed document ${previous.key}; the seed is changed through graph-seed/, not by ingestion`,
        { document: previous.key },
      );
    }
    if (previous) await withdraw(tx, previous);
    const key = previous?.key ?? (await freshKey(tx, document));
    const kinds = [...new Set(extraction.entities.map((e) => e.kind))].filter(
      (k): k is EntityKind => (ENTITY_KINDS as readonly string[]).includes(k),
    );
    const candidates = await readCandidates(tx, kinds);
    const resolutions = resolveEntities(extraction, candidates);
    const reversed = await reversedSymmetric(tx, extraction, resolutions);
    const version = (previous?.version ?? 0) + 1;
    const plan = planIngestion({
      document,
      key,
      version,
      extraction,
      resolutions,
      reversed,
      ingestedAt: now,
    });
    await writePlan(tx, plan);
    return {
      status: previous ? 'replaced' : 'created',
      key,
      version,
      resolutions: [...resolutions.values()],
      plan,
    };
  });
}
