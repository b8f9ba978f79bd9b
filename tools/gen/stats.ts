/**
 * What a generated graph holds, computed from its rows without a database: counts per label and
 * type, the degree distribution with its hubs, and a checksum that proves two runs with the same
 * size and seed produce the same rows.
 */
import { createHash } from 'node:crypto';
import type { Chunk } from './graph.ts';

export interface Hub {
  key: string;
  name: string;
  degree: number;
}

export interface GraphStats {
  nodes: number;
  relationships: number;
  labels: Record<string, number>;
  types: Record<string, number>;
  degree: { median: number; p90: number; p99: number; max: number; mean: number };
  /** The highest-degree nodes, highest first. */
  hubs: Hub[];
  /** Nodes with degree ≥ 10,000. */
  hubsOver10k: number;
  /** sha256 over every row in generation order. */
  checksum: string;
}

function bump(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

/** Accumulates statistics over chunks as they stream past. */
export class StatsCollector {
  private readonly hash = createHash('sha256');
  private readonly degrees = new Map<string, number>();
  private readonly names = new Map<string, string>();
  private nodeCount = 0;
  private relationshipCount = 0;
  private readonly labels: Record<string, number> = {};
  private readonly types: Record<string, number> = {};

  add(chunk: Chunk): void {
    for (const node of chunk.nodes) {
      this.nodeCount += 1;
      bump(this.labels, node.kind ?? node.label);
      this.degrees.set(node.key, this.degrees.get(node.key) ?? 0);
      const name = node.properties.name;
      if (typeof name === 'string') this.names.set(node.key, name);
      this.hash.update(JSON.stringify(node));
    }
    for (const rel of chunk.relationships) {
      this.relationshipCount += 1;
      bump(this.types, rel.type);
      this.degrees.set(rel.from, (this.degrees.get(rel.from) ?? 0) + 1);
      this.degrees.set(rel.to, (this.degrees.get(rel.to) ?? 0) + 1);
      this.hash.update(JSON.stringify(rel));
    }
  }

  result(hubCount = 10): GraphStats {
    const entries = [...this.degrees];
    const sorted = entries.map(([, d]) => d).sort((a, b) => a - b);
    const at = (p: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
    const total = sorted.reduce((sum, d) => sum + d, 0);
    const hubs = entries
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, hubCount)
      .map(([key, degree]) => ({ key, name: this.names.get(key) ?? key, degree }));
    return {
      nodes: this.nodeCount,
      relationships: this.relationshipCount,
      labels: this.labels,
      types: this.types,
      degree: {
        median: at(0.5),
        p90: at(0.9),
        p99: at(0.99),
        max: sorted[sorted.length - 1] ?? 0,
        mean: sorted.length > 0 ? total / sorted.length : 0,
      },
      hubs,
      hubsOver10k: sorted.filter((d) => d >= 10_000).length,
      checksum: this.hash.digest('hex'),
    };
  }
}
