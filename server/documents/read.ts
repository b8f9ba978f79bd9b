/**
 * Reads documents for the API and presents them: a list of summaries, or one document with its
 * passages, mentions, facts (with this document's quotes only) and review items.
 */
import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import type {
  DocumentChanges,
  DocumentDetail,
  DocumentFact,
  DocumentListResponse,
  DocumentPassage,
  DocumentSummary,
} from '../../common/api.ts';
import type { Database } from '../db/database.ts';
import { encodeProperties, toGraphNode, toGraphRelationship } from '../db/encode.ts';
import { EVIDENCE_LISTS } from '../model/ontology.ts';
import {
  COUNT_DOCUMENTS,
  LIST_DOCUMENTS,
  READ_CHANGES,
  READ_DOCUMENT,
  READ_FACTS,
  READ_MENTIONS,
  READ_REVIEWS,
} from './queries.ts';

const num = (v: unknown): number => (neo4j.isInt(v) ? v.toNumber() : typeof v === 'number' ? v : 0);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const temporal = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === 'string' ? v : String(v);

/** The pure presenter of a Document node as a summary. */
export function presentSummary(document: Node, passages: number): DocumentSummary {
  const p = document.properties as Record<string, unknown>;
  return {
    key: String(p.key),
    title: str(p.title) ?? str(p.name) ?? String(p.key),
    url: str(p.url),
    date: temporal(p.date),
    sha256: str(p.sha256),
    version: p.version === undefined ? 1 : num(p.version),
    ingestedAt: temporal(p.ingestedAt),
    seed: str(p.seed),
    passages,
  };
}

export function presentPassage(passage: Node): DocumentPassage {
  const p = passage.properties as Record<string, unknown>;
  return {
    key: String(p.key),
    index: num(p.index),
    kind: str(p.kind) ?? 'paragraph',
    name: str(p.name) ?? '',
    text: str(p.text) ?? '',
    start: num(p.start),
    end: num(p.end),
  };
}

const EVIDENCE_AND_BOOKKEEPING = new Set<string>([
  ...EVIDENCE_LISTS,
  'documents',
  'documentConfidences',
  'key',
]);

/** A fact as this document states it: its quotes from this document's passages only. */
export function presentFact(
  fact: Relationship,
  ends: { from: DocumentFact['from']; to: DocumentFact['to'] },
  documentKey: string,
): DocumentFact {
  const p = fact.properties as Record<string, unknown>;
  const list = (name: string) => (Array.isArray(p[name]) ? (p[name] as unknown[]) : []);
  const passages = list('evidencePassages').map(String);
  const evidence = passages
    .map((passage, i) => ({
      passage,
      start: num(list('evidenceStarts')[i]),
      end: num(list('evidenceEnds')[i]),
      quote: String(list('evidenceQuotes')[i] ?? ''),
    }))
    .filter((e) => e.passage.startsWith(`${documentKey}#`));
  const others = new Set<string>(
    list('documents')
      .map(String)
      .filter((d) => d !== documentKey),
  );
  for (const passage of passages) {
    const owner = passage.split('#')[0] ?? '';
    if (owner !== documentKey) others.add(owner);
  }
  if (typeof p.seed === 'string') others.add(`seed:${p.seed}`);
  return {
    key: str(p.key) ?? fact.elementId,
    type: fact.type,
    ...ends,
    properties: encodeProperties(
      Object.fromEntries(Object.entries(p).filter(([k]) => !EVIDENCE_AND_BOOKKEEPING.has(k))),
    ),
    confidence: typeof p.confidence === 'number' ? p.confidence : null,
    alsoStatedBy: [...others].sort(),
    evidence,
  };
}

export async function listDocuments(
  db: Database,
  limit: number,
  offset: number,
  timeoutMs: number,
): Promise<DocumentListResponse> {
  return db.read(async (tx) => {
    const total = num((await tx.run<{ total: unknown }>(COUNT_DOCUMENTS)).records[0]?.get('total'));
    const rows = await tx.run<{ document: Node; passages: unknown }>(LIST_DOCUMENTS, {
      limit: neo4j.int(limit),
      offset: neo4j.int(offset),
    });
    return {
      total,
      documents: rows.records.map((r) => presentSummary(r.get('document'), num(r.get('passages')))),
    };
  }, timeoutMs);
}

