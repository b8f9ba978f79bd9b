/**
 * GET /api/nodes/:id and GET /api/nodes/:id/neighbours — a node, its evidence and its
 * neighbourhood; POST /api/nodes/resolve — the current elements for a saved view's references.
 */
import { z } from 'zod';
import {
  LabelNodesResponseSchema,
  NeighboursResponseSchema,
  NodeResponseSchema,
  RESOLVE_MAX_NODES,
  RESOLVE_MAX_RELATIONSHIPS,
  ResolveRequestSchema,
  ResolveResponseSchema,
} from '../../common/contract/explorer.ts';
import { storedElementId } from '../../common/contract/registry.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { defineRoute, type ApiRoute } from '../http/route.ts';
import type { SchemaFactsCache } from '../schema/facts.ts';
import { NameList, nonEmpty } from '../schema/name-list.ts';
import { readLabelPage } from './label-page.ts';
import { readNeighbours, readNode } from './read.ts';
import { resolveReferences } from './resolve.ts';

/** The largest page a client may ask for; the configured neighbourLimit is the default. */
export const NEIGHBOUR_MAX_LIMIT = 1000;
const MAX_SKIP = 1_000_000;

const NodeParams = z.object({
  id: storedElementId.describe('Element id of the node (URL-encoded; ":" may also stay as it is).'),
});

function neighbourQuery(defaultLimit: number) {
  const max = Math.max(defaultLimit, NEIGHBOUR_MAX_LIMIT);
  return z.object({
    types: NameList.optional().describe(
      'Relationship types: comma-separated, or the parameter repeated (at most 50).',
    ),
    labels: NameList.optional().describe(
      'Neighbour labels: comma-separated, or the parameter repeated (at most 50).',
    ),
    direction: z
      .enum(['out', 'in', 'both'], { error: 'must be "out", "in" or "both"' })
      .default('both')
      .describe('Relationship direction seen from the node.'),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(max)
      .default(defaultLimit)
      .describe('Relationships on the page.'),
    skip: z.coerce
      .number()
      .int()
      .min(0)
      .max(MAX_SKIP)
      .default(0)
      .describe('Relationships skipped before the page.'),
  });
}

const LabelParams = z.object({
  label: z
    .string()
    .min(1, 'must not be empty')
    .max(256, 'must be at most 256 characters')
    .describe('The label, exactly as stored (URL-encoded).'),
});

const LabelPageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(NEIGHBOUR_MAX_LIMIT)
    .default(100)
    .describe('Nodes on the page.'),
  skip: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_SKIP)
    .default(0)
    .describe('Nodes skipped before the page.'),
});

export function nodesRoutes(db: Database, facts: SchemaFactsCache, config: Config): ApiRoute[] {
  const timeoutMs = config.limits.queryTimeoutMs;
  return [
    defineRoute({
      method: 'post',
      path: '/nodes/resolve',
      summary: 'The current nodes and relationships for the references of a saved view',
      description:
        'Nodes by a key property of one of their labels (found only when exactly one node has it) ' +
        'or by element id; relationships by the indexes of their resolved ends and their type, the ' +
        `saved element id choosing among parallel ones. At most ${RESOLVE_MAX_NODES} nodes and ` +
        `${RESOLVE_MAX_RELATIONSHIPS} relationships. Unknown references come back as null and are ` +
        'listed in unresolved. Reads only: no write token needed.',
      body: ResolveRequestSchema,
      response: ResolveResponseSchema,
      problems: ['400', '413', '503', '504'],
      handle: ({ body }) => resolveReferences(db, body, timeoutMs),
    }),
    defineRoute({
      method: 'get',
      path: '/nodes/:id',
      summary: 'A node: labels, properties, degree per type and direction, evidence and provenance',
      params: NodeParams,
      response: NodeResponseSchema,
      problems: ['400', '404', '503', '504'],
      handle: async ({ params }) => readNode(db, await facts.get(), params.id, timeoutMs),
    }),
    defineRoute({
      method: 'get',
      path: '/nodes/:id/neighbours',
      summary: 'A page of a node’s relationships and neighbours, with the total',
      description:
        'Stable order: relationship type, then relationship element id. A hub is never returned whole.',
      params: NodeParams,
      query: neighbourQuery(config.limits.neighbourLimit),
      response: NeighboursResponseSchema,
      problems: ['400', '404', '503', '504'],
      handle: ({ params, query }) =>
        readNeighbours(
          db,
          {
            id: params.id,
            ...query,
            types: nonEmpty(query.types),
            labels: nonEmpty(query.labels),
          },
          timeoutMs,
        ),
    }),
    defineRoute({
      method: 'get',
      path: '/labels/:label/nodes',
      summary: 'A page of the nodes with one label, in caption order, with the total',
      description:
        'Ordered by the label’s caption properties (as GET /api/schema reports them), then element id.',
      params: LabelParams,
      query: LabelPageQuery,
      response: LabelNodesResponseSchema,
      problems: ['400', '404', '503', '504'],
      handle: async ({ params, query }) =>
        readLabelPage(db, await facts.get(), { label: params.label, ...query }, timeoutMs),
    }),
  ];
}
