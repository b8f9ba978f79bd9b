/**
 * The vocabulary the server and the client share: every JSON shape that crosses /api.
 * Values inside `properties` use the lossless encoding of common/values.ts.
 */
import type { EncodedValue } from './values.ts';

export type ElementId = string;

export interface GraphNode {
  id: ElementId;
  labels: string[];
  properties: Record<string, EncodedValue>;
}

export interface GraphRelationship {
  id: ElementId;
  type: string;
  start: ElementId;
  end: ElementId;
  properties: Record<string, EncodedValue>;
}

export interface GraphData {
  nodes: GraphNode[];
  relationships: GraphRelationship[];
}

/** GET /api/graph/overview: a bounded first view of the database. */
export interface OverviewResponse extends GraphData {
  /** Total nodes in the database, so the client can say "80 of 2,345". */
  totalNodes: number;
  truncated: boolean;
}

export interface HealthResponse {
  status: 'ok' | 'unavailable';
  app: { name: string; version: string };
  neo4j: {
    reachable: boolean;
    uri: string;
    database: string;
    version?: string;
    edition?: string;
    error?: string;
  };
}

/** RFC 9457 problem details, as every error response carries them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Field-level violations of a request. */
  errors?: { path: string; message: string }[];
  [extension: string]: unknown;
}