/** One document in full, or undefined when there is none with this key. */
export async function readDocument(
  db: Database,
  key: string,
  timeoutMs: number,
): Promise<DocumentDetail | undefined> {
  return db.read(async (tx) => {
    const record = (await tx.run<{ document: Node; passages: Node[] }>(READ_DOCUMENT, { key }))
      .records[0];
    if (!record) return undefined;
    const document = record.get('document');
    const passages = record.get('passages').map(presentPassage);
    const p = document.properties as Record<string, unknown>;
    const mentions = (
      await tx.run<{
        passage: string;
        start: unknown;
        end: unknown;
        quote: string | null;
        entity: string;
        kind: unknown;
        name: string | null;
      }>(READ_MENTIONS, { key })
    ).records.map((r) => ({
      passage: r.get('passage'),
      start: num(r.get('start')),
      end: num(r.get('end')),
      quote: String(r.get('quote') ?? ''),
      entity: {
        key: r.get('entity'),
        kind: String(r.get('kind')),
        name: String(r.get('name') ?? ''),
      },
    }));
    const facts = (
      await tx.run<{
        fact: Relationship;
        fromKey: string;
        fromKind: string;
        fromName: string | null;
        toKey: string;
        toKind: string;
        toName: string | null;
      }>(READ_FACTS, { key, prefix: `${key}#` })
    ).records.map((r) =>
      presentFact(
        r.get('fact'),
        {
          from: {
            key: r.get('fromKey'),
            kind: r.get('fromKind'),
            name: String(r.get('fromName') ?? ''),
          },
          to: {
            key: r.get('toKey'),
            kind: r.get('toKind'),
            name: String(r.get('toName') ?? ''),
          },
        },
        key,
      ),
    );
    const reviews = (
      await tx.run<{
        aKey: string;
        aKind: unknown;
        aName: string | null;
        bKey: string;
        bKind: unknown;
        bName: string | null;
        score: unknown;
        method: string | null;
        status: string | null;
      }>(READ_REVIEWS, { key })
    ).records.map((r) => ({
      entity: {
        key: r.get('aKey'),
        kind: String(r.get('aKind')),
        name: String(r.get('aName') ?? ''),
      },
      candidate: {
        key: r.get('bKey'),
        kind: String(r.get('bKind')),
        name: String(r.get('bName') ?? ''),
      },
      score: Number(r.get('score')),
      method: String(r.get('method') ?? ''),
      status: String(r.get('status') ?? 'open'),
    }));
    return {
      ...presentSummary(document, passages.length),
      text: str(p.text) ?? '',
      publisher: str(p.publisher),
      extractor: str(p.extractor),
      passageList: passages,
      mentions,
      facts,
      reviews,
    };
  }, timeoutMs);
}

/** Whether an element is this document's own: no seed states it and this document came first. */
function introducedBy(element: Node | Relationship, documentKey: string): boolean {
  const p = element.properties as Record<string, unknown>;
  const documents = Array.isArray(p.documents) ? (p.documents as unknown[]) : [];
  return p.seed === undefined && documents[0] === documentKey;
}

/** What one document brought into the graph, or undefined when there is no such document. */
export async function readChanges(
  db: Database,
  key: string,
  timeoutMs: number,
): Promise<DocumentChanges | undefined> {
  return db.read(async (tx) => {
    const record = (
      await tx.run<{
        document: Node;
        entities: Node[];
        facts: Relationship[];
        describes: Relationship[];
        ends: Node[];
        first: Node[];
        passages: unknown;
      }>(READ_CHANGES, { key, prefix: `${key}#` })
    ).records[0];
    if (!record) return undefined;
    const document = record.get('document');
    const entities = record.get('entities');
    const facts = record.get('facts');
    const describes = record.get('describes');
    const nodes = new Map<string, Node>();
    for (const node of [document, ...entities, ...record.get('ends')])
      nodes.set(node.elementId, node);
    const first = record.get('first')[0];
    return {
      document: presentSummary(document, num(record.get('passages'))),
      nodes: [...nodes.values()].map(toGraphNode),
      relationships: [...facts, ...describes].map(toGraphRelationship),
      // The document's own node and links are sources, not knowledge it added.
      added: {
        nodes: entities.filter((e) => introducedBy(e, key)).map((e) => e.elementId),
        relationships: facts.filter((r) => introducedBy(r, key)).map((r) => r.elementId),
      },
      confirmed: facts.filter((r) => !introducedBy(r, key)).map((r) => r.elementId),
      firstPassage: first ? toGraphNode(first) : null,
    };
  }, timeoutMs);
}
