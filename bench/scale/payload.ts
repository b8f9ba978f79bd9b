/**
 * Scenario 5, payload: how many bytes a node or relationship costs in API JSON, and how long the
 * server takes to encode (the lossless encoder) and serialise it, for responses of 100, 1,000 and
 * 10,000 elements — half nodes, half relationships where the graph has enough nodes, drawn
 * across the whole graph.
 */
import { gzipSync } from 'node:zlib';
import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import type { Database } from '../../server/db/database.ts';
import { toGraphNode, toGraphRelationship } from '../../server/db/encode.ts';
import { median } from '../report.ts';

export interface PayloadPoint {
  elements: number;
  bytes: number;
  bytesPerElement: number;
  gzipBytesPerElement: number;
  /** Neo4j values to the JSON-ready shape (encodeValue via toGraphNode/Relationship). */
  encodeMs: number;
  /** JSON.stringify of the encoded response. */
  stringifyMs: number;
}

export const PAYLOAD_SIZES = [100, 1_000, 10_000] as const;

/** Every `stride`-th node and relationship, so all labels and types appear in proportion. */
export const SPREAD_NODES = `
MATCH (n) WITH n SKIP $offset LIMIT $scan
WITH collect(n) AS scanned
RETURN [i IN range(0, size(scanned) - 1, $stride) | scanned[i]][0..$take] AS nodes`;

export const SPREAD_RELATIONSHIPS = `
MATCH ()-[r]->() WITH r SKIP $offset LIMIT $scan
WITH collect(r) AS scanned
RETURN [i IN range(0, size(scanned) - 1, $stride) | scanned[i]][0..$take] AS relationships`;

async function spread<T>(
  db: Database,
  query: string,
  column: string,
  take: number,
  total: number,
): Promise<T[]> {
  const stride = Math.max(1, Math.floor(total / take));
  const params = {
    offset: neo4j.int(0),
    scan: neo4j.int(Math.min(total, take * stride)),
    stride: neo4j.int(stride),
    take: neo4j.int(take),
  };
  return db.read(
    async (tx) => (await tx.run<Record<string, T[]>>(query, params)).records[0]?.get(column) ?? [],
  );
}

export async function benchPayload(
  db: Database,
  totals: { nodes: number; relationships: number },
  repeats: number,
  sizes: readonly number[] = PAYLOAD_SIZES,
): Promise<PayloadPoint[]> {
  const largest = Math.max(...sizes);
  const nodes = await spread<Node>(db, SPREAD_NODES, 'nodes', largest / 2, totals.nodes);
  // Small graphs have fewer nodes than half the largest response: relationships make up the rest.
  const relationships = await spread<Relationship>(
    db,
    SPREAD_RELATIONSHIPS,
    'relationships',
    largest - Math.min(nodes.length, largest / 2),
    totals.relationships,
  );
  const points: PayloadPoint[] = [];
  for (const elements of sizes) {
    const someNodes = nodes.slice(0, elements / 2);
    const someRelationships = relationships.slice(0, elements - someNodes.length);
    const count = someNodes.length + someRelationships.length;
    const encodeTimes: number[] = [];
    const stringifyTimes: number[] = [];
    let json = '';
    for (let i = 0; i < repeats + 1; i += 1) {
      const t0 = performance.now();
      const body = {
        nodes: someNodes.map(toGraphNode),
        relationships: someRelationships.map(toGraphRelationship),
      };
      const t1 = performance.now();
      json = JSON.stringify(body);
      const t2 = performance.now();
      if (i === 0) continue; // the first pass warms the JIT
      encodeTimes.push(t1 - t0);
      stringifyTimes.push(t2 - t1);
    }
    const bytes = Buffer.byteLength(json);
    points.push({
      elements: count,
      bytes,
      bytesPerElement: bytes / count,
      gzipBytesPerElement: gzipSync(json).length / count,
      encodeMs: median(encodeTimes),
      stringifyMs: median(stringifyTimes),
    });
  }
  return points;
}
